#pragma once

#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

#include "services/WorkflowEffects.h"
#include "storage/WorkflowRepository.h"

namespace tisheng::services {

/// What one run of the scheduler did.
struct TickReport {
  int noticesIssued = 0;
  /// Notices past their end still held by open objections (or by a suspension of the
  /// certificate a better grade would replace).
  int noticesHeld = 0;
  int revocationsApplied = 0;
  int rectificationsMissed = 0;
  int certificatesExpired = 0;
  int reviewsOpened = 0;
  /// Inspections still scheduled after their date.
  int inspectionsOverdue = 0;
  /// One line per item that failed (the rest still ran).
  std::vector<std::string> errors;
};

/// The programme's clockwork, run by the server every few minutes and by `tisheng tick`: ends
/// notice periods (issuing certificates), applies revocations that fall due, revokes on missed
/// rectification deadlines, expires certificates past their date and opens periodic reviews
/// ahead of their due date. Each item is its own transaction, so one failure stops nothing
/// else; running twice at the same time changes nothing the second time.
class Scheduler {
 public:
  Scheduler(storage::WorkflowRepository& workflow, const WorkflowContext& context)
      : workflow_(workflow), context_(context) {}

  TickReport tick(std::int64_t now);

 private:
  /// Runs step in its own transaction as "system"; records a failure in report.
  void each(std::int64_t now, TickReport& report, const std::string& what,
            const std::function<void(storage::WorkflowStore&, WorkflowEffects&)>& step);

  storage::WorkflowRepository& workflow_;
  const WorkflowContext& context_;
};

/// One line summarising a report, e.g. for logs.
std::string summary(const TickReport& report);

}  // namespace tisheng::services
