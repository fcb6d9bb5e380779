// The public schemes written as standards (rating-rules/examples/), each checked against a table
// of sheets whose grades were worked out by hand from the scheme's published rules — not from
// the engine.
#include <catch2/catch.hpp>

#include "rules/Evaluator.h"
#include "rules/StandardRegistry.h"
#include "support/Grades.h"

using tisheng::rules::Blocker;
using tisheng::rules::Score;
using tisheng::rules::ScoreSheet;
using tisheng::rules::Standard;
using tisheng::test::blockerOf;
using tisheng::test::gradeOf;

namespace {

const Standard& example(const std::string& id) {
  static const auto registry = tisheng::rules::StandardRegistry::load(
      std::string(TISHENG_SOURCE_DIR) + "/rating-rules/examples");
  auto standard = registry.latest(id);
  REQUIRE(standard);
  return *standard;
}

ScoreSheet fhrs(double hygiene, double structure, double management) {
  return {{"hygiene", Score::of(hygiene)},
          {"structure", Score::of(structure)},
          {"management", Score::of(management)}};
}

}  // namespace

TEST_CASE("FHRS: total-score bands, and the worst element caps the rating", "[unit]") {
  struct Case {
    double hygiene, structure, management;
    const char* rating;
  };
  // FSA Brand Standard, Annex 5. Rating = the lower of the total band (0-15: 5, 20: 4, 25-30: 3,
  // 35-40: 2, 45-50: 1, >50: 0) and the highest single element (<=5: 5, <=10: 4 or 3,
  // <=15: 2, <=20: 1, above: 0).
  auto c = GENERATE(values<Case>({
      {0, 0, 0, "r5"},     // total 0
      {5, 5, 5, "r5"},     // 15, none above 5
      {5, 5, 0, "r5"},     // 10
      {10, 0, 0, "r4"},    // total 10 would be 5, but one element at 10 caps it at 4
      {5, 5, 10, "r4"},    // 20, highest 10
      {0, 10, 10, "r4"},   // 20
      {10, 5, 5, "r4"},    // 20
      {10, 10, 5, "r3"},   // 25
      {10, 10, 10, "r3"},  // 30, highest 10
      {15, 0, 0, "r2"},    // total 15, but 15 in one element caps it at 2
      {15, 15, 5, "r2"},   // 35
      {15, 15, 10, "r2"},  // 40, highest 15
      {15, 10, 10, "r2"},  // 35
      {5, 15, 10, "r2"},   // 30 would be 3, but an element at 15 caps it at 2
      {20, 0, 0, "r1"},    // total 20, one element at 20
      {0, 5, 20, "r1"},    // 25, management 20
      {10, 10, 20, "r1"},  // 40, management 20
      {20, 20, 5, "r1"},   // 45
      {20, 20, 10, "r1"},  // 50
      {15, 15, 20, "r1"},  // 50, highest 20
      {25, 0, 0, "r0"},    // an element at 25
      {0, 0, 30, "r0"},    // management 30
      {20, 20, 20, "r0"},  // 60 > 50
      {25, 25, 30, "r0"},  // 80, the worst possible
  }));
  CAPTURE(c.hygiene, c.structure, c.management);
  CHECK(gradeOf(evaluate(example("fhrs"), fhrs(c.hygiene, c.structure, c.management))) == c.rating);
}

TEST_CASE("FHRS: advice names element scores the scheme allows", "[unit]") {
  // Management 20 caps the rating at 1; rating 2 allows at most 15, and the next allowed
  // management score below 20 is 10 (the scale is 0/5/10/20/30).
  auto capped = evaluate(example("fhrs"), fhrs(0, 0, 20));
  REQUIRE(gradeOf(capped) == "r1");
  const Blocker* cap = blockerOf(capped, "r2", Blocker::Kind::ItemPoints);
  REQUIRE(cap);
  CHECK(cap->items == std::vector<std::string>{"management"});
  CHECK(cap->actual == 20);
  CHECK(cap->target == 10);
  // 30 points rate 3; rating 4 needs 20 or fewer: 10 points fewer, in steps of 5.
  auto thirty = evaluate(example("fhrs"), fhrs(10, 10, 10));
  const Blocker* total = blockerOf(thirty, "r4", Blocker::Kind::TotalPoints);
  REQUIRE(total);
  CHECK(total->pointsNeeded == 10);
  CHECK(total->required == 20);
  CHECK_FALSE(thirty.share);  // no share on a penalty scale
}

