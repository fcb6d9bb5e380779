#include <catch2/catch.hpp>
#include <fstream>
#include <functional>
#include <sstream>

#include "rules/Problem.h"
#include "rules/StandardParser.h"
#include "support/MiniStandard.h"

using tisheng::rules::InvalidStandard;
using Json = nlohmann::ordered_json;

namespace {

/// The `path: message` lines for a document, or an empty list when it is valid.
std::vector<std::string> problemsOf(const std::string& text) {
  try {
    tisheng::rules::parseStandard(text, "bad.json");
  } catch (const InvalidStandard& invalid) {
    return invalid.lines();
  }
  return {};
}

struct Malformed {
  const char* name;
  std::function<void(Json&)> mutate;
  const char* expected;  // the `file: path: message` line that must be reported
};

}  // namespace

TEST_CASE("The mini standard is valid and indexed", "[unit]") {
  auto standard = tisheng::test::miniStandard();
  CHECK(standard.id == "mini");
  CHECK(standard.itemCount() == 7);
  CHECK(standard.findItem("a.2")->step == 0.5);
  CHECK(standard.findItem("nope") == nullptr);
  CHECK(standard.findGrade("silver")->minSectionShare == 0.6);
  CHECK(standard.exitRules.ruleFor(tisheng::rules::Finding::UpheldComplaints)->count == 3);
  CHECK(standard.exitRules.ruleFor(tisheng::rules::Finding::Fraud) == nullptr);
  CHECK(standard.document["id"] == "mini");
}

