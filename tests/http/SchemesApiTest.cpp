// The example schemes served by a real server: grades, advice in each scheme's own units in both
// languages, and scores outside an item's allowed values refused with the item named.
#include <catch2/catch.hpp>

#include "api/GradeText.h"
#include "rules/Evaluator.h"
#include "rules/StandardParser.h"
#include "support/MiniStandard.h"
#include "support/TestServer.h"

using tisheng::test::TestServer;
using Json = nlohmann::ordered_json;

namespace {

TestServer examplesServer() {
  tisheng::app::Config config;
  config.rulesDir = tisheng::test::sourceDir() / "rating-rules" / "examples";
  return TestServer(config);
}

Json fhrs(int hygiene, int structure, int management) {
  return Json{
      {"scores", {{"hygiene", hygiene}, {"structure", structure}, {"management", management}}}};
}

std::vector<std::string> messages(const Json& check) {
  std::vector<std::string> out;
  for (const auto& blocker : check["blockers"]) out.push_back(blocker["message"]);
  return out;
}

/// Every catering item conforming but the first `failed` general items.
Json catering(int failed) {
  Json scores = Json::object();
  for (const char* id : {"k.licence", "k.health", "k.sourcing", "k.expired", "k.raw-cooked",
                         "k.cooking", "k.tableware", "k.additives"})
    scores[id] = "pass";
  int n = 0;
  for (const char* id :
       {"g.layout", "g.walls", "g.pests", "g.waste", "g.storage", "g.fridge", "g.hands", "g.dress",
        "g.samples", "g.cold-dishes", "g.raw-seafood", "g.pastry"})
    scores[id] = n++ < failed ? "fail" : "pass";
  return Json{{"scores", scores}};
}

const std::string kFhrs = "/api/v1/standards/fhrs/evaluate";

}  // namespace

TEST_CASE("A penalty scale explains in points to shed and element scores it allows", "[http]") {
  TestServer server(examplesServer());
  auto thirty = server.client().post(kFhrs + "?lang=en", fhrs(10, 10, 10).dump()).json();
  CHECK(thirty["grade"]["id"] == "r3");
  CHECK(thirty["direction"] == "lower_is_better");
  CHECK(thirty["share"].is_null());
  CHECK(thirty["why"][0] == "Graded 3 – Generally satisfactory: total 30 points");
  CHECK(
      messages(thirty["next_grade"]) ==
      std::vector<std::string>{"Total 30 is above the 20 points allowed: 10 fewer points needed"});
  auto zh = server.client().post(kFhrs, fhrs(10, 10, 10).dump()).json();
  CHECK(messages(zh["next_grade"]) ==
        std::vector<std::string>{"总分 30 分，超过允许的 20 分，需减少 10 分"});

  auto capped = server.client().post(kFhrs + "?lang=en", fhrs(0, 0, 20).dump()).json();
  CHECK(capped["grade"]["id"] == "r1");
  auto cap = capped["next_grade"]["blockers"][0];
  CHECK(cap["kind"] == "item_points");
  CHECK(cap["target_points"] == 10);
  CHECK(cap["message"] ==
        "\"Food safety management system, training and track record\" is 20, above the 15 this "
        "grade allows: lower it from 20 to 10");
}

TEST_CASE("A score outside an item's allowed values is a 400 naming the item", "[http]") {
  TestServer server(examplesServer());
  auto reply = server.client().post(kFhrs, fhrs(10, 10, 7).dump());
  CHECK(reply.status == 400);
  CHECK(reply.errorFields() == std::vector<std::string>{"scores.management"});
  CHECK(reply.json()["error"]["fields"][0]["message"] == "score 7 is not one of 0, 5, 10, 20, 30");
}

