// The reports as the offices fetch them: JSON and CSV that agree, county scope, targets and
// the ranking they make, clear errors; and the quality figures from known score sheets.

#include <catch2/catch.hpp>
#include <sstream>

#include "certificates/CivilDate.h"
#include "rules/Evaluator.h"
#include "support/ProgrammeHistory.h"
#include "support/Registry.h"
#include "support/Workflow.h"

using tisheng::security::Role;
using tisheng::test::ProgrammeHistory;
using tisheng::test::TestServer;
namespace domain = tisheng::domain;
namespace rules = tisheng::rules;

namespace {

tisheng::test::Reply putJson(TestServer& server, const std::string& target,
                             const nlohmann::ordered_json& body,
                             std::map<std::string, std::string> headers) {
  headers["Content-Type"] = "application/json";
  return server.client().send("PUT", target, body.dump(), headers);
}

struct Offices {
  TestServer server;
  ProgrammeHistory history{server.app().storage(), server.app().standards(),
                           server.app().config().programme.calendar, 5};
  std::map<std::string, std::string> city, luonan, inspector;

  Offices() {
    history.addCounty("shangzhou", "商州区", "Shangzhou District");
    history.addCounty("luonan", "洛南县", "Luonan County");
    history.addCounty("zhashui", "柞水县", "Zhashui County");
    history.generate(90, ProgrammeHistory::day("2025-01-01"), ProgrammeHistory::day("2026-11-20"),
                     {"shangzhou", "luonan"});
    city = tisheng::test::loginAs(server, Role::CityAdmin, "city");
    luonan = tisheng::test::loginAs(server, Role::CountyAdmin, "luonan.office", "luonan");
    inspector = tisheng::test::loginAs(server, Role::Inspector, "insp", "luonan");
  }
};

/// The CSV's lines as family|measure|county|category|grade|kind → value.
std::map<std::string, std::string> csvFigures(const std::string& body) {
  std::map<std::string, std::string> out;
  std::istringstream lines(body.substr(3));  // after the BOM
  std::string line;
  std::getline(lines, line);
  CHECK(line == "family,measure,county,category,grade,kind,value\r");
  while (std::getline(lines, line)) {
    line.pop_back();  // \r
    auto last = line.rfind(',');
    out[line.substr(0, last)] = line.substr(last + 1);
  }
  return out;
}

}  // namespace

TEST_CASE("Reports come as JSON and as CSV with the same figures", "[http][reports]") {
  Offices o;
  auto json = o.server.client().get("/api/v1/reports?period=2026-Q2", o.city);
  REQUIRE(json.status == 200);
  auto report = json.json();
  CHECK(report["period"]["title"]["zh"] == "2026年第二季度");
  CHECK(report["period"]["previous"] == "2026-Q1");
  CHECK(report["period"]["year_earlier"] == "2025-Q2");
  CHECK(report["county"].is_null());
  CHECK(report["counties"].size() == 3);

  auto csv = o.server.client().get("/api/v1/reports?period=2026-Q2&format=csv", o.city);
  REQUIRE(csv.status == 200);
  CHECK(csv.header("Content-Type").starts_with("text/csv"));
  CHECK(csv.header("Content-Disposition").find("tisheng-report-2026-Q2.csv") != std::string::npos);
  auto figures = csvFigures(csv.body);
  int certified = 0;
  for (const auto& row : report["certified"]["rows"]) {
    std::string key = "certified,count," + row["county"].get<std::string>() + "," +
                      row["category"].get<std::string>() + "," + row["grade"].get<std::string>() +
                      ",";
    CHECK(figures.at(key) == std::to_string(row["count"].get<int>()));
    certified += std::stoi(figures.at(key));
  }
  CHECK(certified == report["certified"]["total"].get<int>());
  CHECK(certified > 0);
  for (const auto& row : report["flows"]["rows"])
    CHECK(figures.at("flows,newly_certified," + row["county"].get<std::string>() + "," +
                     row["category"].get<std::string>() + ",,") ==
          std::to_string(row["newly_certified"].get<int>()));
  CHECK(figures.at("complaints,received,,,,") ==
        std::to_string(report["complaints"]["received"].get<int>()));
  CHECK(figures.at("supervision,due,,,,review") ==
        std::to_string(report["supervision"]["by_kind"][1]["due"].get<int>()));
}

