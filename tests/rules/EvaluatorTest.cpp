#include <catch2/catch.hpp>

#include "rules/Evaluator.h"
#include "rules/Problem.h"
#include "support/Grades.h"
#include "support/MiniStandard.h"

using tisheng::rules::Blocker;
using tisheng::rules::EvaluationResult;
using tisheng::rules::InvalidScoreSheet;
using tisheng::rules::Score;
using tisheng::test::gradeOf;
using tisheng::test::miniSheet;

namespace {

const tisheng::rules::Standard& mini() {
  static const auto standard = tisheng::test::miniStandard();
  return standard;
}

/// The blocker of a kind on a grade, outside sections unless one is named.
const Blocker* findBlocker(const EvaluationResult& result, const std::string& grade,
                           Blocker::Kind kind, const std::string& section = "") {
  return tisheng::test::blockerOf(result, grade, kind, section);
}

/// The problems of an invalid sheet, as "item: message".
std::vector<std::string> sheetProblems(const tisheng::rules::ScoreSheet& sheet) {
  try {
    tisheng::rules::evaluate(mini(), sheet);
  } catch (const InvalidScoreSheet& invalid) {
    std::vector<std::string> out;
    for (const auto& p : invalid.problems()) out.push_back(p.path + ": " + p.message);
    return out;
  }
  return {};
}

}  // namespace

TEST_CASE("Grades at each threshold edge", "[unit]") {
  struct Case {
    double a1, a2, b1;
    const char* grade;
  };
  // Sections a and b are 20 points each; gold needs 80% everywhere, silver 60%, bronze 40% total.
  auto [a1, a2, b1, grade] = GENERATE(values<Case>({
      {10, 10, 20, "gold"},
      {8, 8, 16, "gold"},      // exactly 80% in every section and overall
      {8, 7.5, 16, "silver"},  // half a point short in section a
      {10, 10, 15, "silver"},  // total 87.5% but section b at 75%
      {6, 6, 12, "silver"},    // exactly 60%
      {6, 5.5, 12, "bronze"},  // 59.75% overall
      {0, 0, 16, "bronze"},    // exactly 40% overall, section a empty
      {2, 0, 14, "bronze"},    // 40% made up across sections
      {0, 0, 15, "none"},      // 37.5%
      {0, 0, 0, "none"},
  }));
  CAPTURE(a1, a2, b1);
  CHECK(gradeOf(tisheng::rules::evaluate(mini(), miniSheet(a1, a2, b1))) == grade);
}

TEST_CASE("Totals and section shares are reported", "[unit]") {
  auto result = tisheng::rules::evaluate(mini(), miniSheet(7, 6.5, 18));
  CHECK(result.total == Approx(31.5));
  CHECK(result.max == 40);
  CHECK(*result.share == Approx(31.5 / 40));
  REQUIRE(result.sections.size() == 3);
  CHECK_FALSE(result.sections[0].share);  // the checklist has no points
  CHECK(result.sections[1].score == Approx(13.5));
  CHECK(*result.sections[1].share == Approx(0.675));
  CHECK(*result.sections[2].share == Approx(0.9));
  CHECK(result.standardId == "mini");
  CHECK(result.standardVersion == 1);
}

TEST_CASE("The next grade up names exactly the points missing", "[unit]") {
  auto result = tisheng::rules::evaluate(mini(), miniSheet(7, 6.5, 18));
  REQUIRE(gradeOf(result) == "silver");
  const auto* next = result.nextGrade();
  REQUIRE(next);
  CHECK(next->gradeId == "gold");
  // Total 31.5 of 40: gold needs 32. Section a 13.5 of 20: gold needs 16.
  REQUIRE(next->blockers.size() == 2);
  const Blocker* total = findBlocker(result, "gold", Blocker::Kind::TotalShare);
  REQUIRE(total);
  CHECK(total->pointsNeeded == Approx(0.5));
  CHECK(total->required == Approx(0.8));
  const Blocker* section = findBlocker(result, "gold", Blocker::Kind::SectionShare, "a");
  REQUIRE(section);
  CHECK(section->pointsNeeded == Approx(2.5));
  CHECK(section->actual == Approx(0.675));
  CHECK_FALSE(findBlocker(result, "gold", Blocker::Kind::SectionShare, "b"));
}

TEST_CASE("No next grade once the best is reached and the lowest when none is", "[unit]") {
  CHECK(tisheng::rules::evaluate(mini(), miniSheet(10, 10, 20)).nextGrade() == nullptr);
  auto none = tisheng::rules::evaluate(mini(), miniSheet(0, 0, 10));
  REQUIRE(none.nextGrade());
  CHECK(none.nextGrade()->gradeId == "bronze");
  CHECK(none.nextGrade()->blockers.front().pointsNeeded == Approx(6));
}

TEST_CASE("A failed mandatory item vetoes exactly the grades it names", "[unit]") {
  auto sheet = miniSheet(10, 10, 20);
  sheet["c.gold"] = Score::fail();
  auto result = tisheng::rules::evaluate(mini(), sheet);
  CHECK(gradeOf(result) == "silver");
  CHECK(result.failedMandatory == std::vector<std::string>{"c.gold"});
  const Blocker* veto = findBlocker(result, "gold", Blocker::Kind::MandatoryItemFailed);
  REQUIRE(veto);
  CHECK(veto->items == std::vector<std::string>{"c.gold"});
  CHECK(result.nextGrade()->gradeId == "gold");
  CHECK(result.nextGrade()->blockers.size() == 1);

  sheet["c.safe"] = Score::fail();
  auto vetoed = tisheng::rules::evaluate(mini(), sheet);
  CHECK(gradeOf(vetoed) == "none");
  CHECK(findBlocker(vetoed, "bronze", Blocker::Kind::MandatoryItemFailed)->items ==
        std::vector<std::string>{"c.safe"});
}

