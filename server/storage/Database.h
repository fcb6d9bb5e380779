#pragma once

#include <filesystem>
#include <mutex>
#include <string>

struct sqlite3;

namespace tisheng::storage {

/// The embedded SQLite database file: opened (and created, with its folder) in WAL mode with
/// foreign keys on and a busy timeout. Throws std::runtime_error naming the file when it cannot
/// be opened. One connection, serialised by a mutex; safe to call from any thread.
class Database {
 public:
  explicit Database(const std::filesystem::path& file);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  const std::filesystem::path& file() const { return file_; }
  /// The journal mode in force ("wal" once opened).
  std::string journalMode();
  /// True when a trivial query succeeds.
  bool healthy();

 private:
  std::string queryText(const char* sql);

  std::filesystem::path file_;
  sqlite3* db_ = nullptr;
  std::mutex mutex_;
};

}  // namespace tisheng::storage
