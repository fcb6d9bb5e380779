#include "storage/AuditLog.h"

#include "certificates/Crypto.h"

namespace tisheng::storage {

namespace {

const std::string kGenesis(64, '0');

/// Fields joined by the unit separator, which no field can contain unnoticed (JSON escapes it).
std::string rowHash(const std::string& previous, std::int64_t id, std::int64_t at,
                    const std::string& actor, const std::string& action, const std::string& subject,
                    const std::optional<std::string>& before,
                    const std::optional<std::string>& after) {
  const char kSeparator = '\x1f';
  std::string text = previous + kSeparator + std::to_string(id) + kSeparator + std::to_string(at) +
                     kSeparator + actor + kSeparator + action + kSeparator + subject + kSeparator +
                     (before ? "1" + *before : "0") + kSeparator + (after ? "1" + *after : "0");
  return certificates::hex(certificates::sha256(text));
}

}  // namespace

void appendAudit(Connection& connection, const Stamp& stamp, const AuditRecord& record) {
  auto last = connection.prepare("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1");
  std::int64_t id = 1;
  std::string previous = kGenesis;
  if (last.step()) {
    id = last.integer(0) + 1;
    previous = last.text(1);
  }
  connection
      .prepare(
          "INSERT INTO audit_log (id, at, actor, action, subject, before, after, prev_hash, hash) "
          "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
      .bind(1, id)
      .bind(2, stamp.at)
      .bind(3, stamp.actor)
      .bind(4, record.action)
      .bind(5, record.subject)
      .bind(6, record.before)
      .bind(7, record.after)
      .bind(8, previous)
      .bind(9, rowHash(previous, id, stamp.at, stamp.actor, record.action, record.subject,
                       record.before, record.after))
      .run();
}

AuditCheck verifyAudit(Connection& connection) {
  AuditCheck check;
  check.headHash = kGenesis;
  auto row = connection.prepare(
      "SELECT id, at, actor, action, subject, before, after, prev_hash, hash FROM audit_log "
      "ORDER BY id");
  while (row.step()) {
    std::int64_t id = row.integer(0);
    auto fail = [&](const std::string& problem) {
      check.intact = false;
      check.firstBadRow = id;
      check.problem = problem;
    };
    if (id != check.rows + 1) {
      fail("row " + std::to_string(check.rows + 1) + " is missing");
    } else if (row.text(7) != check.headHash) {
      fail("does not follow the row before it (previous hash differs)");
    } else if (rowHash(check.headHash, id, row.integer(1), row.text(2), row.text(3), row.text(4),
                       row.optionalText(5), row.optionalText(6)) != row.text(8)) {
      fail("its content does not match its hash (edited)");
    }
    if (!check.intact) return check;
    check.headHash = row.text(8);
    ++check.rows;
  }
  return check;
}

}  // namespace tisheng::storage