TEST_CASE("A county office sees its own county's report and no other", "[http][reports]") {
  Offices o;
  auto own = o.server.client().get("/api/v1/reports?period=2026-Q2", o.luonan);
  REQUIRE(own.status == 200);
  auto report = own.json();
  CHECK(report["county"] == "luonan");
  REQUIRE(report["counties"].size() == 1);
  for (const auto& row : report["certified"]["rows"]) CHECK(row["county"] == "luonan");
  for (const auto& row : report["flows"]["rows"]) CHECK(row["county"] == "luonan");
  for (const auto& row : report["removals"]) CHECK(row["county"] == "luonan");
  auto asked = o.server.client().get("/api/v1/reports?period=2026-Q2&county=luonan", o.city);
  CHECK(asked.json()["certified"] == report["certified"]);

  CHECK(o.server.client().get("/api/v1/reports?period=2026-Q2&county=shangzhou", o.luonan).status ==
        403);
  CHECK(o.server.client().get("/api/v1/reports?period=2026-Q2", o.inspector).status == 403);
  CHECK(o.server.client().get("/api/v1/reports?period=2026-Q2").status == 401);
}

TEST_CASE("A report that cannot be made says which field is wrong", "[http][reports]") {
  Offices o;
  auto client = o.server.client();
  for (const char* bad : {"", "2026-13", "2026-Q5", "26", "2026-11-20..2026-10-01"}) {
    auto reply = client.get(std::string("/api/v1/reports?period=") + bad, o.city);
    CAPTURE(bad);
    CHECK(reply.status == 400);
    CHECK(reply.errorFields() == std::vector<std::string>{"period"});
  }
  auto county = client.get("/api/v1/reports?period=2026&county=nowhere", o.city);
  CHECK(county.status == 400);
  CHECK(county.errorFields() == std::vector<std::string>{"county"});
  auto format = client.get("/api/v1/reports?period=2026&format=xml", o.city);
  CHECK(format.status == 400);
  CHECK(format.errorFields() == std::vector<std::string>{"format"});
}

TEST_CASE("Targets set by the city office make the progress and the county ranking",
          "[http][reports]") {
  Offices o;
  auto client = o.server.client();
  auto set = putJson(o.server, "/api/v1/targets/2026",
                     {{"targets",
                       {{{"county", "shangzhou"}, {"category", "homestay"}, {"target", 4}},
                        {{"county", "luonan"}, {"category", "homestay"}, {"target", 400}},
                        {{"county", "zhashui"}, {"category", "product"}, {"target", 5}}}}},
                     o.city);
  REQUIRE(set.status == 200);
  CHECK(set.json()["targets"].size() == 3);
  CHECK(putJson(o.server, "/api/v1/targets/2026",
                {{"targets", {{{"county", "luonan"}, {"category", "homestay"}, {"target", 1}}}}},
                o.luonan)
            .status == 403);
  auto bad =
      putJson(o.server, "/api/v1/targets/2026",
              {{"targets",
                {{{"county", "nowhere"}, {"category", "inn"}, {"target", -1}, {"colour", "red"}}}}},
              o.city);
  CHECK(bad.status == 400);
  CHECK(bad.errorFields() == std::vector<std::string>{"targets[0].category", "targets[0].colour"});
  auto unknown = putJson(
      o.server, "/api/v1/targets/2026",
      {{"targets", {{{"county", "nowhere"}, {"category", "product"}, {"target", -1}}}}}, o.city);
  CHECK(unknown.errorFields() ==
        std::vector<std::string>{"targets[0].county", "targets[0].target"});
  // A county office reads its own county's targets only.
  auto own = client.get("/api/v1/targets/2026", o.luonan).json();
  REQUIRE(own["targets"].size() == 1);
  CHECK(own["targets"][0]["county"] == "luonan");

  auto report = client.get("/api/v1/reports?period=2026-Q3", o.city).json();
  std::map<std::string, int> homestays;
  for (const auto& row : report["certified"]["rows"])
    if (row["category"] == "homestay") homestays[row["county"]] += row["count"].get<int>();
  for (const auto& target : report["targets"])
    if (target["category"] == "homestay") CHECK(target["certified"] == homestays[target["county"]]);
  const auto& ranking = report["ranking"];
  REQUIRE(ranking.size() == 3);
  // shangzhou reached far more of its target than luonan; zhashui has no places: last with a
  // target, ahead of nobody.
  CHECK(ranking[0]["county"] == "shangzhou");
  CHECK(ranking[0]["rank"] == 1);
  CHECK(ranking[1]["county"] == "luonan");
  CHECK(ranking[2]["county"] == "zhashui");
  CHECK(ranking[2]["progress"] == 0);
  CHECK(ranking[0]["progress"].get<double>() > ranking[1]["progress"].get<double>());
}

