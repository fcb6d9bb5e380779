// Each construct of the rules format on a small standard: what it grades and how it explains.
#include <catch2/catch.hpp>

#include "rules/Evaluator.h"
#include "rules/Problem.h"
#include "rules/StandardParser.h"
#include "support/Grades.h"
#include "support/MiniStandard.h"

using tisheng::rules::Blocker;
using tisheng::rules::EvaluationResult;
using tisheng::rules::Score;
using tisheng::rules::ScoreSheet;
using tisheng::rules::Standard;
using tisheng::test::blockerOf;
using tisheng::test::gradeOf;
using tisheng::test::miniSheet;
using Json = nlohmann::ordered_json;

namespace {

/// The mini standard (tests/support/MiniStandard.cpp) changed by mutate.
template <typename Mutate>
Standard mini(Mutate mutate) {
  Json doc = tisheng::test::miniStandardJson();
  mutate(doc);
  return tisheng::rules::parseStandard(doc.dump(), "mini.json");
}

std::vector<Blocker::Kind> kindsOf(const EvaluationResult& result, const std::string& grade) {
  std::vector<Blocker::Kind> kinds;
  for (const auto& check : result.grades)
    if (check.gradeId == grade)
      for (const auto& blocker : check.blockers) kinds.push_back(blocker.kind);
  return kinds;
}

Json item(const char* id, Json fields) {
  Json out{{"id", id}, {"title", {{"zh", id}, {"en", id}}}, {"kind", "points"}};
  for (auto& [key, value] : fields.items()) out[key] = value;
  return out;
}

}  // namespace

TEST_CASE("A sheet with nothing scored reaches no grade", "[unit]") {
  auto standard = mini([](Json& d) {
    d["sections"][1]["items"][0]["na_allowed"] = true;
    d["sections"][2]["items"][0]["na_allowed"] = true;
    d["grades"][0]["required_items"] = Json::array();
  });
  auto sheet = miniSheet(0, 0, 0);
  for (const char* id : {"a.1", "a.2", "b.1"}) sheet[id] = Score::notApplicable();
  auto result = evaluate(standard, sheet);
  CHECK(gradeOf(result) == "none");
  CHECK(result.max == 0);
  CHECK_FALSE(result.share);
  for (const char* grade : {"gold", "silver", "bronze"}) {
    const Blocker* nothing = blockerOf(result, grade, Blocker::Kind::NothingScored);
    REQUIRE(nothing);
    CHECK(nothing->sectionId.empty());
  }
}

TEST_CASE("A section with nothing scored blocks the grades that set a section threshold",
          "[unit]") {
  auto standard = mini([](Json& d) { d["sections"][1]["items"][0]["na_allowed"] = true; });
  auto sheet = miniSheet(0, 0, 20);
  sheet["a.1"] = Score::notApplicable();
  sheet["a.2"] = Score::notApplicable();
  auto result = evaluate(standard, sheet);
  // Bronze counts only the total (20 of 20); gold and silver need every section assessed.
  CHECK(gradeOf(result) == "bronze");
  const Blocker* gold = blockerOf(result, "gold", Blocker::Kind::NothingScored);
  REQUIRE(gold);
  CHECK(gold->sectionId == "a");
  CHECK(blockerOf(result, "silver", Blocker::Kind::NothingScored));
}

TEST_CASE("Allowed values: only the listed scores, named in the error", "[unit]") {
  auto standard = mini([](Json& d) {
    d["sections"][1]["items"][0] = item("a.1", {{"values", {0, 5, 10}}});
  });
  auto sheet = miniSheet(7, 10, 20);
  try {
    evaluate(standard, sheet);
    FAIL("a score outside the set was accepted");
  } catch (const tisheng::rules::InvalidScoreSheet& invalid) {
    REQUIRE(invalid.problems().size() == 1);
    CHECK(invalid.problems()[0].path == "a.1");
    CHECK(invalid.problems()[0].message == "score 7 is not one of 0, 5, 10");
  }
  sheet["a.1"] = Score::of(5);
  CHECK(evaluate(standard, sheet).total == 35);
  CHECK(standard.findItem("a.1")->max == 10);
}

TEST_CASE("A deduction item in a merit standard takes points off its section", "[unit]") {
  auto standard = mini([](Json& d) {
    d["sections"][1]["items"].push_back(
        item("a.deduct", {{"direction", "lower_is_better"}, {"values", {0, 2, 4}}}));
  });
  auto sheet = miniSheet(10, 8, 20);
  sheet["a.deduct"] = Score::of(4);
  auto result = evaluate(standard, sheet);
  CHECK(result.sections[1].score == 14);  // 10 + 8 - 4
  CHECK(result.sections[1].max == 20);    // a deduction adds nothing to the maximum
  CHECK(result.total == 34);
  // Gold needs 16 in section a: 2 more points, by raising a.2 or lowering the deduction.
  const Blocker* section = blockerOf(result, "gold", Blocker::Kind::SectionShare);
  REQUIRE(section);
  CHECK(section->pointsNeeded == 2);
}