TEST_CASE("Conformity is explained in conforming items", "[http]") {
  TestServer server(examplesServer());
  const std::string url = "/api/v1/standards/catering-food-safety/evaluate";
  auto en = server.client().post(url + "?lang=en", catering(4).dump()).json();
  CHECK(en["grade"]["id"] == "good");
  CHECK(en["conformity"] == 0.8);
  CHECK(en["why"][0] == "Graded Good: conformity 80.0% (16 of 20 items)");
  CHECK(messages(en["next_grade"]) ==
        std::vector<std::string>{
            "Conformity 80.0% is below the 90.0% required: 2 more conforming items"});
  auto zh = server.client().post(url, catering(4).dump()).json();
  CHECK(messages(zh["next_grade"]) ==
        std::vector<std::string>{"符合率 80.0%，低于要求的 90.0%：还需 2 项符合"});
}

TEST_CASE("Section points name the section and the threshold scaled for N/A", "[http]") {
  TestServer server(examplesServer());
  auto standard = server.client().get("/api/v1/standards/gbt41648-homestay").json();
  Json scores = Json::object();
  for (const auto& section : standard["sections"])
    for (const auto& item : section["items"])
      scores[item["id"].get<std::string>()] =
          item["kind"] == "pass_fail"
              ? Json("pass")
              : Json(item.contains("values") ? item["values"].back() : item["max"]);
  scores["e.garden"] = "n/a";
  scores["e.location"] = 8;
  scores["e.building"] = 7;  // 15 of 20; 甲 needs 24 × 20/30 = 16
  auto en = server.client()
                .post("/api/v1/standards/gbt41648-homestay/evaluate?lang=en",
                      Json{{"scores", scores}}.dump())
                .json();
  CHECK(en["grade"]["id"] == "yi");
  auto blocker = en["next_grade"]["blockers"][0];
  CHECK(blocker["kind"] == "section_points");
  CHECK(blocker["required_points"] == 16);
  CHECK(blocker["stated_points"] == 24);
  CHECK(blocker["points_needed"] == 1);
  CHECK(blocker["message"] ==
        "\"Environment and buildings\" has 15, below the 16 points required (24 scaled for N/A "
        "items): 1 more point needed in \"Environment and buildings\"");
}

TEST_CASE("Each grade's rules are listed in sentences with the standard", "[http]") {
  TestServer server(examplesServer());
  auto list = server.client().get("/api/v1/standards?lang=en").json()["standards"];
  Json fhrsSummary;
  for (const auto& standard : list)
    if (standard["id"] == "fhrs") fhrsSummary = standard;
  REQUIRE(fhrsSummary["direction"] == "lower_is_better");
  CHECK(fhrsSummary["grades"][0]["requirements"] ==
        Json::array({"Total at most 15 points",
                     "\"Hygienic food handling: preparation, cooking, re-heating, cooling and "
                     "storage\" at most 5 points",
                     "\"Cleanliness and condition of facilities and building: layout, lighting, "
                     "ventilation, pest control\" at most 5 points",
                     "\"Food safety management system, training and track record\" at most 5 "
                     "points"}));
  CHECK(fhrsSummary["grades"].back()["requirements"] == Json::array());
}

TEST_CASE("A sheet with nothing scored is told why in both languages", "[unit]") {
  Json doc = tisheng::test::miniStandardJson();
  doc["sections"][1]["items"][0]["na_allowed"] = true;
  doc["sections"][2]["items"][0]["na_allowed"] = true;
  doc["grades"][0]["required_items"] = Json::array();
  auto standard = tisheng::rules::parseStandard(doc.dump(), "mini.json");
  auto sheet = tisheng::test::miniSheet(0, 0, 0);
  for (const char* id : {"a.1", "a.2", "b.1"}) sheet[id] = tisheng::rules::Score::notApplicable();
  auto result = tisheng::rules::evaluate(standard, sheet);
  const auto& blocker = result.grades.back().blockers.front();
  CHECK(tisheng::api::GradeText(standard, "en").blocker(blocker) ==
        "Nothing was scored (every points item is N/A), so no grade can be given");
  CHECK(tisheng::api::GradeText(standard, "zh").blocker(blocker) ==
        "没有评分的计分项目（全部不适用），不能评定等级");
}
