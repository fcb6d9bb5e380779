#include "storage/Sqlite.h"

#include <sqlite3.h>

#include <map>

namespace tisheng::storage {

namespace {

[[noreturn]] void fail(sqlite3* db, const std::string& what) {
  int code = sqlite3_extended_errcode(db);
  std::string message = what + ": " + sqlite3_errmsg(db);
  if ((code & 0xff) == SQLITE_CONSTRAINT) throw ConstraintError(message);
  throw StorageError(message);
}

class SqliteCursor : public Cursor {
 public:
  SqliteCursor(sqlite3* db, sqlite3_stmt* statement) : db_(db), statement_(statement) {}
  ~SqliteCursor() override { sqlite3_finalize(statement_); }
  SqliteCursor(const SqliteCursor&) = delete;
  SqliteCursor& operator=(const SqliteCursor&) = delete;

  void bindInteger(int index, std::int64_t value) override {
    sqlite3_bind_int64(statement_, index, value);
  }
  void bindReal(int index, double value) override { sqlite3_bind_double(statement_, index, value); }
  void bindText(int index, std::string_view value) override {
    sqlite3_bind_text(statement_, index, value.data(), static_cast<int>(value.size()),
                      SQLITE_TRANSIENT);
  }
  void bindBlob(int index, std::string_view bytes) override {
    sqlite3_bind_blob(statement_, index, bytes.data(), static_cast<int>(bytes.size()),
                      SQLITE_TRANSIENT);
  }
  void bindNull(int index) override { sqlite3_bind_null(statement_, index); }

  bool step() override {
    int rc = sqlite3_step(statement_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) {
      changes_ = sqlite3_changes(db_);
      return false;
    }
    fail(db_, "statement failed");
  }

  std::int64_t integer(int column) const override {
    return sqlite3_column_int64(statement_, column);
  }
  double real(int column) const override { return sqlite3_column_double(statement_, column); }
  std::string text(int column) const override {
    const void* value = sqlite3_column_blob(statement_, column);
    return value ? std::string(static_cast<const char*>(value),
                               static_cast<std::size_t>(sqlite3_column_bytes(statement_, column)))
                 : std::string();
  }
  bool isNull(int column) const override {
    return sqlite3_column_type(statement_, column) == SQLITE_NULL;
  }
  int columnCount() const override { return sqlite3_column_count(statement_); }
  int changes() const override { return changes_; }
  void reset() override {
    sqlite3_reset(statement_);
    sqlite3_clear_bindings(statement_);
    changes_ = 0;
  }

 private:
  sqlite3* db_;
  sqlite3_stmt* statement_;
  int changes_ = 0;
};

class SqliteConnection : public Connection {
 public:
  explicit SqliteConnection(const std::filesystem::path& file) {
    // Before SQLite's first use: memory statistics cost a global mutex on every allocation.
    static const bool configured = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0) == SQLITE_OK;
    (void)configured;
    int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
    if (sqlite3_open_v2(file.string().c_str(), &db_, flags, nullptr) != SQLITE_OK) {
      std::string message = db_ ? sqlite3_errmsg(db_) : "out of memory";
      sqlite3_close(db_);
      throw StorageError(file.string() + ": cannot open database: " + message);
    }
    sqlite3_busy_timeout(db_, 5000);
    try {
      // Memory-mapped reads spare a read() system call per page on the hot lookup paths.
      execute(
          "PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL; "
          "PRAGMA mmap_size=268435456; PRAGMA cache_size=-16384;");
    } catch (...) {
      sqlite3_close(db_);
      throw;
    }
  }

  ~SqliteConnection() override {
    cache_.clear();
    sqlite3_close(db_);
  }
  SqliteConnection(const SqliteConnection&) = delete;
  SqliteConnection& operator=(const SqliteConnection&) = delete;

  Statement prepare(const std::string& sql) override {
    auto it = cache_.find(sql);
    if (it == cache_.end()) {
      sqlite3_stmt* statement = nullptr;
      if (sqlite3_prepare_v3(db_, sql.c_str(), -1, SQLITE_PREPARE_PERSISTENT, &statement,
                             nullptr) != SQLITE_OK)
        fail(db_, "cannot prepare statement");
      it = cache_.emplace(sql, std::make_unique<SqliteCursor>(db_, statement)).first;
    }
    return Statement(*it->second);
  }

  void execute(const std::string& sql) override {
    char* error = nullptr;
    if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
      std::string message = error ? error : "unknown error";
      sqlite3_free(error);
      if (message.find("constraint failed") != std::string::npos) throw ConstraintError(message);
      throw StorageError(message);
    }
  }

  void beginWrite() override { execute("BEGIN IMMEDIATE"); }
  void beginRead() override { execute("BEGIN"); }
  Dialect dialect() const override { return Dialect::Sqlite; }
  sqlite3* handle() const { return db_; }

 private:
  sqlite3* db_ = nullptr;
  std::map<std::string, std::unique_ptr<SqliteCursor>, std::less<>> cache_;
};

}  // namespace

std::unique_ptr<Connection> openSqlite(const std::filesystem::path& file) {
  return std::make_unique<SqliteConnection>(file);
}

std::unique_ptr<ConnectionPool> sqlitePool(const std::filesystem::path& file, std::size_t size) {
  if (file.has_parent_path()) std::filesystem::create_directories(file.parent_path());
  return std::make_unique<ConnectionPool>([file] { return openSqlite(file); }, size);
}

sqlite3* sqliteHandle(Connection& connection) {
  return dynamic_cast<SqliteConnection&>(connection).handle();
}

}  // namespace tisheng::storage
