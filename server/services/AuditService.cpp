#include "services/AuditService.h"

#include "certificates/AuditCheckpoint.h"

namespace tisheng::services {

AuditService::AuditService(storage::ConnectionPool& database, const certificates::KeyStore& keys,
                           std::string issuer)
    : database_(database), keys_(keys), issuer_(std::move(issuer)) {}

storage::StoredCheckpoint AuditService::checkpoint(std::int64_t now) {
  auto db = database_.acquire();
  storage::Transaction transaction(*db);  // the head read and the checkpoint stored together
  storage::StoredCheckpoint stored;
  stored.at = now;
  stored.head = storage::auditHead(*db);
  const certificates::KeyRecord& key = keys_.signingKey(now);
  stored.jws = certificates::signAuditCheckpoint({issuer_, now, stored.head.rows, stored.head.hash},
                                                 key, keys_.privateKey(key.kid));
  storage::saveCheckpoint(*db, stored);
  transaction.commit();
  return stored;
}

std::optional<storage::StoredCheckpoint> AuditService::checkpointIfDue(std::int64_t now) {
  {
    auto db = database_.acquire();
    auto latest = storage::checkpoints(*db, 1);
    if (!latest.empty() && now - latest[0].at < kCheckpointEverySeconds) return std::nullopt;
    if (latest.empty() && storage::auditHead(*db).rows == 0) return std::nullopt;
  }
  return checkpoint(now);
}

std::vector<storage::StoredCheckpoint> AuditService::recent(int limit) {
  auto db = database_.acquire();
  return storage::checkpoints(*db, limit);
}

}  // namespace tisheng::services
