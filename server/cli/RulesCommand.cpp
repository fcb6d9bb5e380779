#include "cli/Commands.h"
#include "rules/StandardRegistry.h"

namespace tisheng::cli {

int rules(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  if (args.size() == 1 && (args[0] == "--help" || args[0] == "-h")) {
    out << "usage: tisheng rules lint DIR\n"
           "Checks every *.json standard in DIR and prints each problem as\n"
           "`file: json-path: message`. Exits 1 when any problem is found.\n";
    return 0;
  }
  if (args.size() != 2 || args[0] != "lint") {
    err << "usage: tisheng rules lint DIR\n";
    return 2;
  }
  std::vector<std::string> problems;
  auto registry = rules::StandardRegistry::scan(args[1], problems);
  for (const auto& line : problems) out << line << "\n";
  if (!problems.empty()) {
    err << problems.size() << " problem(s) found\n";
    return 1;
  }
  for (const auto& standard : registry.latestOfEach())
    out << standard->id << " v" << standard->version << ": ok (" << standard->itemCount()
        << " items, " << standard->grades.size() << " grades)\n";
  return 0;
}

}  // namespace tisheng::cli
