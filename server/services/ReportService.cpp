#include "services/ReportService.h"

#include <algorithm>

#include "services/BulletinService.h"
#include "services/Errors.h"
#include "services/ReportFigures.h"
#include "storage/CountyTargets.h"

namespace tisheng::services {

using security::Role;

namespace {

void requireOffice(const security::Principal& caller) {
  if (!caller.isOffice()) throw Forbidden("reports are for the programme's offices");
}

void checkYear(int year) {
  if (year < 2000 || year > 2100) throw Invalid("year", "a year from 2000 to 2100");
}

}  // namespace

domain::ProgrammeReport ReportService::report(const security::Principal& caller,
                                              const std::string& period,
                                              std::optional<std::string> county) {
  requireOffice(caller);
  auto parsed = domain::Period::parse(period);
  if (!parsed)
    throw Invalid("period",
                  "a month (2026-11), quarter (2026-Q4), year (2026) or span "
                  "(2026-10-08..2026-11-20)");
  if (caller.county) {
    if (county && *county != *caller.county)
      throw Forbidden("a county office reports on its own county");
    county = caller.county;
  }
  return report(*parsed, county);
}

domain::ProgrammeReport ReportService::report(const domain::Period& period,
                                              const std::optional<std::string>& county) {
  auto window = windowOf(period, programme_.calendar);
  auto db = database_.acquire();
  auto facts = storage::loadReportFacts(*db, window);
  if (county && std::none_of(facts.counties.begin(), facts.counties.end(),
                             [&](const domain::County& c) { return c.code == *county; }))
    throw Invalid("county", "no county '" + *county + "'");
  auto report = computeReport(facts, period, county, programme_.calendar, standards_);
  report.asOf = std::min(window.until, clock_.now());
  return report;
}

certificates::BulletinContent ReportService::bulletin(const domain::ProgrammeReport& report,
                                                      bool english) const {
  return bulletinContent(report, programme_, standards_, english);
}

std::vector<storage::FactTarget> ReportService::targets(const security::Principal& caller,
                                                        int year) {
  requireOffice(caller);
  checkYear(year);
  auto db = database_.acquire();
  std::vector<storage::FactTarget> out;
  storage::readSnapshot(*db, [&] { out = storage::countyTargets(*db, year); });
  std::erase_if(out, [&](const auto& row) { return !caller.coversCounty(row.county); });
  return out;
}

void ReportService::setTargets(const security::Principal& caller, int year,
                               const std::vector<storage::FactTarget>& rows) {
  if (caller.role != Role::CityAdmin) throw Forbidden("the city office sets the targets");
  checkYear(year);
  if (rows.empty()) throw Invalid("targets", "at least one target");
  auto db = database_.acquire();
  std::vector<domain::County> counties;
  storage::readSnapshot(*db, [&] {
    auto found = db->prepare("SELECT code FROM counties");
    while (found.step()) counties.push_back({found.text(0), {}});
  });
  std::vector<FieldError> problems;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    std::string field = "targets[" + std::to_string(i) + "]";
    if (std::none_of(counties.begin(), counties.end(),
                     [&](const auto& c) { return c.code == rows[i].county; }))
      problems.push_back({field + ".county", "no county '" + rows[i].county + "'"});
    if (rows[i].target < 0 || rows[i].target > 100000)
      problems.push_back({field + ".target", "a whole number from 0 to 100000"});
  }
  if (!problems.empty()) throw Invalid(std::move(problems));
  storage::setCountyTargets(*db, year, rows, {caller.username, clock_.now()});
}

}  // namespace tisheng::services
