#include <catch2/catch.hpp>

#include "rules/Problem.h"
#include "rules/ScoreSheet.h"

using tisheng::rules::InvalidScoreSheet;
using tisheng::rules::Score;
using Json = nlohmann::ordered_json;

TEST_CASE("Score sheets read numbers and the three words", "[unit]") {
  auto sheet = tisheng::rules::scoreSheetFromJson(
      Json::parse(R"({"a": 3, "b": 2.5, "c": "pass", "d": "fail", "e": "n/a"})"));
  CHECK(sheet.at("a") == Score::of(3));
  CHECK(sheet.at("b") == Score::of(2.5));
  CHECK(sheet.at("c") == Score::pass());
  CHECK(sheet.at("d") == Score::fail());
  CHECK(sheet.at("e") == Score::notApplicable());
  CHECK(tisheng::rules::toJson(sheet) ==
        Json::parse(R"({"a": 3.0, "b": 2.5, "c": "pass", "d": "fail", "e": "n/a"})"));
}

TEST_CASE("Score sheet values of the wrong type name the item", "[unit]") {
  try {
    tisheng::rules::scoreSheetFromJson(
        Json::parse(R"({"ok": 1, "x": true, "y": null, "z": "PASS", "w": [1]})"));
    FAIL("expected InvalidScoreSheet");
  } catch (const InvalidScoreSheet& invalid) {
    std::vector<std::string> items;
    for (const auto& p : invalid.problems()) items.push_back(p.path);
    CHECK(items == std::vector<std::string>{"x", "y", "z", "w"});
  }
  CHECK_THROWS_AS(tisheng::rules::scoreSheetFromJson(Json::array()), InvalidScoreSheet);
}

TEST_CASE("An empty item id is a problem of the sheet as a whole", "[unit]") {
  // Found by fuzz-score_sheet: the problem's path was "", so the API named no field.
  try {
    tisheng::rules::scoreSheetFromJson(Json::parse(R"({"": 10, "a": 1})"));
    FAIL("expected InvalidScoreSheet");
  } catch (const InvalidScoreSheet& invalid) {
    REQUIRE(invalid.problems().size() == 1);
    CHECK(tisheng::rules::scoreField(invalid.problems()[0]) == "scores");
    CHECK(invalid.problems()[0].message == "an item id must not be empty");
  }
  CHECK(tisheng::rules::scoreField({"a.1", "x"}) == "scores.a.1");
}