namespace {

const std::vector<std::string> kKeyItems{"k.licence",    "k.health",  "k.sourcing",  "k.expired",
                                         "k.raw-cooked", "k.cooking", "k.tableware", "k.additives"};
const std::vector<std::string> kGeneralItems{
    "g.layout", "g.walls", "g.pests",   "g.waste",       "g.storage",     "g.fridge",
    "g.hands",  "g.dress", "g.samples", "g.cold-dishes", "g.raw-seafood", "g.pastry"};

/// Every item checked and conforming except: the first failedKey key items and failedGeneral
/// general items fail, and the last notApplicable general items do not apply (合理缺项).
ScoreSheet catering(int failedKey, int failedGeneral, int notApplicable) {
  ScoreSheet sheet;
  for (std::size_t i = 0; i < kKeyItems.size(); ++i)
    sheet[kKeyItems[i]] = static_cast<int>(i) < failedKey ? Score::fail() : Score::pass();
  for (std::size_t i = 0; i < kGeneralItems.size(); ++i) {
    int fromEnd = static_cast<int>(kGeneralItems.size() - i);
    if (fromEnd <= notApplicable)
      sheet[kGeneralItems[i]] = Score::notApplicable();
    else
      sheet[kGeneralItems[i]] = static_cast<int>(i) < failedGeneral ? Score::fail() : Score::pass();
  }
  return sheet;
}

}  // namespace

TEST_CASE("Catering food-safety grading: conforming items over items checked", "[unit]") {
  struct Case {
    int failedKey, failedGeneral, notApplicable;
    const char* grade;
  };
  // Score = conforming ÷ checked × 10: excellent >= 9.0, good >= 7.5, fair >= 6.0; below 6.0 or
  // two or more key items failed: no grade. 20 items, up to 4 general ones may not apply.
  auto c = GENERATE(values<Case>({
      {0, 0, 0, "excellent"},  // 20/20 = 10.0
      {0, 2, 0, "excellent"},  // 18/20 = 9.0, exactly
      {1, 1, 0, "excellent"},  // 18/20 = 9.0 with one key item failed (one is tolerated)
      {0, 3, 0, "good"},       // 17/20 = 8.5
      {1, 2, 0, "good"},       // 17/20
      {0, 5, 0, "good"},       // 15/20 = 7.5, exactly
      {0, 6, 0, "fair"},       // 14/20 = 7.0
      {1, 7, 0, "fair"},       // 12/20 = 6.0, exactly
      {0, 8, 0, "fair"},       // 12/20 = 6.0
      {0, 9, 0, "none"},       // 11/20 = 5.5
      {2, 0, 0, "none"},       // 18/20 = 9.0 but two key items failed
      {3, 0, 0, "none"},       // three key items failed
      {0, 1, 4, "excellent"},  // 15/16 = 9.375 (4 do not apply)
      {0, 2, 4, "good"},       // 14/16 = 8.75
      {0, 4, 4, "good"},       // 12/16 = 7.5, exactly
      {0, 5, 4, "fair"},       // 11/16 = 6.875
      {1, 5, 4, "fair"},       // 10/16 = 6.25
      {0, 7, 4, "none"},       // 9/16 = 5.625
      {0, 1, 2, "excellent"},  // 17/18 = 9.44
      {0, 2, 2, "good"},       // 16/18 = 8.89: just short of 9.0
      {0, 4, 2, "good"},       // 14/18 = 7.78
      {0, 5, 2, "fair"},       // 13/18 = 7.22
      {0, 7, 2, "fair"},       // 11/18 = 6.11
      {0, 8, 2, "none"},       // 10/18 = 5.56
  }));
  CAPTURE(c.failedKey, c.failedGeneral, c.notApplicable);
  CHECK(gradeOf(evaluate(example("catering-food-safety"),
                         catering(c.failedKey, c.failedGeneral, c.notApplicable))) == c.grade);
}

