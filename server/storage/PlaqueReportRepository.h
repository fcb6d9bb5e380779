#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/PlaqueReport.h"
#include "storage/AuditLog.h"

namespace tisheng::storage {

/// Reports of plaques that are not genuine. Every change is one transaction with its audit record.
class PlaqueReportRepository {
 public:
  virtual ~PlaqueReportRepository() = default;
  /// Stores report (its id, status and triage ignored) from a source address; returns the id.
  /// Throws ConstraintError for an unknown county.
  virtual std::int64_t add(const domain::PlaqueReport& report, const std::string& sourceAddress,
                           const Stamp& stamp) = 0;
  virtual std::optional<domain::PlaqueReport> report(std::int64_t id) = 0;
  /// Newest first, optionally of one county and status.
  virtual std::vector<domain::PlaqueReport> reports(
      const std::optional<std::string>& county,
      const std::optional<domain::PlaqueReportStatus>& status) = 0;
  /// Records the office's decision on a new report; false when it is not new (any more).
  virtual bool triage(std::int64_t id, domain::PlaqueReportStatus status, const std::string& note,
                      const Stamp& stamp) = 0;
  virtual int countFromAddressSince(std::string_view address, std::int64_t since) = 0;
};

}  // namespace tisheng::storage
