// The programme reports against a generated history whose every fact the generator recorded:
// each figure family equals the count taken from that record, for a month, a quarter, a year
// and one county, including places whose state changed twice within the period and a county
// with no places.

#include <catch2/catch.hpp>

#include "certificates/CivilDate.h"
#include "support/ProgrammeHistory.h"
#include "support/TestServer.h"

using tisheng::test::ProgrammeHistory;
using tisheng::test::TestServer;
namespace domain = tisheng::domain;
namespace rules = tisheng::rules;

namespace {

/// A server with three counties living through nearly three years, and a fourth left empty.
struct History {
  TestServer server;
  const domain::Calendar& calendar = server.app().config().programme.calendar;
  ProgrammeHistory history{server.app().storage(), server.app().standards(), calendar, 13};

  History() {
    history.addCounty("shangzhou", "商州区", "Shangzhou District");
    history.addCounty("luonan", "洛南县", "Luonan County");
    history.addCounty("danfeng", "丹凤县", "Danfeng County");
    history.addCounty("zhashui", "柞水县", "Zhashui County");
    history.generate(240, ProgrammeHistory::day("2024-01-01"), ProgrammeHistory::day("2026-11-20"),
                     {"shangzhou", "luonan", "danfeng"}, 2);
  }

  domain::ProgrammeReport report(const std::string& period,
                                 const std::optional<std::string>& county) {
    return server.app().reports().report(*domain::Period::parse(period), county);
  }

