#pragma once

#include <optional>
#include <string>
#include <vector>

#include "certificates/Bulletin.h"
#include "domain/Clock.h"
#include "domain/Programme.h"
#include "domain/ProgrammeReport.h"
#include "rules/StandardRegistry.h"
#include "security/Principal.h"
#include "storage/Database.h"
#include "storage/ReportFacts.h"

namespace tisheng::services {

/// The programme's reports (月调度、季通报、年考核) and the yearly targets they measure against.
/// City admins see the whole city or any county; a county admin only its own county; nobody
/// else. Thread-safe; collaborators must outlive it.
class ReportService {
 public:
  ReportService(storage::ConnectionPool& database, const rules::StandardRegistry& standards,
                const domain::Programme& programme, const domain::Clock& clock)
      : database_(database), standards_(standards), programme_(programme), clock_(clock) {}

  /// The report of period (2026-11, 2026-Q4, 2026 or FROM..TO) for county or, without, the
  /// caller's scope (a county admin's county, the city for a city admin). Invalid names the
  /// field; Forbidden outside the caller's scope.
  domain::ProgrammeReport report(const security::Principal& caller, const std::string& period,
                                 std::optional<std::string> county);
  /// Without a caller: the whole city or one county (the command line's own scheduling).
  domain::ProgrammeReport report(const domain::Period& period,
                                 const std::optional<std::string>& county);

  /// The report worded as the programme's bulletin (services/BulletinService.h).
  certificates::BulletinContent bulletin(const domain::ProgrammeReport& report, bool english) const;

  /// The year's targets the caller may see (a county admin: its own county's).
  std::vector<storage::FactTarget> targets(const security::Principal& caller, int year);
  /// City admins set targets; each row names a known county and a category, target 0..100000.
  void setTargets(const security::Principal& caller, int year,
                  const std::vector<storage::FactTarget>& rows);

 private:
  storage::ConnectionPool& database_;
  const rules::StandardRegistry& standards_;
  const domain::Programme& programme_;
  const domain::Clock& clock_;
};

}  // namespace tisheng::services
