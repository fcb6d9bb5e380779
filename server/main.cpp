#include <iostream>
#include <string>
#include <vector>

#include "cli/Commands.h"

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    std::cout << tisheng::cli::usage();
    return args.empty() ? 2 : 0;
  }
  std::string command = args[0];
  args.erase(args.begin());
  if (command == "serve") return tisheng::cli::serve(args, std::cout, std::cerr);
  if (command == "rules") return tisheng::cli::rules(args, std::cout, std::cerr);
  if (command == "verify") return tisheng::cli::verify(args, std::cout, std::cerr);
  if (command == "audit") return tisheng::cli::audit(args, std::cout, std::cerr);
  if (command == "backup") return tisheng::cli::backup(args, std::cout, std::cerr);
  if (command == "admin") return tisheng::cli::admin(args, std::cout, std::cerr);
  if (command == "tick") return tisheng::cli::tick(args, std::cout, std::cerr);
  if (command == "catalogue") return tisheng::cli::catalogue(args, std::cout, std::cerr);
  if (command == "report") return tisheng::cli::report(args, std::cout, std::cerr);
  if (command == "migrate") return tisheng::cli::migrate(args, std::cout, std::cerr);
  if (command == "keys") return tisheng::cli::keys(args, std::cout, std::cerr);
  std::cerr << "tisheng: unknown command '" << command << "'\n" << tisheng::cli::usage();
  return 2;
}
