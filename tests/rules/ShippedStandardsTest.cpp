#include <catch2/catch.hpp>

#include "rules/Evaluator.h"
#include "rules/StandardRegistry.h"

using tisheng::rules::Category;
using tisheng::rules::ItemKind;
using tisheng::rules::Score;
using tisheng::rules::ScoreSheet;
using tisheng::rules::Standard;
using tisheng::rules::StandardRegistry;

namespace {

const StandardRegistry& shipped() {
  static const StandardRegistry registry =
      StandardRegistry::load(std::string(TISHENG_SOURCE_DIR) + "/rating-rules/standards");
  return registry;
}

/// Every item passed and scored at `share` of its maximum (rounded to its step).
ScoreSheet sheetAt(const Standard& standard, double share) {
  ScoreSheet sheet;
  for (const auto& section : standard.sections)
    for (const auto& item : section.items) {
      if (item.kind == ItemKind::PassFail)
        sheet[item.id] = Score::pass();
      else
        sheet[item.id] = Score::of(std::round(item.max * share / item.step) * item.step);
    }
  return sheet;
}

double sectionMax(const Standard& standard, const std::string& id) {
  for (const auto& section : standard.sections)
    if (section.id == id) return section.maxPoints(tisheng::rules::Direction::HigherIsBetter);
  return -1;
}

}  // namespace

TEST_CASE("The shipped standards pass lint", "[unit]") {
  std::vector<std::string> problems;
  auto registry =
      StandardRegistry::scan(std::string(TISHENG_SOURCE_DIR) + "/rating-rules/standards", problems);
  CHECK(problems.empty());
  CHECK(registry.latestOfEach().size() == 3);
}

TEST_CASE("Every shipped item speaks Chinese and English", "[unit]") {
  for (const auto& standard : shipped().latestOfEach())
    for (const auto& section : standard->sections) {
      CHECK_FALSE(section.title.en.empty());
      for (const auto& item : section.items) {
        CAPTURE(item.id);
        CHECK_FALSE(item.title.zh.empty());
        CHECK_FALSE(item.title.en.empty());
      }
    }
}

TEST_CASE("The homestay standard follows GB/T 41648", "[unit]") {
  auto homestay = shipped().latest("homestay");
  REQUIRE(homestay);
  CHECK(homestay->category == Category::Homestay);
  CHECK(homestay->itemCount() >= 40);
  CHECK(sectionMax(*homestay, "environment") == 30);
  CHECK(sectionMax(*homestay, "facilities") == 60);
  CHECK(sectionMax(*homestay, "service") == 60);
  CHECK(sectionMax(*homestay, "character") == 50);
  REQUIRE(homestay->grades.size() == 3);
  CHECK(homestay->grades[0].title.zh == "甲级");
  CHECK(homestay->grades[0].minSectionShare == 0.8);
  CHECK(homestay->grades[1].title.zh == "乙级");
  CHECK(homestay->grades[1].minSectionShare == 0.6);
  CHECK(homestay->grades[2].title.zh == "丙级");
  CHECK(homestay->grades[2].minTotalShare == 0.4);
  CHECK(homestay->exitRules.reapplyBarMonths == 36);

  auto evaluate = [&](double share) {
    return tisheng::rules::evaluate(*homestay, sheetAt(*homestay, share)).grade.value_or("none");
  };
  CHECK(evaluate(1.0) == "jia");
  CHECK(evaluate(0.9) == "jia");
  CHECK(evaluate(0.7) == "yi");
  CHECK(evaluate(0.5) == "bing");
  CHECK(evaluate(0.3) == "none");
}

TEST_CASE("A homestay that fails the fire-safety check gets no grade", "[unit]") {
  auto homestay = shipped().latest("homestay");
  auto sheet = sheetAt(*homestay, 1.0);
  sheet["m.fire_safety"] = Score::fail();
  auto result = tisheng::rules::evaluate(*homestay, sheet);
  CHECK_FALSE(result.grade);
  CHECK(result.failedMandatory == std::vector<std::string>{"m.fire_safety"});
}

TEST_CASE("The restaurant standard vetoes on food-safety critical items", "[unit]") {
  auto restaurant = shipped().latest("restaurant");
  REQUIRE(restaurant);
  CHECK(restaurant->itemCount() >= 30);
  CHECK(restaurant->grades.size() == 3);
  auto sheet = sheetAt(*restaurant, 1.0);
  CHECK(tisheng::rules::evaluate(*restaurant, sheet).grade == "a");
  sheet["fs.cold_chain"] = Score::fail();
  CHECK(tisheng::rules::evaluate(*restaurant, sheet).grade == "c");
  sheet["fs.pest"] = Score::fail();
  CHECK_FALSE(tisheng::rules::evaluate(*restaurant, sheet).grade);
}

TEST_CASE("The product standard requires certification and the pledge certificate", "[unit]") {
  auto product = shipped().latest("product");
  REQUIRE(product);
  CHECK(product->itemCount() >= 25);
  CHECK(product->grades.size() == 3);
  for (const char* id : {"el.certification", "pk.cert_name", "pk.cert_quantity", "pk.cert_origin",
                         "pk.cert_date", "pk.cert_issuer", "pk.cert_pledge"})
    CHECK(product->findItem(id));
  auto sheet = sheetAt(*product, 1.0);
  CHECK(tisheng::rules::evaluate(*product, sheet).grade == "premium");
  sheet["el.certification"] = Score::fail();
  CHECK_FALSE(tisheng::rules::evaluate(*product, sheet).grade);
}