TEST_CASE("Catering food-safety grading: advice counts conforming items", "[unit]") {
  // 16/20 = 8.0: excellent needs 18 of the 20 checked to conform — 2 more.
  auto result = evaluate(example("catering-food-safety"), catering(0, 4, 0));
  REQUIRE(gradeOf(result) == "good");
  const Blocker* conformity = blockerOf(result, "excellent", Blocker::Kind::Conformity);
  REQUIRE(conformity);
  CHECK(conformity->itemsNeeded == 2);
  CHECK(result.checked == 20);
  CHECK(result.conforming == 16);
}

namespace {

struct Homestay {
  double location, building, garden;
  double rooms, bath, kitchen, wifi;
  double reception, cleaning, safety;
  double theme, activities, local;
};

constexpr double kNa = -1;

Score pointsOrNa(double value) { return value == kNa ? Score::notApplicable() : Score::of(value); }

ScoreSheet homestay(const Homestay& h, const std::vector<std::string>& failed = {}) {
  ScoreSheet sheet;
  for (const char* id : {"m.licences", "m.size", "m.fire", "m.shared-bath", "m.host", "m.ensuite"})
    sheet[id] =
        std::find(failed.begin(), failed.end(), id) == failed.end() ? Score::pass() : Score::fail();
  sheet["e.location"] = Score::of(h.location);
  sheet["e.building"] = Score::of(h.building);
  sheet["e.garden"] = pointsOrNa(h.garden);
  sheet["f.rooms"] = Score::of(h.rooms);
  sheet["f.bath"] = Score::of(h.bath);
  sheet["f.kitchen"] = pointsOrNa(h.kitchen);
  sheet["f.wifi"] = Score::of(h.wifi);
  sheet["s.reception"] = Score::of(h.reception);
  sheet["s.cleaning"] = Score::of(h.cleaning);
  sheet["s.safety"] = Score::of(h.safety);
  sheet["c.theme"] = Score::of(h.theme);
  sheet["c.activities"] = pointsOrNa(h.activities);
  sheet["c.local"] = Score::of(h.local);
  return sheet;
}

const Homestay kFull{10, 10, 10, 20, 20, 10, 10, 20, 20, 20, 20, 20, 10};
/// Exactly 80 % of every section: env 24, facilities 48, service 48, character 40.
const Homestay kEighty{8, 7, 9, 17, 16, 10, 5, 16, 16, 16, 16, 16, 8};
/// Exactly 60 % of every section: 18, 36, 36, 30.
const Homestay kSixty{6, 4, 8, 12, 12, 7, 5, 12, 12, 12, 12, 12, 6};

}  // namespace

