#include <catch2/catch.hpp>

#include "certificates/CivilDate.h"
#include "domain/Period.h"

using tisheng::certificates::isoDate;
using tisheng::domain::Period;

namespace {

/// "first..last" of a period, for comparing.
std::string span(const Period& p) { return isoDate(p.first()) + ".." + isoDate(p.last()); }

Period parsed(const std::string& text) {
  auto period = Period::parse(text);
  REQUIRE(period.has_value());
  return *period;
}

}  // namespace

TEST_CASE("Reporting periods: months, quarters, years and spans of days", "[unit]") {
  auto november = parsed("2026-11");
  CHECK(span(november) == "2026-11-01..2026-11-30");
  CHECK(november.id() == "2026-11");
  CHECK(november.title().zh == "2026年11月");
  CHECK(november.title().en == "November 2026");
  CHECK(november.previous().id() == "2026-10");
  CHECK(parsed("2026-01").previous().id() == "2025-12");
  CHECK(november.yearEarlier().id() == "2025-11");
  CHECK(span(parsed("2024-02")) == "2024-02-01..2024-02-29");  // a leap year

  auto q4 = parsed("2026-Q4");
  CHECK(span(q4) == "2026-10-01..2026-12-31");
  CHECK(q4.title().zh == "2026年第四季度");
  CHECK(q4.title().en == "Q4 2026");
  CHECK(q4.previous().id() == "2026-Q3");
  CHECK(parsed("2026-Q1").previous().id() == "2025-Q4");
  CHECK(q4.yearEarlier().id() == "2025-Q4");
  CHECK(q4.contains(*tisheng::certificates::parseIsoDate("2026-12-31")));
  CHECK_FALSE(q4.contains(*tisheng::certificates::parseIsoDate("2027-01-01")));

  auto year = parsed("2026");
  CHECK(span(year) == "2026-01-01..2026-12-31");
  CHECK(year.title().zh == "2026年度");
  CHECK(year.previous().id() == "2025");

  auto days = parsed("2026-10-08..2026-11-20");
  CHECK(days.id() == "2026-10-08..2026-11-20");
  CHECK(span(days.previous()) == "2026-08-25..2026-10-07");  // as long, just before
  CHECK(span(days.yearEarlier()) == "2025-10-08..2025-11-20");
  CHECK(span(parsed("2026-11-20..2026-11-20")) == "2026-11-20..2026-11-20");

  for (const char* bad :
       {"", "26", "2026-1", "2026-13", "2026-00", "2026-Q5", "2026-Q0", "2026-02-30..2026-03-01",
        "2026-11-20..2026-11-01", "2026-11 ", "2026-11-01..", "Q4-2026"})
    CHECK_FALSE(Period::parse(bad).has_value());
}
