#include <filesystem>
#include <fstream>
#include <sstream>

#include "app/Config.h"
#include "app/Keys.h"
#include "cli/Commands.h"
#include "storage/AuditLog.h"
#include "storage/Copy.h"
#include "storage/Storage.h"

namespace tisheng::cli {

namespace {

namespace fs = std::filesystem;

const char* kMigrateHelp =
    "usage: tisheng migrate --from sqlite:PATH --to postgresql://USER@HOST:PORT/DB "
    "[--config FILE]\n"
    "Copies a whole registry from SQLite to an empty PostgreSQL database: every table (ids,\n"
    "history, the audit trail with its hashes), the photos and evidence of the media folder\n"
    "beside PATH, and the signing keys of the keys folder beside PATH, encrypted under the\n"
    "key-encryption key (keys.kek_file or TISHENG_KEYS_KEK). Then checks the copy: rows per\n"
    "table, every file and key, and the audit trail intact on the target with the source's head.\n"
    "Stop the servers on the source first. Exit 0 when the copy checks out, 1 when it does not.\n";

std::string readBytes(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

/// Every file under root (not the temporaries of an interrupted write), by relative name.
std::vector<std::string> mediaFiles(const fs::path& root) {
  std::vector<std::string> names;
  if (!fs::is_directory(root)) return names;
  for (const auto& file : fs::recursive_directory_iterator(root))
    if (file.is_regular_file() && file.path().extension() != ".tmp")
      names.push_back(fs::relative(file.path(), root).generic_string());
  std::sort(names.begin(), names.end());
  return names;
}

}  // namespace

int migrate(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  std::string from, to, configFile = kDefaultConfigFile;
  bool configRequired = false;
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--help" || args[i] == "-h") {
      out << kMigrateHelp;
      return 0;
    } else if (args[i] == "--from" && i + 1 < args.size()) {
      from = args[++i];
    } else if (args[i] == "--to" && i + 1 < args.size()) {
      to = args[++i];
    } else if (args[i] == "--config" && i + 1 < args.size()) {
      configFile = args[++i];
      configRequired = true;
    } else {
      err << kMigrateHelp;
      return 2;
    }
  }
  if (from.empty() || to.empty()) {
    err << kMigrateHelp;
    return 2;
  }
  try {
    auto config = app::loadConfig(configFile, configRequired, app::processEnvironment());
    auto sourceAddress = storage::StorageAddress::parse(from);
    auto targetAddress = storage::StorageAddress::parse(to);
    if (sourceAddress.dialect != storage::Dialect::Sqlite ||
        targetAddress.dialect != storage::Dialect::Postgres)
      throw std::runtime_error("copies from sqlite:PATH to postgresql://... only");
    fs::path dataDir = sourceAddress.file.parent_path();
    sourceAddress.mediaDir = dataDir / "media";
    auto source = storage::Storage::open(sourceAddress, 2, storage::Storage::Create::Never);
    auto target = storage::Storage::open(targetAddress, 2);
    bool sound = true;

    // Tables, and their rows counted on both sides.
    auto sourceCounts = storage::countRows(*source->database().acquire());
    auto copied = [&] {
      auto sourceDb = source->database().acquire();
      auto targetDb = target->database().acquire();
      return storage::copyRegistry(*sourceDb, *targetDb);
    }();
    for (const auto& [table, rows] : sourceCounts) {
      bool same = copied[table] == rows;
      sound = sound && same;
      out << table << ": " << rows << " → " << copied[table] << (same ? "" : "  MISMATCH") << "\n";
    }

    // Photos and evidence, read back from the target.
    auto files = mediaFiles(sourceAddress.mediaDir);
    std::size_t mediaSame = 0;
    for (const auto& name : files) {
      std::string bytes = readBytes(sourceAddress.mediaDir / name);
      target->media().put(name, bytes);
      mediaSame += target->media().get(name) == bytes;
    }
    sound = sound && mediaSame == files.size();
    out << "media files: " << files.size() << " → " << mediaSame << "\n";

    // Signing keys, encrypted under the key-encryption key, opened again to check.
    std::vector<std::string> sourceKids, targetKids;
    if (fs::is_directory(dataDir / "keys")) {
      certificates::DirectoryKeyVault keys(dataDir / "keys");
      auto vault = app::keyVault(config, *target);
      for (const auto& key : keys.load()) {
        vault->save(key.record, key.key);
        sourceKids.push_back(key.record.kid);
      }
      for (const auto& key : vault->load()) targetKids.push_back(key.record.kid);
    }
    std::sort(sourceKids.begin(), sourceKids.end());
    sound = sound && sourceKids == targetKids;
    out << "signing keys: " << sourceKids.size() << " → " << targetKids.size() << "\n";

    // The audit trail: intact on the target and ending where the source's ends.
    auto head = storage::auditHead(*source->database().acquire());
    auto check = storage::verifyAuditExtends(*target->database().acquire(), head);
    bool sameHead = check.intact && check.rows == head.rows;
    sound = sound && sameHead;
    out << "audit trail: " << (sameHead ? "intact, " : "NOT THE SAME, ") << check.rows
        << " rows, head " << check.headHash << "\n";
    out << (sound ? "migrated " : "MIGRATION INCOMPLETE ") << sourceAddress.shown() << " to "
        << targetAddress.shown() << "\n";
    return sound ? 0 : 1;
  } catch (const std::exception& error) {
    err << "tisheng migrate: " << error.what() << "\n";
    return 2;
  }
}

}  // namespace tisheng::cli
