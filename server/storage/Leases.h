#pragma once

#include <cstdint>
#include <string>

#include "storage/Database.h"

namespace tisheng::storage {

/// Work that one server at a time should do (the scheduler), claimed for a while by one holder
/// in the leases table: plain rows and row locks, which every PostgreSQL-compatible database
/// has (no advisory locks). Times are wall-clock Unix seconds. Thread-safe.
class Leases {
 public:
  explicit Leases(ConnectionPool& pool) : pool_(pool) {}

  /// Takes or renews the lease on name until now + seconds when it is free, expired or already
  /// the holder's. True when holder now holds it.
  bool take(const std::string& name, const std::string& holder, std::int64_t now, int seconds);
  /// Gives the lease up at once if holder has it, so that another server takes over.
  void release(const std::string& name, const std::string& holder);

 private:
  ConnectionPool& pool_;
};

}  // namespace tisheng::storage
