#include "storage/Sqlite.h"

#include <sqlite3.h>

namespace tisheng::storage {

namespace {
[[noreturn]] void fail(sqlite3* db, const std::string& what) {
  int code = sqlite3_extended_errcode(db);
  std::string message = what + ": " + sqlite3_errmsg(db);
  if ((code & 0xff) == SQLITE_CONSTRAINT) throw ConstraintError(message);
  throw StorageError(message);
}
}  // namespace

Statement::~Statement() {
  sqlite3_reset(statement_);
  sqlite3_clear_bindings(statement_);
}

Statement& Statement::bind(int index, std::int64_t value) {
  sqlite3_bind_int64(statement_, index, value);
  return *this;
}

Statement& Statement::bind(int index, double value) {
  sqlite3_bind_double(statement_, index, value);
  return *this;
}

Statement& Statement::bind(int index, std::string_view value) {
  sqlite3_bind_text(statement_, index, value.data(), static_cast<int>(value.size()),
                    SQLITE_TRANSIENT);
  return *this;
}

Statement& Statement::bindNull(int index) {
  sqlite3_bind_null(statement_, index);
  return *this;
}

bool Statement::step() {
  int rc = sqlite3_step(statement_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  fail(db_, "statement failed");
}

void Statement::run() {
  while (step()) {
  }
}

std::int64_t Statement::integer(int column) const {
  return sqlite3_column_int64(statement_, column);
}
double Statement::real(int column) const { return sqlite3_column_double(statement_, column); }

std::string Statement::text(int column) const {
  const unsigned char* value = sqlite3_column_text(statement_, column);
  return value ? std::string(reinterpret_cast<const char*>(value),
                             static_cast<std::size_t>(sqlite3_column_bytes(statement_, column)))
               : std::string();
}

int Statement::columnCount() const { return sqlite3_column_count(statement_); }

bool Statement::isNull(int column) const {
  return sqlite3_column_type(statement_, column) == SQLITE_NULL;
}

std::optional<std::string> Statement::optionalText(int column) const {
  if (isNull(column)) return std::nullopt;
  return text(column);
}

std::optional<std::int64_t> Statement::optionalInteger(int column) const {
  if (isNull(column)) return std::nullopt;
  return integer(column);
}

Connection::Connection(const std::filesystem::path& file) {
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

Connection::~Connection() {
  for (auto& [sql, statement] : cache_) sqlite3_finalize(statement);
  sqlite3_close(db_);
}

Statement Connection::prepare(const std::string& sql) {
  auto it = cache_.find(sql);
  if (it == cache_.end()) {
    sqlite3_stmt* statement = nullptr;
    if (sqlite3_prepare_v3(db_, sql.c_str(), -1, SQLITE_PREPARE_PERSISTENT, &statement, nullptr) !=
        SQLITE_OK)
      fail(db_, "cannot prepare statement");
    it = cache_.emplace(sql, statement).first;
  }
  return Statement(db_, it->second);
}

void Connection::execute(const std::string& sql) {
  char* error = nullptr;
  if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
    std::string message = error ? error : "unknown error";
    sqlite3_free(error);
    if (message.find("constraint failed") != std::string::npos) throw ConstraintError(message);
    throw StorageError(message);
  }
}

std::int64_t Connection::lastInsertId() const { return sqlite3_last_insert_rowid(db_); }

int Connection::changes() const { return sqlite3_changes(db_); }

ConnectionPool::Lease::~Lease() {
  if (!connection_) return;
  std::lock_guard lock(pool_->mutex_);
  pool_->idle_.push_back(std::move(connection_));
  pool_->available_.notify_one();
}

ConnectionPool::ConnectionPool(std::filesystem::path file, std::size_t size)
    : file_(std::move(file)), size_(std::max<std::size_t>(size, 1)) {
  if (file_.has_parent_path()) std::filesystem::create_directories(file_.parent_path());
  idle_.push_back(std::make_unique<Connection>(file_));
  created_ = 1;
}

ConnectionPool::Lease ConnectionPool::acquire() {
  std::unique_lock lock(mutex_);
  if (idle_.empty() && created_ < size_) {
    ++created_;
    lock.unlock();
    try {
      return Lease(*this, std::make_unique<Connection>(file_));
    } catch (...) {
      std::lock_guard relock(mutex_);
      --created_;
      throw;
    }
  }
  available_.wait(lock, [this] { return !idle_.empty(); });
  auto connection = std::move(idle_.back());
  idle_.pop_back();
  return Lease(*this, std::move(connection));
}

Transaction::Transaction(Connection& connection) : connection_(connection) {
  connection_.execute("BEGIN IMMEDIATE");
}

Transaction::~Transaction() {
  if (!done_) {
    try {
      connection_.execute("ROLLBACK");
    } catch (...) {
      // Nothing more can be done; SQLite rolls back on close anyway.
    }
  }
}

void Transaction::commit() {
  connection_.execute("COMMIT");
  done_ = true;
}

}  // namespace tisheng::storage