  std::int64_t from(const domain::Period& p) const { return calendar.startOf(p.first()); }
  std::int64_t until(const domain::Period& p) const { return calendar.startOf(p.last() + 1); }
};

bool inScope(const std::optional<std::string>& scope, const std::string& county) {
  return !scope || *scope == county;
}

int flowCount(const ProgrammeHistory& h, const domain::Period& p,
              const std::optional<std::string>& scope, const std::string& measure) {
  return static_cast<int>(std::count_if(h.flows.begin(), h.flows.end(), [&](const auto& f) {
    return f.measure == measure && p.contains(f.day) && inScope(scope, f.county);
  }));
}

int activeAt(const ProgrammeHistory& h, int lastDay, const std::optional<std::string>& scope) {
  return static_cast<int>(std::count_if(h.active.begin(), h.active.end(), [&](const auto& a) {
    return a.from <= lastDay && lastDay <= a.to && inScope(scope, a.county);
  }));
}

void checkFigures(History& h, const std::string& periodText,
                  const std::optional<std::string>& scope) {
  CAPTURE(periodText, scope.value_or("city"));
  auto period = *domain::Period::parse(periodText);
  auto report = h.report(periodText, scope);
  const auto& record = h.history;
  std::int64_t from = h.from(period), until = h.until(period);
  auto within = [&](std::int64_t at) { return at >= from && at < until; };

  // Certified at the end, the end before and a year earlier, and by county × category × grade.
  auto total = report.totalCertified();
  CHECK(total.count == activeAt(record, period.last(), scope));
  CHECK(total.previous == activeAt(record, period.previous().last(), scope));
  CHECK(total.yearEarlier == activeAt(record, period.yearEarlier().last(), scope));
  std::map<std::tuple<std::string, rules::Category, std::string>, int> expected, got;
  for (const auto& a : record.active)
    if (a.from <= period.last() && period.last() <= a.to && inScope(scope, a.county))
      ++expected[{a.county, a.category, a.grade}];
  for (const auto& row : report.certified)
    if (row.count > 0) got[{row.county, row.category, row.grade}] = row.count;
  CHECK(got == expected);

  // Flows.
  auto flows = report.totalFlows();
  CHECK(flows.applications == flowCount(record, period, scope, "applications"));
  CHECK(flows.newlyCertified == flowCount(record, period, scope, "newly_certified"));
  CHECK(flows.renewed == flowCount(record, period, scope, "renewed"));
  CHECK(flows.upgraded == flowCount(record, period, scope, "upgraded"));
  CHECK(flows.downgraded == flowCount(record, period, scope, "downgraded"));
  CHECK(flows.suspended == flowCount(record, period, scope, "suspended"));
  CHECK(flows.reinstated == flowCount(record, period, scope, "reinstated"));
  CHECK(flows.removed == flowCount(record, period, scope, "removed"));
  CHECK(flows.expired == flowCount(record, period, scope, "expired"));
  CHECK(flows.barred == flowCount(record, period, scope, "barred"));
  std::map<std::string, int> reasons;
  for (const auto& f : record.flows)
    if (f.measure == "removed" && period.contains(f.day) && inScope(scope, f.county))
      ++reasons[f.detail];
  CHECK(report.removedByReason == reasons);
  CHECK(static_cast<int>(report.removals.size()) == flows.removed);

  // Supervision.
  for (const auto& kind : report.supervision.byKind) {
    std::string name(domain::toString(kind.kind));
    CAPTURE(name);
    int due = 0, done = 0, made = 0;
    for (const auto& i : record.inspections) {
      if (i.kind != name || !inScope(scope, i.county)) continue;
      if (period.contains(i.scheduled)) {
        ++due;
        if (i.submitted && *i.submitted <= period.last()) ++done;
      }
      if (i.submitted && period.contains(*i.submitted)) ++made;
    }
    CHECK(kind.due == due);
    CHECK(kind.done == done);
    CHECK(kind.made == made);
  }
  int overdue = 0;
  for (const auto& c : record.certificates) {
    bool current = c.issued <= period.last() && (!c.ended || *c.ended > period.last()) &&
                   c.validUntil >= period.last();
    if (!current || !inScope(scope, c.county)) continue;
    int last = c.issued;
    for (int d : c.supervised)
      if (d <= period.last()) last = std::max(last, d);
    int interval = record.reviewIntervalMonths(c.category);
    if (tisheng::certificates::addMonths(last, interval) < period.last()) ++overdue;
  }
  CHECK(report.supervision.overdueReviews == overdue);
  int opened = 0, open = 0, late = 0, inTime = 0, missed = 0;
  for (const auto& r : record.rectifications) {
    if (!inScope(scope, r.county) || r.openedAt >= until) continue;
    if (within(r.openedAt)) ++opened;
    bool settled = r.settledAt && *r.settledAt < until;
    if (!settled) {
      ++open;
      if (r.deadline < period.last()) ++late;
    } else if (within(*r.settledAt)) {
      if (r.outcome == "passed" && h.calendar.dayOf(*r.settledAt) <= r.deadline) ++inTime;
      if (r.outcome == "missed") ++missed;
    }
  }
  CHECK(report.supervision.rectificationsOpened == opened);
  CHECK(report.supervision.rectificationsOpen == open);
  CHECK(report.supervision.rectificationsOverdue == late);
  CHECK(report.supervision.rectificationsClosedInTime == inTime);
  CHECK(report.supervision.rectificationsMissed == missed);

  // Complaints, notices and objections, appeals: filed in the period, settled in it by
  // outcome, open at its end.
  struct Counted {
    int filed = 0, open = 0;
    std::map<std::string, int> settled;
    std::vector<double> hours;
  };
  auto count = [&](const std::vector<ProgrammeHistory::Case>& cases) {
    Counted c;
    for (const auto& x : cases) {
      if (!inScope(scope, x.county) || x.openedAt >= until) continue;
      if (within(x.openedAt)) ++c.filed;
      if (!x.settledAt || *x.settledAt >= until) ++c.open;
      if (x.settledAt && within(*x.settledAt)) {
        ++c.settled[x.outcome];
        c.hours.push_back(static_cast<double>(*x.settledAt - x.openedAt) / 3600.0);
      }
    }
    std::sort(c.hours.begin(), c.hours.end());
    return c;
  };
  auto complaints = count(record.complaints);
  CHECK(report.complaints.received == complaints.filed);
  CHECK(report.complaints.untriaged == complaints.open);
  CHECK(report.complaints.dismissed == complaints.settled["dismissed"]);
  CHECK(report.complaints.upheld == complaints.settled["upheld"]);
  CHECK(report.complaints.inspected == complaints.settled["inspect"]);
  if (!complaints.hours.empty()) {
    std::size_t n = complaints.hours.size();
    double median = n % 2 ? complaints.hours[n / 2]
                          : (complaints.hours[n / 2 - 1] + complaints.hours[n / 2]) / 2;
    CHECK(report.complaints.medianHoursToTriage == Approx(median));
  }
  auto notices = count(record.notices);
  CHECK(report.notices.noticesOpened == notices.filed);
  CHECK(report.notices.onNotice == notices.open);
  CHECK(report.notices.noticesIssued == notices.settled["issued"]);
  auto objections = count(record.objections);
  CHECK(report.notices.objectionsFiled == objections.filed);
  CHECK(report.notices.objectionsOpen == objections.open);
  CHECK(report.notices.objectionsDismissed == objections.settled["dismissed"]);
  auto appeals = count(record.appeals);
  CHECK(report.appeals.filed == appeals.filed);
  CHECK(report.appeals.open == appeals.open);
  CHECK(report.appeals.granted == appeals.settled["granted"]);
  CHECK(report.appeals.rejected == appeals.settled["rejected"]);
}

}  // namespace