namespace {

/// A violation-points scale after NYC's letter grades: A 0-13, B 14-27, C 28 and above.
Standard violations() {
  return mini([](Json& d) {
    d["direction"] = "lower_is_better";
    d["sections"][1]["items"] = Json::array(
        {item("v.hazard", {{"values", {0, 7, 8, 9, 10}}, {"pass_max", 0}, {"critical", true}}),
         item("v.critical", {{"values", {0, 5, 6, 7, 8}}}),
         item("v.general", {{"max", 12}, {"step", 2}})});
    d["sections"][2]["items"] = Json::array({item("b.1", {{"max", 20}})});
    d["grades"] = Json::array(
        {{{"id", "gold"}, {"title", {{"zh", "A"}, {"en", "A"}}}, {"max_total_points", 13}},
         {{"id", "silver"}, {"title", {{"zh", "B"}, {"en", "B"}}}, {"max_total_points", 27}},
         {{"id", "bronze"}, {"title", {{"zh", "C"}, {"en", "C"}}}}});
    d["sections"][0]["items"][0]["mandatory_for"] = Json::array();
    d["sections"][0]["items"][1]["mandatory_for"] = Json::array();
  });
}

ScoreSheet violationSheet(double hazard, double critical, double general, double b) {
  ScoreSheet sheet{{"v.hazard", Score::of(hazard)},
                   {"v.critical", Score::of(critical)},
                   {"v.general", Score::of(general)},
                   {"b.1", Score::of(b)}};
  for (const char* id : {"c.safe", "c.gold", "c.crit1", "c.crit2"}) sheet[id] = Score::pass();
  return sheet;
}

}  // namespace

TEST_CASE("Penalty points: fewer is better and thresholds are maxima", "[unit]") {
  struct Case {
    double hazard, critical, general, b;
    const char* grade;
  };
  auto c = GENERATE(values<Case>({
      {0, 0, 0, 0, "gold"},
      {0, 5, 8, 0, "gold"},     // 13
      {0, 6, 8, 0, "silver"},   // 14
      {0, 8, 12, 7, "silver"},  // 27
      {0, 8, 12, 8, "bronze"},  // 28
      {10, 8, 12, 20, "bronze"},
  }));
  CAPTURE(c.hazard, c.critical, c.general, c.b);
  auto result = evaluate(violations(), violationSheet(c.hazard, c.critical, c.general, c.b));
  CHECK(gradeOf(result) == c.grade);
  CHECK(result.total == c.hazard + c.critical + c.general + c.b);
}

TEST_CASE("Penalty advice names points that allowed scores can shed", "[unit]") {
  // 7 + 0 + 0 + 7 = 14: A needs 13 or fewer. The hazard can only go from 7 to 0 (7 points), the
  // other items by 1 (b.1) — so 1 point, from b.1.
  auto result = evaluate(violations(), violationSheet(7, 0, 0, 7));
  const Blocker* total = blockerOf(result, "gold", Blocker::Kind::TotalPoints);
  REQUIRE(total);
  CHECK(total->pointsNeeded == 1);
  // 7 + 5 + 2 = 14 again, but now every cut is 7 (hazard), 5 (critical) or a step of 2
  // (general): no allowed score sheds exactly 1, so the advice is 2.
  auto steps = evaluate(violations(), violationSheet(7, 5, 2, 0));
  CHECK(blockerOf(steps, "gold", Blocker::Kind::TotalPoints)->pointsNeeded == 2);
  // A hazard above its pass_max is a failed critical item.
  CHECK(result.failedCritical == std::vector<std::string>{"v.hazard"});
}

TEST_CASE("Per-grade limits on failed critical items", "[unit]") {
  auto standard = mini([](Json& d) {
    d["sections"][0]["items"][0]["critical"] = true;
    d["grades"][0]["max_critical_failures"] = 0;
    d["grades"][1]["max_critical_failures"] = 1;
    d["grades"][2]["max_critical_failures"] = 2;
  });
  auto sheet = miniSheet(10, 10, 20);
  CHECK(gradeOf(evaluate(standard, sheet)) == "gold");
  sheet["c.crit1"] = Score::fail();
  CHECK(gradeOf(evaluate(standard, sheet)) == "silver");
  sheet["c.crit2"] = Score::fail();
  auto two = evaluate(standard, sheet);
  CHECK(gradeOf(two) == "bronze");
  CHECK(blockerOf(two, "silver", Blocker::Kind::CriticalFailures)->required == 1);
  sheet["c.safe"] = Score::fail();  // critical and mandatory for every grade
  CHECK(gradeOf(evaluate(standard, sheet)) == "none");
}

