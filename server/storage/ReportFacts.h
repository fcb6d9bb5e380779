#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "domain/Registry.h"
#include "domain/Workflow.h"
#include "storage/Database.h"

namespace tisheng::storage {

/// The facts the programme's reports are computed from, read on one snapshot as they stood at
/// `until` (a Unix time, exclusive): nothing that happened at or after it is read, so a report
/// for a past period is the same whenever it is made. Times are Unix seconds, days are counted
/// since 1970-01-01 in the programme's calendar.

struct ReportWindow {
  std::int64_t from = 0;   ///< the period's first instant
  std::int64_t until = 0;  ///< the instant after the period's last: "as of"
  int firstDay = 0;
  int lastDay = 0;
  int year = 0;  ///< whose targets
};

struct FactEntry {
  std::int64_t id = 0;
  rules::Category category = rules::Category::Homestay;
  std::string county{};
  rules::LocalizedText name{};
};

struct FactCertificate {
  std::int64_t id = 0;
  std::string serial{};
  std::int64_t entryId = 0;
  std::string standardId{};
  int standardVersion = 0;
  std::string grade{};
  int gradeRank = 0;
  int issuedOn = 0;
  int validUntil = 0;
};

/// A certificate issued (status active) or its status changed, from the audit trail, in the
/// order it happened.
struct FactCertificateEvent {
  std::int64_t at = 0;
  std::int64_t certificateId = 0;
  bool issued = false;
  domain::CertificateStatus status = domain::CertificateStatus::Active;
  std::optional<std::string> reason{};
};

struct FactInspection {
  std::int64_t id = 0;
  std::int64_t entryId = 0;
  domain::InspectionKind kind = domain::InspectionKind::Initial;
  domain::InspectionStatus status = domain::InspectionStatus::Scheduled;
  std::string standardId{};
  int standardVersion = 0;
  int scheduledOn = 0;
  std::int64_t createdAt = 0;
  std::optional<std::int64_t> submittedAt{};
  std::optional<std::int64_t> decidedAt{};
  std::string scores{};  ///< JSON, only for inspections submitted in the window
};

/// Something filed and, perhaps, settled: a complaint, an objection, an appeal, a notice or a
/// rectification. `outcome` is the stored status, `settledAt` when it was reached (if it was).
struct FactCase {
  std::int64_t id = 0;
  std::int64_t entryId = 0;
  std::int64_t openedAt = 0;
  std::string outcome{};
  std::optional<std::int64_t> settledAt{};
  std::optional<int> deadline{};  ///< rectifications
};

struct FactTarget {
  std::string county{};
  rules::Category category = rules::Category::Homestay;
  int target = 0;
};

struct ReportFacts {
  std::vector<domain::County> counties{};
  std::map<std::int64_t, FactEntry> entries{};
  std::map<std::int64_t, FactCertificate> certificates{};
  std::vector<FactCertificateEvent> certificateEvents{};
  /// Scheduled, created or submitted in the window.
  std::vector<FactInspection> inspections{};
  /// Certificate id → the last time an inspection of it was submitted before `until`.
  std::map<std::int64_t, std::int64_t> lastSupervision{};
  std::vector<FactCase> complaints, notices, objections, appeals, rectifications{};
  /// Entries whose re-application the bar refused in the window.
  std::vector<std::int64_t> barredApplications{};
  std::vector<FactTarget> targets{};
};

/// Reads the facts of window on one snapshot of db.
ReportFacts loadReportFacts(Connection& db, const ReportWindow& window);

}  // namespace tisheng::storage
