#pragma once

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

// The SQL database the repositories speak to, whichever engine is behind it: SQLite (embedded,
// the default) or PostgreSQL (several servers). Repositories write their SQL once, with `?`
// placeholders and the subset both engines accept (RETURNING, ON CONFLICT, LIMIT); the schema is
// the one place each engine has its own text (SqliteMigrations.cpp, PostgresMigrations.cpp).

namespace tisheng::storage {

/// Thrown for any database failure; what() names the statement's purpose, never user data.
class StorageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Thrown when a UNIQUE or FOREIGN KEY constraint fails.
class ConstraintError : public StorageError {
 public:
  using StorageError::StorageError;
};

enum class Dialect { Sqlite, Postgres };

/// One prepared statement of an engine. Bind indexes start at 1, column indexes at 0.
class Cursor {
 public:
  virtual ~Cursor() = default;
  virtual void bindInteger(int index, std::int64_t value) = 0;
  virtual void bindReal(int index, double value) = 0;
  virtual void bindText(int index, std::string_view value) = 0;
  /// Bytes that are not text (photos, evidence).
  virtual void bindBlob(int index, std::string_view bytes) = 0;
  virtual void bindNull(int index) = 0;
  /// Runs the statement on its first call; each call moves to the next row, false when done.
  virtual bool step() = 0;
  virtual std::int64_t integer(int column) const = 0;
  virtual double real(int column) const = 0;
  /// Text or blob bytes of a column; empty for NULL.
  virtual std::string text(int column) const = 0;
  virtual bool isNull(int column) const = 0;
  virtual int columnCount() const = 0;
  /// Rows changed by the statement, once run.
  virtual int changes() const = 0;
  /// Forgets the bindings and the results, ready to run again.
  virtual void reset() = 0;
};

/// A prepared statement borrowed from a Connection's cache; reset when released.
class Statement {
 public:
  explicit Statement(Cursor& cursor) : cursor_(&cursor) {}
  ~Statement() { cursor_->reset(); }
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
  Statement& bindBlob(int index, std::string_view bytes);
  Statement& bindNull(int index);
  template <typename T>
  Statement& bind(int index, const std::optional<T>& value) {
    return value ? bind(index, *value) : bindNull(index);
  }

  /// Advances to the next row; false when done. Throws StorageError / ConstraintError.
  bool step() { return cursor_->step(); }
  /// Runs a statement that returns no rows; returns the rows it changed.
  int run();
  /// Runs an INSERT ... RETURNING id and returns the id.
  std::int64_t insertedId();

  std::int64_t integer(int column) const { return cursor_->integer(column); }
  double real(int column) const { return cursor_->real(column); }
  std::string text(int column) const { return cursor_->text(column); }
  bool isNull(int column) const { return cursor_->isNull(column); }
  int columnCount() const { return cursor_->columnCount(); }
  std::optional<std::string> optionalText(int column) const;
  std::optional<std::int64_t> optionalInteger(int column) const;

 private:
  Cursor* cursor_;
};

/// One connection with its cache of prepared statements. Not thread-safe: one thread at a time,
/// which the ConnectionPool guarantees.
class Connection {
 public:
  virtual ~Connection() = default;
  /// The cached statement for sql (with `?` placeholders), prepared on first use.
  virtual Statement prepare(const std::string& sql) = 0;
  /// Runs one or more statements without results or parameters.
  virtual void execute(const std::string& sql) = 0;
  /// Starts a transaction that writes. Writers follow one another: a writer sees everything
  /// committed before it began, as SQLite's BEGIN IMMEDIATE gives.
  virtual void beginWrite() = 0;
  /// Starts a read-only transaction on one consistent snapshot.
  virtual void beginRead() = 0;
  virtual Dialect dialect() const = 0;
  /// True when the link to the database is lost; the pool then drops the connection.
  virtual bool broken() const { return false; }

  /// Records that a write on this connection advanced the registry's generation to value. Once
  /// its transaction commits (or at once, outside a transaction), the pool learns the value when
  /// the connection goes back; a rollback forgets it.
  void advancedGeneration(std::int64_t value) { pendingGeneration_ = value; }

 private:
  friend class ConnectionPool;
  friend class Transaction;
  /// Settles the pending generation as committed (a commit, or a write outside a transaction).
  void settleGeneration() {
    committedGeneration_ = std::max(committedGeneration_, pendingGeneration_);
    pendingGeneration_ = 0;
  }
  std::int64_t pendingGeneration_ = 0;
  std::int64_t committedGeneration_ = 0;
};

/// A bounded set of connections to one database, opened on demand. acquire() blocks while all
/// are lent out. Thread-safe.
class ConnectionPool {
 public:
  using Opener = std::function<std::unique_ptr<Connection>()>;

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

  /// Opens the first connection at once, so that a wrong address fails here.
  ConnectionPool(Opener open, std::size_t size);
  Lease acquire();
  Dialect dialect() const { return dialect_; }

  /// The highest registry generation this pool knows to be committed: told by its own
  /// connections as they come back, and by noteGeneration for commits made elsewhere.
  std::int64_t knownGeneration() const { return knownGeneration_.load(); }
  /// Raises knownGeneration to value (never lowers it).
  void noteGeneration(std::int64_t value);

 private:
  Opener open_;
  std::size_t size_;
  std::size_t created_ = 0;
  Dialect dialect_;
  std::vector<std::unique_ptr<Connection>> idle_;
  std::mutex mutex_;
  std::condition_variable_any available_;
  std::atomic<std::int64_t> knownGeneration_{0};
};

/// A write transaction (Connection::beginWrite) from construction; ROLLBACK on destruction unless
/// commit() was called, so an exception anywhere leaves nothing half-written.
class Transaction {
 public:
  explicit Transaction(Connection& connection);
  ~Transaction();
  void commit();

 private:
  Connection& connection_;
  bool done_ = false;
};

/// Runs work on one consistent snapshot (Connection::beginRead) and ends the transaction, also
/// when work throws.
void readSnapshot(Connection& connection, const std::function<void()>& work);

}  // namespace tisheng::storage
