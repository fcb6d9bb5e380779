#include "app/Config.h"
#include "cli/Commands.h"
#include "storage/AuditLog.h"
#include "storage/Migrations.h"

namespace tisheng::cli {

namespace {
const char* kAuditHelp =
    "usage: tisheng audit verify [--config FILE]\n"
    "Recomputes the hash chain of the audit trail. Exits 0 and prints the row count and the\n"
    "head hash (keep it elsewhere: a later run that does not reach it means rows were cut off)\n"
    "when intact; exits 1 naming the first edited, inserted or missing row otherwise.\n";
}  // namespace

int audit(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  std::string configFile = kDefaultConfigFile;
  bool configRequired = false;
  bool verify = false;
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--help" || args[i] == "-h") {
      out << kAuditHelp;
      return 0;
    } else if (args[i] == "verify") {
      verify = true;
    } else if (args[i] == "--config" && i + 1 < args.size()) {
      configFile = args[++i];
      configRequired = true;
    } else {
      verify = false;
      break;
    }
  }
  if (!verify) {
    err << kAuditHelp;
    return 2;
  }
  try {
    auto config = app::loadConfig(configFile, configRequired, app::processEnvironment());
    if (!std::filesystem::exists(config.databasePath()))
      throw std::runtime_error(config.databasePath().string() + ": no database");
    storage::Connection connection(config.databasePath());
    storage::migrate(connection);
    auto check = storage::verifyAudit(connection);
    if (!check.intact) {
      out << "audit trail BROKEN at row " << *check.firstBadRow << ": " << check.problem << "\n";
      return 1;
    }
    out << "audit trail intact: " << check.rows << " rows, head " << check.headHash << "\n";
    return 0;
  } catch (const std::exception& error) {
    err << "tisheng audit: " << error.what() << "\n";
    return 2;
  }
}

}  // namespace tisheng::cli