TEST_CASE("Malformed standards are rejected with the JSON path at fault", "[unit]") {
  std::vector<Malformed> cases{
      {"unknown top-level field", [](Json& d) { d["colour"] = "red"; },
       "bad.json: $.colour: unknown field"},
      {"version of the wrong type", [](Json& d) { d["version"] = "1"; },
       "bad.json: $.version: expected an integer"},
      {"version zero", [](Json& d) { d["version"] = 0; }, "bad.json: $.version: must be 1 or more"},
      {"unknown category", [](Json& d) { d["category"] = "hotel"; },
       "bad.json: $.category: must be one of homestay, restaurant, product"},
      {"missing English title", [](Json& d) { d["title"].erase("en"); },
       "bad.json: $.title.en: required field is missing"},
      {"unknown item field", [](Json& d) { d["sections"][1]["items"][0]["maxx"] = 3; },
       "bad.json: $.sections[1].items[0].maxx: unknown field"},
      {"duplicate item id", [](Json& d) { d["sections"][1]["items"][1]["id"] = "a.1"; },
       "bad.json: $.sections[1].items[1].id: duplicate item id 'a.1'"},
      {"duplicate section id", [](Json& d) { d["sections"][2]["id"] = "a"; },
       "bad.json: $.sections[2].id: duplicate section id 'a'"},
      {"duplicate grade id", [](Json& d) { d["grades"][1]["id"] = "gold"; },
       "bad.json: $.grades[1].id: duplicate grade id 'gold'"},
      {"grade naming an unknown item", [](Json& d) { d["grades"][0]["required_items"] = {"q.9"}; },
       "bad.json: $.grades[0].required_items: names unknown item 'q.9'"},
      {"item naming an unknown grade",
       [](Json& d) { d["sections"][0]["items"][1]["mandatory_for"] = {"platinum"}; },
       "bad.json: $.sections[0].items[1].mandatory_for: names unknown grade 'platinum'"},
      {"mandatory for a grade but not for a better one",
       [](Json& d) { d["sections"][0]["items"][1]["mandatory_for"] = {"silver"}; },
       "bad.json: $.sections[0].items[1].mandatory_for: must include 'gold', better than a grade "
       "listed (or name it in not_mandatory_for)"},
      {"thresholds out of order", [](Json& d) { d["grades"][2]["min_total_share"] = 0.7; },
       "bad.json: $.grades[2].min_total_share: thresholds out of order: higher than the better "
       "grade 'silver'"},
      {"share above 1", [](Json& d) { d["grades"][0]["min_total_share"] = 80; },
       "bad.json: $.grades[0].min_total_share: a share must be between 0 and 1"},
      {"negative share", [](Json& d) { d["grades"][2]["min_section_share"] = -0.1; },
       "bad.json: $.grades[2].min_section_share: a share must be between 0 and 1"},
      {"non-positive max", [](Json& d) { d["sections"][1]["items"][0]["max"] = 0; },
       "bad.json: $.sections[1].items[0].max: must be greater than 0 and at most 10000"},
      {"huge max", [](Json& d) { d["sections"][1]["items"][0]["max"] = 1e300; },
       "bad.json: $.sections[1].items[0].max: must be greater than 0 and at most 10000"},
      {"too fine a step", [](Json& d) { d["sections"][1]["items"][0]["step"] = 0.001; },
       "bad.json: $.sections[1].items[0].step: at most 1000 steps from 0 to max"},
      {"a huge allowed value",
       [](Json& d) {
         d["sections"][1]["items"][0].erase("max");
         d["sections"][1]["items"][0]["values"] = {0, 1e9};
       },
       "bad.json: $.sections[1].items[0].values[1]: must be between 0 and 10000"},
      {"max not a multiple of step", [](Json& d) { d["sections"][1]["items"][0]["step"] = 3; },
       "bad.json: $.sections[1].items[0].max: must be a multiple of step"},
      {"pass_min above max", [](Json& d) { d["sections"][2]["items"][0]["pass_min"] = 21; },
       "bad.json: $.sections[2].items[0].pass_min: must be greater than 0 and at most max"},
      {"points field on a pass/fail item", [](Json& d) { d["sections"][0]["items"][0]["max"] = 5; },
       "bad.json: $.sections[0].items[0].max: only points items take this field"},
      {"critical points item without pass mark",
       [](Json& d) { d["sections"][1]["items"][0]["critical"] = true; },
       "bad.json: $.sections[1].items[0].pass_min: required for a critical or mandatory points "
       "item (it defines failing)"},
      {"unknown item kind", [](Json& d) { d["sections"][1]["items"][0]["kind"] = "stars"; },
       "bad.json: $.sections[1].items[0].kind: must be 'points' or 'pass_fail'"},
      {"item id with spaces", [](Json& d) { d["sections"][1]["items"][0]["id"] = "a 1"; },
       "bad.json: $.sections[1].items[0].id: must be lower-case letters, digits, '.', '_' or '-' "
       "(at most 40)"},
      {"sections not an array", [](Json& d) { d["sections"] = Json::object(); },
       "bad.json: $.sections: expected an array"},
      {"no grades", [](Json& d) { d["grades"] = Json::array(); },
       "bad.json: $.grades: must not be empty"},
      {"review interval longer than validity", [](Json& d) { d["review_interval_months"] = 48; },
       "bad.json: $.review_interval_months: must not exceed validity_months"},
      {"critical limit without critical items",
       [](Json& d) {
         d["sections"][0]["items"][2]["critical"] = false;
         d["sections"][0]["items"][3]["critical"] = false;
       },
       "bad.json: $.max_critical_failures: set, but no item is critical"},
      {"unknown exit finding", [](Json& d) { d["exit_rules"]["rules"][0]["finding"] = "rudeness"; },
       "bad.json: $.exit_rules.rules[0].finding: unknown finding 'rudeness'"},
      {"complaint rule without a count",
       [](Json& d) { d["exit_rules"]["rules"][1].erase("count"); },
       "bad.json: $.exit_rules.rules[1].count: required field is missing"},
      {"count on a rule that takes none", [](Json& d) { d["exit_rules"]["rules"][0]["count"] = 2; },
       "bad.json: $.exit_rules.rules[0].count: only upheld_complaints takes this field"},
      {"missing validity", [](Json& d) { d.erase("validity_months"); },
       "bad.json: $.validity_months: required field is missing"},
      {"unknown direction", [](Json& d) { d["direction"] = "down"; },
       "bad.json: $.direction: must be 'higher_is_better' or 'lower_is_better'"},
      {"values with a step",
       [](Json& d) {
         d["sections"][1]["items"][0].erase("max");
         d["sections"][1]["items"][0]["values"] = {0, 5, 10};
         d["sections"][1]["items"][0]["step"] = 5;
       },
       "bad.json: $.sections[1].items[0].step: not taken with values (the largest value is the "
       "maximum)"},
      {"values not rising",
       [](Json& d) {
         d["sections"][1]["items"][0].erase("max");
         d["sections"][1]["items"][0]["values"] = {0, 5, 5};
       },
       "bad.json: $.sections[1].items[0].values[2]: values must rise strictly"},
      {"pass_max on a merit item", [](Json& d) { d["sections"][2]["items"][0]["pass_max"] = 3; },
       "bad.json: $.sections[2].items[0].pass_max: a higher_is_better item fails below pass_min"},
      {"shares in a penalty standard",
       [](Json& d) {
         d["direction"] = "lower_is_better";
         d["sections"][2]["items"][0].erase("pass_min");
         d["grades"][0].erase("required_items");
       },
       "bad.json: $.grades[0].min_total_share: a lower_is_better standard has no shares: use "
       "max_total_points or max_section_points"},
      {"a minimum in a penalty standard",
       [](Json& d) {
         d["direction"] = "lower_is_better";
         d["grades"][2]["min_total_points"] = 3;
       },
       "bad.json: $.grades[2].min_total_points: the standard is lower_is_better: use "
       "max_total_points"},
      {"item cap no allowed score meets",
       [](Json& d) {
         d["grades"][0]["min_item_points"] = {{"a.1", 11}};
       },
       "bad.json: $.grades[0].min_item_points.a.1: no allowed score of item 'a.1' meets it"},
      {"item cap in the wrong direction",
       [](Json& d) {
         d["grades"][0]["max_item_points"] = {{"a.1", 5}};
       },
       "bad.json: $.grades[0].max_item_points.a.1: item 'a.1' is higher_is_better: limit it with "
       "min_item_points"},
      {"section points above the section maximum",
       [](Json& d) {
         d["grades"][0]["min_section_points"] = {{"b", 25}};
       },
       "bad.json: $.grades[0].min_section_points.b: must be greater than 0 and at most the "
       "maximum (20)"},
      {"section points naming no section",
       [](Json& d) {
         d["grades"][0]["min_section_points"] = {{"zz", 5}};
       },
       "bad.json: $.grades[0].min_section_points.zz: names no section"},
      {"points threshold over N/A items without a policy",
       [](Json& d) {
         d["grades"][0]["min_section_points"] = {{"a", 16}};
       },
       "bad.json: $.grades[0]: a points threshold covers items that may be N/A: set the "
       "standard's na_point_thresholds to 'fixed' or 'scale' to say how N/A counts"},
      {"unknown N/A policy", [](Json& d) { d["na_point_thresholds"] = "ignore"; },
       "bad.json: $.na_point_thresholds: must be 'fixed' or 'scale'"},
      {"a grade above the lowest without thresholds",
       [](Json& d) {
         d["grades"][1].erase("min_total_share");
         d["grades"][1].erase("min_section_share");
       },
       "bad.json: $.grades[1]: has no threshold: only the lowest grade may have none"},
      {"section points stricter than the better grade's",
       [](Json& d) {
         d["grades"][0]["min_section_points"] = {{"b", 10}};
         d["grades"][1]["min_section_points"] = {{"b", 12}};
       },
       "bad.json: $.grades[1].min_section_points.b: thresholds out of order: stricter than the "
       "better grade 'gold'"},
      {"item cap on a lower grade only",
       [](Json& d) {
         d["grades"][2]["min_item_points"] = {{"b.1", 10}};
       },
       "bad.json: $.grades[2].min_item_points.b.1: thresholds out of order: stricter than the "
       "better grade 'silver'"},
      {"fewer critical failures allowed than the better grade",
       [](Json& d) {
         d["grades"][0]["max_critical_failures"] = 1;
         d["grades"][1]["max_critical_failures"] = 0;
       },
       "bad.json: $.grades[1].max_critical_failures: thresholds out of order: allows fewer than "
       "the better grade 'gold'"},
      {"conformity out of order",
       [](Json& d) {
         d["grades"][0]["min_conformity"] = 0.8;
         d["grades"][1]["min_conformity"] = 0.9;
       },
       "bad.json: $.grades[1].min_conformity: thresholds out of order: higher than the better "
       "grade 'gold'"},
      {"exempting a grade the item is mandatory for",
       [](Json& d) { d["sections"][0]["items"][0]["not_mandatory_for"] = {"gold"}; },
       "bad.json: $.sections[0].items[0].not_mandatory_for: grade 'gold' is also in "
       "mandatory_for"},
      {"exempting a grade below the mandatory ones",
       [](Json& d) { d["sections"][0]["items"][1]["not_mandatory_for"] = {"silver"}; },
       "bad.json: $.sections[0].items[1].not_mandatory_for: only a grade better than one the item "
       "is mandatory for can be exempt"},
      {"required item without a pass mark",
       [](Json& d) { d["grades"][1]["required_items"] = {"a.1"}; },
       "bad.json: $.grades[1].required_items: item 'a.1' is required but has no pass_min or "
       "pass_max"},
  };
  for (const auto& c : cases) {
    DYNAMIC_SECTION(c.name) {
      Json doc = tisheng::test::miniStandardJson();
      c.mutate(doc);
      auto problems = problemsOf(doc.dump());
      CAPTURE(problems);
      CHECK(std::find(problems.begin(), problems.end(), c.expected) != problems.end());
    }
  }
}

