#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "storage/Database.h"

namespace tisheng::storage {

/// Who makes a change, and when: every state-changing repository method takes one.
/// actor is a username, "system" (scheduler, commands) or "public:<address>".
struct Stamp {
  std::string actor;
  std::int64_t at = 0;
};

/// One change as the audit trail records it; before and after are JSON documents.
struct AuditRecord {
  std::string action;   ///< e.g. "certificate.issue"
  std::string subject;  ///< e.g. "certificate:SL-MS-2026-000001"
  std::optional<std::string> before;
  std::optional<std::string> after;
};

/// Appends a row to the append-only audit_log on connection, inside the caller's transaction,
/// so the change and its record commit together. Each row carries the SHA-256 of its content
/// and of the previous row's hash. A record whose before and after are the same document
/// changed nothing and is not written.
void appendAudit(Connection& connection, const Stamp& stamp, const AuditRecord& record);

struct AuditCheck {
  bool intact = true;
  std::int64_t rows = 0;
  std::string headHash;  ///< the last row's hash: record it elsewhere to detect truncation
  std::optional<std::int64_t> firstBadRow;
  std::string problem;
};

/// Recomputes the chain: any edited, inserted or deleted row (but the last) breaks it.
AuditCheck verifyAudit(Connection& connection);

/// The chain's length and its last row's hash (64 zeros when empty), without verifying it.
struct AuditHead {
  std::int64_t rows = 0;
  std::string hash;
};
AuditHead auditHead(Connection& connection);

/// Whether the current chain extends an earlier head: intact, at least as long, and its row
/// `head.rows` carries exactly `head.hash`. A chain rewritten after the head was recorded fails
/// even when recomputed consistently, because the recorded head was kept elsewhere.
AuditCheck verifyAuditExtends(Connection& connection, const AuditHead& head);

/// A signed statement of the head (a JWS, see certificates::AuditCheckpoint), kept in the
/// append-only audit_checkpoints table and published.
struct StoredCheckpoint {
  std::int64_t id = 0;
  std::int64_t at = 0;
  AuditHead head;
  std::string jws;
};
void saveCheckpoint(Connection& connection, const StoredCheckpoint& checkpoint);
/// The latest first, at most limit of them.
std::vector<StoredCheckpoint> checkpoints(Connection& connection, int limit);

}  // namespace tisheng::storage
