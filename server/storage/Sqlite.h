#pragma once

#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace tisheng::storage {

/// Thrown for any SQLite failure; what() names the statement's purpose, never user data.
class StorageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Thrown when a UNIQUE or FOREIGN KEY constraint fails.
class ConstraintError : public StorageError {
 public:
  using StorageError::StorageError;
};

/// A prepared statement borrowed from a Connection's cache; reset and cleared when released.
/// Bind indexes start at 1, column indexes at 0.
class Statement {
 public:
  Statement(sqlite3* db, sqlite3_stmt* statement) : db_(db), statement_(statement) {}
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  Statement& bind(int index, std::int64_t value);
  Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
  Statement& bind(int index, double value);
  Statement& bind(int index, std::string_view value);
  Statement& bind(int index, const char* value) { return bind(index, std::string_view(value)); }
  Statement& bind(int index, const std::string& value) {
    return bind(index, std::string_view(value));
  }
  Statement& bindNull(int index);
  template <typename T>
  Statement& bind(int index, const std::optional<T>& value) {
    return value ? bind(index, *value) : bindNull(index);
  }

  /// Advances to the next row; false when done. Throws StorageError / ConstraintError.
  bool step();
  /// Runs a statement that returns no rows.
  void run();

  std::int64_t integer(int column) const;
  double real(int column) const;
  std::string text(int column) const;
  bool isNull(int column) const;
  /// Columns in the statement's result rows.
  int columnCount() const;
  std::optional<std::string> optionalText(int column) const;
  std::optional<std::int64_t> optionalInteger(int column) const;

 private:
  sqlite3* db_;
  sqlite3_stmt* statement_;
};

/// One SQLite connection with its cache of prepared statements. Not thread-safe: one thread
/// at a time, which the ConnectionPool guarantees.
class Connection {
 public:
  explicit Connection(const std::filesystem::path& file);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  /// The cached statement for sql, prepared on first use.
  Statement prepare(const std::string& sql);
  /// Runs one or more statements without results.
  void execute(const std::string& sql);
  std::int64_t lastInsertId() const;
  /// Rows changed by the last INSERT, UPDATE or DELETE.
  int changes() const;
  sqlite3* handle() const { return db_; }

 private:
  sqlite3* db_ = nullptr;
  std::map<std::string, sqlite3_stmt*, std::less<>> cache_;
};

/// A bounded set of connections to one database file (WAL, foreign keys on, busy timeout).
/// acquire() blocks while all are lent out. Thread-safe.
class ConnectionPool {
 public:
  class Lease {
   public:
    Lease(ConnectionPool& pool, std::unique_ptr<Connection> connection)
        : pool_(&pool), connection_(std::move(connection)) {}
    Lease(Lease&&) = default;
    ~Lease();
    Connection* operator->() const { return connection_.get(); }
    Connection& operator*() const { return *connection_; }

   private:
    ConnectionPool* pool_;
    std::unique_ptr<Connection> connection_;
  };

  /// Opens (creating the file and its folder) and checks the first connection.
  ConnectionPool(std::filesystem::path file, std::size_t size);
  Lease acquire();
  const std::filesystem::path& file() const { return file_; }

 private:
  std::filesystem::path file_;
  std::size_t size_;
  std::size_t created_ = 0;
  std::vector<std::unique_ptr<Connection>> idle_;
  std::mutex mutex_;
  std::condition_variable_any available_;
};

/// BEGIN IMMEDIATE on construction; ROLLBACK on destruction unless commit() was called, so an
/// exception anywhere leaves nothing half-written.
class Transaction {
 public:
  explicit Transaction(Connection& connection);
  ~Transaction();
  void commit();

 private:
  Connection& connection_;
  bool done_ = false;
};

}  // namespace tisheng::storage
