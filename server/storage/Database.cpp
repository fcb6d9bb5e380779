#include "storage/Database.h"

#include <sqlite3.h>

#include <stdexcept>

namespace tisheng::storage {

namespace {
void execute(sqlite3* db, const char* sql, const std::filesystem::path& file) {
  char* error = nullptr;
  if (sqlite3_exec(db, sql, nullptr, nullptr, &error) != SQLITE_OK) {
    std::string message = error ? error : "unknown error";
    sqlite3_free(error);
    throw std::runtime_error(file.string() + ": " + message);
  }
}
}  // namespace

Database::Database(const std::filesystem::path& file) : file_(file) {
  if (file.has_parent_path()) std::filesystem::create_directories(file.parent_path());
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX;
  if (sqlite3_open_v2(file.string().c_str(), &db_, flags, nullptr) != SQLITE_OK) {
    std::string message = db_ ? sqlite3_errmsg(db_) : "out of memory";
    sqlite3_close(db_);
    throw std::runtime_error(file.string() + ": cannot open database: " + message);
  }
  try {
    sqlite3_busy_timeout(db_, 5000);
    execute(db_, "PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL;",
            file_);
  } catch (...) {
    sqlite3_close(db_);
    throw;
  }
}

Database::~Database() { sqlite3_close(db_); }

std::string Database::queryText(const char* sql) {
  std::lock_guard lock(mutex_);
  sqlite3_stmt* statement = nullptr;
  std::string result;
  if (sqlite3_prepare_v2(db_, sql, -1, &statement, nullptr) == SQLITE_OK &&
      sqlite3_step(statement) == SQLITE_ROW) {
    const unsigned char* text = sqlite3_column_text(statement, 0);
    result = text ? reinterpret_cast<const char*>(text) : "";
  }
  sqlite3_finalize(statement);
  return result;
}

std::string Database::journalMode() { return queryText("PRAGMA journal_mode"); }

bool Database::healthy() { return queryText("SELECT 'ok'") == "ok"; }

}  // namespace tisheng::storage