TEST_CASE("Critical failures beyond the allowance mean no grade", "[unit]") {
  auto sheet = miniSheet(10, 10, 20);
  sheet["c.crit1"] = Score::fail();
  auto oneFailed = tisheng::rules::evaluate(mini(), sheet);
  CHECK(gradeOf(oneFailed) == "gold");  // one is allowed
  CHECK(oneFailed.failedCritical == std::vector<std::string>{"c.crit1"});

  sheet["c.crit2"] = Score::fail();
  auto twoFailed = tisheng::rules::evaluate(mini(), sheet);
  CHECK(gradeOf(twoFailed) == "none");
  for (const char* grade : {"gold", "silver", "bronze"}) {
    const Blocker* blocker = findBlocker(twoFailed, grade, Blocker::Kind::CriticalFailures);
    REQUIRE(blocker);
    CHECK(blocker->actual == 2);
    CHECK(blocker->required == 1);
    CHECK(blocker->items.size() == 2);
  }
}

TEST_CASE("Not-applicable items leave the denominator", "[unit]") {
  auto sheet = miniSheet(8, 0, 16);
  sheet["a.2"] = Score::notApplicable();
  sheet["c.crit2"] = Score::notApplicable();
  auto result = tisheng::rules::evaluate(mini(), sheet);
  CHECK(result.max == 30);
  CHECK(result.total == 24);
  CHECK(*result.sections[1].share == Approx(0.8));
  CHECK(result.sections[1].notApplicable == 1);
  CHECK(result.sections[0].notApplicable == 1);
  CHECK(gradeOf(result) == "gold");
  CHECK(result.failedCritical.empty());
}

TEST_CASE("A required item below its pass mark blocks the grade that requires it", "[unit]") {
  auto result = tisheng::rules::evaluate(mini(), miniSheet(10, 10, 7));
  // b.1 = 7: section b at 35% already blocks gold and silver; the required item is named too.
  const Blocker* required = findBlocker(result, "gold", Blocker::Kind::RequiredItemNotMet);
  REQUIRE(required);
  CHECK(required->items == std::vector<std::string>{"b.1"});
  CHECK_FALSE(findBlocker(result, "silver", Blocker::Kind::RequiredItemNotMet));

  auto atPassMark = tisheng::rules::evaluate(mini(), miniSheet(10, 10, 8));
  CHECK_FALSE(findBlocker(atPassMark, "gold", Blocker::Kind::RequiredItemNotMet));
}

TEST_CASE("Evaluation is deterministic", "[unit]") {
  auto sheet = miniSheet(7, 6.5, 18);
  auto first = tisheng::rules::evaluate(mini(), sheet);
  for (int i = 0; i < 3; ++i) {
    auto again = tisheng::rules::evaluate(mini(), sheet);
    CHECK(again.total == first.total);
    CHECK(again.grade == first.grade);
    CHECK(again.grades.size() == first.grades.size());
  }
}

TEST_CASE("Bad sheets are errors naming the item", "[unit]") {
  auto sheet = miniSheet(10, 10, 20);
  SECTION("missing item") {
    sheet.erase("a.1");
    CHECK(sheetProblems(sheet) == std::vector<std::string>{"a.1: no score given"});
  }
  SECTION("unknown item") {
    sheet["z.9"] = Score::of(1);
    CHECK(sheetProblems(sheet) == std::vector<std::string>{"z.9: unknown item in standard 'mini'"});
  }
  SECTION("above the maximum") {
    sheet["a.1"] = Score::of(11);
    CHECK(sheetProblems(sheet) == std::vector<std::string>{"a.1: score 11 is outside 0..10"});
  }
  SECTION("negative") {
    sheet["b.1"] = Score::of(-1);
    CHECK(sheetProblems(sheet) == std::vector<std::string>{"b.1: score -1 is outside 0..20"});
  }
  SECTION("off the step") {
    sheet["a.1"] = Score::of(7.5);
    sheet["a.2"] = Score::of(7.25);
    CHECK(sheetProblems(sheet) ==
          std::vector<std::string>{"a.1: score 7.5 is not a multiple of the step 1",
                                   "a.2: score 7.25 is not a multiple of the step 0.5"});
  }
  SECTION("pass for a points item, points for a pass/fail item") {
    sheet["a.1"] = Score::pass();
    sheet["c.safe"] = Score::of(1);
    CHECK(sheetProblems(sheet) == std::vector<std::string>{"c.safe: expected \"pass\" or \"fail\"",
                                                           "a.1: expected points from 0 to 10"});
  }
  SECTION("n/a where not allowed") {
    sheet["c.safe"] = Score::notApplicable();
    CHECK(sheetProblems(sheet) ==
          std::vector<std::string>{"c.safe: \"n/a\" is not allowed for this item"});
  }
  SECTION("empty sheet names every item") { CHECK(sheetProblems({}).size() == 7); }
}
