#pragma once

#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "storage/AuditLog.h"
#include "storage/Database.h"
#include "storage/WorkflowRepository.h"

// The workflow's repositories on SQL, one per kind of record, each on the connection of the unit
// of work it belongs to (SqlWorkflowRepository), in one file per kind (Sql*Records.cpp).

namespace tisheng::storage {

/// What every SQL repository shares: the unit of work's connection, and the audit record that
/// goes with each change.
class SqlRecords {
 public:
  explicit SqlRecords(Connection& db) : db_(db) {}

 protected:
  void audit(const Stamp& stamp, const std::string& action, const std::string& subject,
             const std::optional<nlohmann::ordered_json>& before,
             const nlohmann::ordered_json& after) {
    appendAudit(
        db_, stamp,
        {action, subject, before ? std::optional(before->dump()) : std::nullopt, after.dump()});
  }

  Connection& db_;
};

std::unique_ptr<EntryRecords> sqlEntryRecords(Connection& db);
std::unique_ptr<CertificateRecords> sqlCertificateRecords(Connection& db);
std::unique_ptr<AccountRecords> sqlAccountRecords(Connection& db);
std::unique_ptr<InspectionRecords> sqlInspectionRecords(Connection& db);
std::unique_ptr<NoticeRecords> sqlNoticeRecords(Connection& db);
std::unique_ptr<RectificationRecords> sqlRectificationRecords(Connection& db);
std::unique_ptr<DecisionRecords> sqlDecisionRecords(Connection& db);
std::unique_ptr<ComplaintRecords> sqlComplaintRecords(Connection& db);

}  // namespace tisheng::storage
