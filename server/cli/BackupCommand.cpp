#include <sqlite3.h>

#include "app/Config.h"
#include "cli/Commands.h"
#include "storage/Sqlite.h"
#include "storage/Storage.h"

namespace tisheng::cli {

namespace {
const char* kBackupHelp =
    "usage: tisheng backup FILE [--config FILE]\n"
    "Copies the database to FILE with SQLite's online backup API: a consistent snapshot, taken\n"
    "while the server keeps running. FILE must not exist yet.\n";

struct Closer {
  void operator()(sqlite3* db) const { sqlite3_close(db); }
};
}  // namespace

int backup(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  std::string target, configFile = kDefaultConfigFile;
  bool configRequired = false;
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--help" || args[i] == "-h") {
      out << kBackupHelp;
      return 0;
    } else if (args[i] == "--config" && i + 1 < args.size()) {
      configFile = args[++i];
      configRequired = true;
    } else if (target.empty() && !args[i].starts_with("--")) {
      target = args[i];
    } else {
      err << kBackupHelp;
      return 2;
    }
  }
  if (target.empty()) {
    err << kBackupHelp;
    return 2;
  }
  try {
    auto config = app::loadConfig(configFile, configRequired, app::processEnvironment());
    if (std::filesystem::exists(target)) throw std::runtime_error(target + " already exists");
    auto address = config.storage();
    if (address.dialect != storage::Dialect::Sqlite)
      throw std::runtime_error(address.shown() +
                               " is PostgreSQL: back it up with pg_dump (see README)");
    auto stored = storage::Storage::open(address, 1, storage::Storage::Create::Never);
    auto source = stored->database().acquire();
    sqlite3* raw = nullptr;
    sqlite3_open_v2(target.c_str(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    std::unique_ptr<sqlite3, Closer> copy(raw);
    sqlite3_backup* backup =
        sqlite3_backup_init(copy.get(), "main", storage::sqliteHandle(*source), "main");
    if (!backup) throw std::runtime_error(target + ": " + sqlite3_errmsg(copy.get()));
    // All pages in one step: the copy is one consistent read snapshot of the source.
    int rc = sqlite3_backup_step(backup, -1);
    sqlite3_backup_finish(backup);
    if (rc != SQLITE_DONE) {
      std::filesystem::remove(target);
      throw std::runtime_error(std::string("backup failed: ") + sqlite3_errstr(rc));
    }
    out << "backed up " << address.file.string() << " to " << target << "\n";
    return 0;
  } catch (const std::exception& error) {
    err << "tisheng backup: " << error.what() << "\n";
    return 1;
  }
}

}  // namespace tisheng::cli
