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
  if (record.before && record.after && *record.before == *record.after) return;
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

AuditHead auditHead(Connection& connection) {
  auto last = connection.prepare("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1");
  if (!last.step()) return {0, kGenesis};
  return {last.integer(0), last.text(1)};
}

AuditCheck verifyAuditExtends(Connection& connection, const AuditHead& head) {
  AuditCheck check = verifyAudit(connection);
  if (!check.intact) return check;
  auto fail = [&check](std::int64_t row, const std::string& problem) {
    check.intact = false;
    check.firstBadRow = row;
    check.problem = problem;
    return check;
  };
  if (check.rows < head.rows)
    return fail(check.rows + 1, "the chain has " + std::to_string(check.rows) +
                                    " rows, the checkpoint " + std::to_string(head.rows) +
                                    ": rows were cut off");
  std::string hash = kGenesis;
  if (head.rows > 0) {
    auto row = connection.prepare("SELECT hash FROM audit_log WHERE id = ?");
    row.bind(1, head.rows).step();
    hash = row.text(0);
  }
  if (hash != head.hash)
    return fail(head.rows, "differs from the checkpoint's head: the chain was rewritten");
  return check;
}

void saveCheckpoint(Connection& connection, const StoredCheckpoint& checkpoint) {
  connection.prepare("INSERT INTO audit_checkpoints (at, rows, head, jws) VALUES (?, ?, ?, ?)")
      .bind(1, checkpoint.at)
      .bind(2, checkpoint.head.rows)
      .bind(3, checkpoint.head.hash)
      .bind(4, checkpoint.jws)
      .run();
}

std::vector<StoredCheckpoint> checkpoints(Connection& connection, int limit) {
  auto rows = connection.prepare(
      "SELECT id, at, rows, head, jws FROM audit_checkpoints ORDER BY id DESC LIMIT ?");
  rows.bind(1, static_cast<std::int64_t>(limit));
  std::vector<StoredCheckpoint> out;
  while (rows.step())
    out.push_back(
        {rows.integer(0), rows.integer(1), {rows.integer(2), rows.text(3)}, rows.text(4)});
  return out;
}

}  // namespace tisheng::storage
