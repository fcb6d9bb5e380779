#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "certificates/KeyStore.h"
#include "storage/AuditLog.h"
#include "storage/Database.h"

namespace tisheng::services {

/// Signed checkpoints of the audit trail's head (see certificates::AuditCheckpoint), made on
/// demand (`tisheng audit checkpoint`) and once a day by the scheduler, and published, so that
/// whoever saved one can prove later that the trail was not rewritten. Thread-safe; the pool
/// and key store must outlive it.
class AuditService {
 public:
  static constexpr std::int64_t kCheckpointEverySeconds = 86400;

  AuditService(storage::ConnectionPool& database, const certificates::KeyStore& keys,
               std::string issuer);

  /// Signs and stores the current head as of now.
  storage::StoredCheckpoint checkpoint(std::int64_t now);
  /// checkpoint(now) when the last one is a day old or there is none and the trail has rows.
  std::optional<storage::StoredCheckpoint> checkpointIfDue(std::int64_t now);
  /// The latest first.
  std::vector<storage::StoredCheckpoint> recent(int limit);

 private:
  storage::ConnectionPool& database_;
  const certificates::KeyStore& keys_;
  std::string issuer_;
};

}  // namespace tisheng::services