TEST_CASE("Invalid JSON is reported with its position", "[unit]") {
  CHECK(problemsOf("{\"id\": \"x\",") ==
        std::vector<std::string>{"bad.json: $: malformed JSON at byte 12"});
  CHECK(problemsOf("[]") == std::vector<std::string>{"bad.json: $: expected an object"});
}

TEST_CASE("A standard with a huge number or a duplicate key is a problem at its path", "[unit]") {
  CHECK(problemsOf(R"({"id": "x", "validity_months": 1e400})") ==
        std::vector<std::string>{"bad.json: $.validity_months: number out of range"});
  CHECK(problemsOf(R"({"id": "x", "id": "y"})") ==
        std::vector<std::string>{"bad.json: $.id: duplicate key"});
  auto deep = problemsOf(std::string(100000, '['));
  REQUIRE(deep.size() == 1);
  CHECK(deep[0].ends_with("[0][0]: nested deeper than 64 levels"));
}

TEST_CASE("Every problem in a document is reported at once", "[unit]") {
  Json doc = tisheng::test::miniStandardJson();
  doc["version"] = -3;
  doc["category"] = 7;
  doc["grades"][0]["min_total_share"] = 2;
  auto problems = problemsOf(doc.dump());
  CHECK(problems.size() == 3);
}

TEST_CASE("A better grade must require what a lower grade requires", "[unit]") {
  Json doc = tisheng::test::miniStandardJson();
  doc["grades"][0]["required_items"] = Json::array();
  doc["grades"][1]["required_items"] = {"b.1"};
  CHECK(problemsOf(doc.dump()) ==
        std::vector<std::string>{"bad.json: $.grades[0].required_items: must include 'b.1', "
                                 "required by the lower grade 'silver' (or name 'gold' in the "
                                 "item's not_mandatory_for)"});
}

TEST_CASE("The example in the format documentation is a valid standard", "[unit]") {
  std::ifstream in(std::string(TISHENG_SOURCE_DIR) + "/rating-rules/README.md");
  std::stringstream text;
  text << in.rdbuf();
  std::string doc = text.str();
  auto start = doc.find("```json", doc.find("### Example"));
  REQUIRE(start != std::string::npos);
  start += 7;
  auto example = doc.substr(start, doc.find("```", start) - start);
  auto standard = tisheng::rules::parseStandard(example, "README.md");
  CHECK(standard.id == "teahouse");
  CHECK(standard.findItem("t.local")->passLimit == 5);
}