TEST_CASE("Every figure family equals the generator's own count, for any period and scope",
          "[http][reports]") {
  History h;
  for (const char* period :
       {"2026-08", "2026-Q3", "2025-Q4", "2025", "2026", "2026-03-10..2026-05-20"})
    for (const auto& scope : {std::optional<std::string>(), std::optional<std::string>("luonan")})
      checkFigures(h, period, scope);

  // The history holds what the figures must cope with: places suspended and reinstated within
  // one quarter (two changes of state), removals for several reasons, expiries, refusals by the
  // bar; and one county with no places at all.
  auto quarter = *domain::Period::parse("2026-Q3");
  auto report = h.report("2026-Q3", std::nullopt);
  CHECK(report.totalFlows().suspended > 0);
  CHECK(report.totalFlows().reinstated > 0);
  int twice = 0;
  for (const auto& s : h.history.flows)
    if (s.measure == "suspended" && quarter.contains(s.day))
      for (const auto& r : h.history.flows)
        if (r.measure == "reinstated" && quarter.contains(r.day) && r.day > s.day &&
            r.county == s.county)
          ++twice;
  CHECK(twice > 0);
  auto year = h.report("2025", std::nullopt);
  CHECK(year.removedByReason.size() >= 2);
  CHECK(h.report("2026", std::nullopt).totalFlows().expired > 0);  // validity is 2 or 3 years
  CHECK(year.totalFlows().upgraded > 0);
  CHECK(year.totalFlows().downgraded > 0);

  auto empty = h.report("2026-Q3", "zhashui");
  CHECK(empty.totalCertified().count == 0);
  CHECK(empty.totalFlows().applications == 0);
  CHECK(empty.complaints.received == 0);
  REQUIRE(empty.ranking.size() == 1);
  CHECK(empty.ranking[0].county == "zhashui");
  checkFigures(h, "2026-Q3", "zhashui");
  bool listed = false;
  for (const auto& rank : report.ranking) listed |= rank.county == "zhashui";
  CHECK(listed);
}

TEST_CASE("A report is as of its period's end: what happened later does not count",
          "[http][reports]") {
  History h;
  auto before = h.report("2025-Q2", std::nullopt);
  // Everything after 2025-06-30 — including the rest of the generated history — leaves the
  // second quarter of 2025 as it was: a later report of it is the same.
  h.history.generate(40, ProgrammeHistory::day("2025-07-01"), ProgrammeHistory::day("2026-11-20"),
                     {"shangzhou"});
  auto after = h.report("2025-Q2", std::nullopt);
  CHECK(after.totalCertified().count == before.totalCertified().count);
  CHECK(after.totalFlows().removed == before.totalFlows().removed);
  CHECK(after.complaints.received == before.complaints.received);
  CHECK(after.complaints.untriaged == before.complaints.untriaged);
  CHECK(after.appeals.open == before.appeals.open);
  CHECK(after.supervision.overdueReviews == before.supervision.overdueReviews);
}
