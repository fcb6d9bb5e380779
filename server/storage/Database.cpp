#include "storage/Database.h"

namespace tisheng::storage {

Statement& Statement::bind(int index, std::int64_t value) {
  cursor_->bindInteger(index, value);
  return *this;
}

Statement& Statement::bind(int index, double value) {
  cursor_->bindReal(index, value);
  return *this;
}

Statement& Statement::bind(int index, std::string_view value) {
  cursor_->bindText(index, value);
  return *this;
}

Statement& Statement::bindBlob(int index, std::string_view bytes) {
  cursor_->bindBlob(index, bytes);
  return *this;
}

Statement& Statement::bindNull(int index) {
  cursor_->bindNull(index);
  return *this;
}

int Statement::run() {
  while (step()) {
  }
  return cursor_->changes();
}

std::int64_t Statement::insertedId() {
  if (!step()) throw StorageError("insert returned no id");
  std::int64_t id = integer(0);
  run();
  return id;
}

std::optional<std::string> Statement::optionalText(int column) const {
  if (isNull(column)) return std::nullopt;
  return text(column);
}

std::optional<std::int64_t> Statement::optionalInteger(int column) const {
  if (isNull(column)) return std::nullopt;
  return integer(column);
}

ConnectionPool::Lease::~Lease() {
  if (!connection_) return;
  connection_->settleGeneration();  // a write outside a transaction has committed
  if (connection_->committedGeneration_ > 0) {
    pool_->noteGeneration(connection_->committedGeneration_);
    connection_->committedGeneration_ = 0;
  }
  bool usable = !connection_->broken();
  if (!usable) connection_.reset();  // closed outside the lock
  std::lock_guard lock(pool_->mutex_);
  if (usable)
    pool_->idle_.push_back(std::move(connection_));
  else
    --pool_->created_;  // the next acquire() opens a new one
  pool_->available_.notify_one();
}

ConnectionPool::ConnectionPool(Opener open, std::size_t size)
    : open_(std::move(open)), size_(std::max<std::size_t>(size, 1)) {
  idle_.push_back(open_());
  dialect_ = idle_.back()->dialect();
  created_ = 1;
}

void ConnectionPool::noteGeneration(std::int64_t value) {
  std::int64_t known = knownGeneration_.load();
  while (known < value && !knownGeneration_.compare_exchange_weak(known, value)) {
  }
}

ConnectionPool::Lease ConnectionPool::acquire() {
  std::unique_lock lock(mutex_);
  available_.wait(lock, [this] { return !idle_.empty() || created_ < size_; });
  if (idle_.empty()) {
    ++created_;
    lock.unlock();
    try {
      return Lease(*this, open_());
    } catch (...) {
      std::lock_guard relock(mutex_);
      --created_;
      available_.notify_one();
      throw;
    }
  }
  auto connection = std::move(idle_.back());
  idle_.pop_back();
  return Lease(*this, std::move(connection));
}

Transaction::Transaction(Connection& connection) : connection_(connection) {
  connection_.settleGeneration();  // what was written before, outside a transaction
  connection_.beginWrite();
}

Transaction::~Transaction() {
  if (!done_) {
    connection_.pendingGeneration_ = 0;
    try {
      connection_.execute("ROLLBACK");
    } catch (...) {
      // Nothing more can be done; the engine rolls back when the connection closes.
    }
  }
}

void Transaction::commit() {
  connection_.execute("COMMIT");
  done_ = true;
  connection_.settleGeneration();
}

void readSnapshot(Connection& connection, const std::function<void()>& work) {
  connection.beginRead();
  try {
    work();
  } catch (...) {
    try {
      connection.execute("ROLLBACK");
    } catch (...) {
      // The work's own failure is the one worth reporting.
    }
    throw;
  }
  connection.execute("COMMIT");
}

}  // namespace tisheng::storage