TEST_CASE("Mandatory for a lower grade only, where the better grade has an alternative", "[unit]") {
  auto exempt = [](Json& d) {
    d["sections"][0]["items"][1]["mandatory_for"] = {"silver", "bronze"};
    d["sections"][0]["items"][1]["not_mandatory_for"] = {"gold"};
  };
  auto standard = mini(exempt);
  auto sheet = miniSheet(10, 10, 20);
  sheet["c.gold"] = Score::fail();
  auto result = evaluate(standard, sheet);
  CHECK(gradeOf(result) == "gold");
  CHECK(kindsOf(result, "silver") ==
        std::vector<Blocker::Kind>{Blocker::Kind::MandatoryItemFailed});
  // Without the explicit exemption the same standard is refused by lint.
  CHECK_THROWS_AS(mini([](Json& d) {
                    d["sections"][0]["items"][1]["mandatory_for"] = {"silver", "bronze"};
                  }),
                  tisheng::rules::InvalidStandard);
}

TEST_CASE("Conformity share: conforming over checked, N/A left out", "[unit]") {
  auto standard = mini([](Json& d) {
    d["grades"][0]["min_conformity"] = 1.0;
    d["grades"][1]["min_conformity"] = 0.75;
  });
  auto sheet = miniSheet(10, 10, 20);
  sheet["c.crit2"] = Score::notApplicable();
  auto all = evaluate(standard, sheet);
  CHECK(all.checked == 3);
  CHECK(*all.conformity == 1);
  CHECK(gradeOf(all) == "gold");
  sheet["c.crit1"] = Score::fail();  // 2 of 3
  auto twoOfThree = evaluate(standard, sheet);
  CHECK(gradeOf(twoOfThree) == "bronze");
  const Blocker* conformity = blockerOf(twoOfThree, "silver", Blocker::Kind::Conformity);
  REQUIRE(conformity);
  CHECK(conformity->itemsNeeded == 1);
}

TEST_CASE("Absolute thresholds: N/A either leaves them fixed or scales them, as stated", "[unit]") {
  auto withPolicy = [](const char* policy) {
    return mini([policy](Json& d) {
      d["na_point_thresholds"] = policy;
      d["grades"][2]["min_total_points"] = 16;  // 40 % of 40
      d["grades"][1]["min_total_points"] = 24;
      d["grades"][0]["min_total_points"] = 32;
    });
  };
  auto sheet = miniSheet(5, 0, 10);
  sheet["a.2"] = Score::notApplicable();  // maximum 30 instead of 40
  auto fixed = evaluate(withPolicy("fixed"), sheet);
  CHECK(gradeOf(fixed) == "none");  // 15 < 16
  const Blocker* total = blockerOf(fixed, "bronze", Blocker::Kind::TotalPoints);
  REQUIRE(total);
  CHECK(total->required == 16);
  CHECK(total->pointsNeeded == 1);
  auto scaled = evaluate(withPolicy("scale"), sheet);
  CHECK(gradeOf(scaled) == "bronze");  // 15 >= 16 × 30/40 = 12
  CHECK(blockerOf(scaled, "silver", Blocker::Kind::TotalPoints)->required == 18);
  // Fixed thresholds can be out of reach: gold's 32 with only 30 applicable.
  const Blocker* gold = blockerOf(fixed, "gold", Blocker::Kind::TotalPoints);
  REQUIRE(gold);
  CHECK_FALSE(gold->reachable);
}

TEST_CASE("A grade's cap on an item names the nearest allowed score that meets it", "[unit]") {
  auto standard = mini([](Json& d) { d["grades"][0]["min_item_points"] = {{"b.1", 15}}; });
  auto result = evaluate(standard, miniSheet(10, 10, 12));
  const Blocker* cap = blockerOf(result, "gold", Blocker::Kind::ItemPoints);
  REQUIRE(cap);
  CHECK(cap->items == std::vector<std::string>{"b.1"});
  CHECK(cap->target == 15);
  CHECK(cap->actual == 12);
  // Every rule that blocks is listed, not only the total: b.1 also holds section b at 60 %.
  CHECK(blockerOf(result, "gold", Blocker::Kind::SectionShare));
}