TEST_CASE("GB/T 41648 homestays: checklist per grade, 200 points, thresholds scaled by N/A",
          "[unit]") {
  struct Case {
    const char* name;
    Homestay sheet;
    std::vector<std::string> failed;
    const char* grade;
  };
  // 丙 (bing): 80 of 200; 乙 (yi): 60 % of every section (18/36/36/30); 甲 (jia): 80 % of every
  // section (24/48/48/40). N/A items leave the maximum and every threshold scales with it.
  Homestay sixtyLess = kSixty;
  sixtyLess.local = 5;  // character 29 < 30
  Homestay eightyLess = kEighty;
  eightyLess.safety = 15;                                       // service 47 < 48
  Homestay eighty = {3, 4, 3, 10, 10, 5, 5, 9, 8, 8, 5, 5, 5};  // 80 in all
  Homestay seventyNine = eighty;
  seventyNine.local = 4;
  Homestay noKitchen42 = kFull;  // facilities 16+16+10 = 42 of 50: 甲 needs 48×50/60 = 40
  noKitchen42.kitchen = kNa;
  noKitchen42.rooms = 16;
  noKitchen42.bath = 16;
  Homestay noKitchen39 = noKitchen42;  // 15+14+10 = 39 < 40, 乙 needs 30
  noKitchen39.rooms = 15;
  noKitchen39.bath = 14;
  Homestay noKitchen30 = noKitchen42;  // 10+10+10 = 30 = 乙's 30
  noKitchen30.rooms = 10;
  noKitchen30.bath = 10;
  Homestay noKitchen29 = noKitchen30;
  noKitchen29.bath = 9;
  // Garden, kitchen and activities N/A: maximum 160, so 丙 needs 80×160/200 = 64.
  Homestay sparse64 = {5, 4, kNa, 10, 10, kNa, 5, 10, 10, 10, 0, kNa, 0};
  Homestay sparse63 = sparse64;
  sparse63.safety = 9;
  Homestay env23 = kFull;  // 10 + 7 + 6
  env23.building = 7;
  env23.garden = 6;
  Homestay noGarden15 = kFull;  // env 8 + 7 = 15 of 20: 甲 needs 24×20/30 = 16
  noGarden15.garden = kNa;
  noGarden15.location = 8;
  noGarden15.building = 7;
  Homestay noGarden16 = noGarden15;
  noGarden16.location = 9;
  Homestay zero{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};

  auto c = GENERATE_COPY(values<Case>({
      {"full marks", kFull, {}, "jia"},
      {"exactly 80 % everywhere", kEighty, {}, "jia"},
      {"service one point short of 80 %", eightyLess, {}, "yi"},
      {"exactly 60 % everywhere", kSixty, {}, "yi"},
      {"character one point short of 60 %", sixtyLess, {}, "bing"},
      {"exactly 80 points", eighty, {}, "bing"},
      {"79 points", seventyNine, {}, "none"},
      {"nothing", zero, {}, "none"},
      {"licences missing", kFull, {"m.licences"}, "none"},
      {"host not receiving guests (乙, 甲)", kFull, {"m.host"}, "bing"},
      {"no en-suite bathrooms (甲 only)", kFull, {"m.ensuite"}, "yi"},
      {"shared bathrooms failed: 甲 is exempt", kFull, {"m.shared-bath"}, "jia"},
      {"shared and en-suite bathrooms failed", kFull, {"m.shared-bath", "m.ensuite"}, "none"},
      {"no kitchen, facilities 42 of 50", noKitchen42, {}, "jia"},
      {"no kitchen, facilities 39 of 50", noKitchen39, {}, "yi"},
      {"no kitchen, facilities 30 of 50", noKitchen30, {}, "yi"},
      {"no kitchen, facilities 29 of 50", noKitchen29, {}, "bing"},
      {"three items N/A, 64 of 160", sparse64, {}, "bing"},
      {"three items N/A, 63 of 160", sparse63, {}, "none"},
      {"environment 23 of 30", env23, {}, "yi"},
      {"no garden, environment 15 of 20", noGarden15, {}, "yi"},
      {"no garden, environment 16 of 20", noGarden16, {}, "jia"},
  }));
  CAPTURE(c.name);
  CHECK(gradeOf(evaluate(example("gbt41648-homestay"), homestay(c.sheet, c.failed))) == c.grade);
}

TEST_CASE("GB/T 41648 homestays: advice in points a sheet can reach", "[unit]") {
  Homestay env23 = kFull;
  env23.building = 7;
  env23.garden = 6;
  auto result = evaluate(example("gbt41648-homestay"), homestay(env23));
  const Blocker* section = blockerOf(result, "jia", Blocker::Kind::SectionPoints);
  REQUIRE(section);
  CHECK(section->sectionId == "env");
  CHECK(section->pointsNeeded == 1);  // the garden (step 1) can give exactly one more
  // With the garden N/A the building (0/4/7/10) is the only way up: 15 → 16 takes 3 points.
  Homestay noGarden = kFull;
  noGarden.garden = kNa;
  noGarden.location = 10;
  noGarden.building = 4;
  auto stuck = evaluate(example("gbt41648-homestay"), homestay(noGarden));
  const Blocker* building = blockerOf(stuck, "jia", Blocker::Kind::SectionPoints);
  REQUIRE(building);
  CHECK(building->required == Approx(16));
  CHECK(building->pointsNeeded == 3);
}
