#pragma once

#include <map>
#include <optional>
#include <vector>

#include "domain/Calendar.h"
#include "domain/ProgrammeReport.h"
#include "storage/ReportFacts.h"

namespace tisheng::services {

/// Each certificate's statuses over time, replayed from the audit trail's facts: what a
/// certificate was at any instant, and what moved in a period.
class CertificateHistory {
 public:
  CertificateHistory(const storage::ReportFacts& facts, const domain::Calendar& calendar);

  /// The certificate's standing at the end of `day` (nullopt before it was issued): its stored
  /// status then, and expired once past its validity.
  std::optional<domain::CertificateStatus> standingAtEndOf(std::int64_t certificateId,
                                                           int day) const;

  /// Certificate flows in [window.from, window.until) for places accepted by inScope, per
  /// county and category, adding every removal to removals.
  std::map<std::pair<std::string, rules::Category>, domain::Flows> flows(
      const storage::ReportWindow& window, const std::function<bool(const std::string&)>& inScope,
      std::vector<domain::Removal>& removals) const;

 private:
  struct Change {
    std::int64_t at;
    domain::CertificateStatus status;
  };
  const storage::ReportFacts& facts_;
  const domain::Calendar& calendar_;
  std::map<std::int64_t, std::vector<Change>> changes_;
};

}  // namespace tisheng::services