TEST_CASE("Quality: average share per section and the items failed most often", "[http][reports]") {
  TestServer server;
  auto& storage = server.app().storage();
  auto standard = server.app().standards().latest("homestay");
  std::int64_t entry =
      tisheng::test::addEntry(server, rules::Category::Homestay, "评分民宿", "Scored Inn");
  // Three sheets: item A failed twice, item B once, at different shares.
  std::vector<std::string> passFail;
  for (const auto& section : standard->sections)
    for (const auto& item : section.items)
      if (item.kind == rules::ItemKind::PassFail) passFail.push_back(item.id);
  REQUIRE(passFail.size() >= 2);
  std::vector<std::pair<double, std::vector<std::string>>> sheets{
      {0.9, {passFail[0]}}, {0.7, {passFail[0], passFail[1]}}, {0.8, {}}};
  std::map<std::string, std::vector<double>> shares;
  std::int64_t now = server.clock().now();
  for (const auto& [share, failing] : sheets) {
    auto scores = tisheng::test::scoresAt(rules::Category::Homestay, share);
    for (const auto& id : failing) scores[id] = "fail";
    auto result = rules::evaluate(*standard, rules::scoreSheetFromJson(scores));
    for (const auto& section : result.sections)
      if (section.share) shares[section.sectionId].push_back(*section.share);
    storage.workflow().write([&](tisheng::storage::WorkflowStore& store) {
      domain::Inspection i;
      i.entryId = entry;
      i.kind = domain::InspectionKind::Initial;
      i.standardId = standard->id;
      i.standardVersion = standard->version;
      i.scheduledOn = tisheng::certificates::dayOf(now);
      i.id = store.inspections().addInspection(i, {"office", now});
      i.scores = scores;
      store.inspections().updateDraft(i, {"inspector", now});
      i.status = domain::InspectionStatus::Submitted;
      store.inspections().recordSubmission(i, {"inspector", now});
    });
  }
  auto period = *domain::Period::parse("2026-11");
  auto report = server.app().reports().report(period, std::nullopt);
  REQUIRE(report.mostFailed.size() == 2);
  CHECK(report.mostFailed[0].itemId == passFail[0]);
  CHECK(report.mostFailed[0].failed == 2);
  CHECK(report.mostFailed[0].inspections == 3);
  CHECK_FALSE(report.mostFailed[0].title.zh.empty());
  CHECK(report.mostFailed[1].itemId == passFail[1]);
  CHECK(report.mostFailed[1].failed == 1);
  REQUIRE(report.sections.size() == shares.size());
  for (const auto& section : report.sections) {
    CAPTURE(section.sectionId);
    const auto& values = shares.at(section.sectionId);
    CHECK(section.inspections == 3);
    CHECK(section.averageShare == Approx((values[0] + values[1] + values[2]) / 3).epsilon(1e-9));
  }
  // A month before any of it: nothing measured.
  auto before = server.app().reports().report(*domain::Period::parse("2026-10"), std::nullopt);
  CHECK(before.sections.empty());
  CHECK(before.mostFailed.empty());
}
