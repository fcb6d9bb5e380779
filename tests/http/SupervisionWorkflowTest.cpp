// Supervision of certified places: reviews that renew or re-grade, spot checks, complaints,
// rectifications that reinstate or revoke.

#include <catch2/catch.hpp>

#include "certificates/CivilDate.h"
#include "support/WorkflowSteps.h"

using tisheng::certificates::isoDate;
using tisheng::rules::Category;
using tisheng::test::Actors;
using tisheng::test::databaseDump;
using tisheng::test::postJson;
using tisheng::test::TestServer;
using tisheng::test::tick;
using Json = nlohmann::ordered_json;
using tisheng::test::decide;
using tisheng::test::openInspection;
using tisheng::test::record;
using tisheng::test::scoreAndSubmit;
using tisheng::test::today;
using tisheng::test::verifiedStatus;

TEST_CASE(
    "Supervision re-grades: a review renews or downgrades, a failed spot check suspends, "
    "a reinspection reinstates, a missed deadline revokes and bars re-application",
    "[http][workflow]") {
  TestServer server;
  auto entry = tisheng::test::addEntry(server, Category::Homestay, "柞水溶洞人家");
  Actors actors = tisheng::test::makeActors(server, entry);
  auto original = tisheng::test::issue(server, entry, Category::Homestay, "jia");

  // A review at a lower level downgrades: a new certificate, the old one superseded.
  auto review = openInspection(server, actors.county, "review", entry);
  CHECK(scoreAndSubmit(server, actors, review, Category::Homestay, 0.7) == "yi");
  Json downgraded = decide(server, actors.county, review, {{"decision", "confirm"}});
  CHECK(downgraded["result"] == "downgraded");
  CHECK(downgraded["decision"]["kind"] == "downgrade");
  CHECK(downgraded["decision"]["previous_grade"] == "jia");
  CHECK(downgraded["certificate"]["grade"] == "yi");
  CHECK(verifiedStatus(server, original.token) == "superseded");

  // A spot check with no grade suspends the certificate under a rectification deadline.
  auto spot = openInspection(server, actors.city, "spot_check", entry);
  CHECK(server.client().get("/api/v1/inspections/" + std::to_string(spot), actors.owner).status ==
        403);  // unannounced
  CHECK(scoreAndSubmit(server, actors, spot, Category::Homestay, 0.2).is_null());
  Json suspended = decide(server, actors.county, spot,
                          {{"decision", "confirm"},
                           {"findings", "客房卫生不达标，布草未按规定更换"},
                           {"deadline", isoDate(today(server) + 20)}});
  CHECK(suspended["result"] == "suspended");
  CHECK(suspended["rectification"]["deadline"] == isoDate(today(server) + 20));
  Json history = record(server, actors.owner, entry);
  auto current = history["certificates"][1];
  CHECK(current["status"] == "suspended");
  auto token =
      server.app().registry().certificateBySerial(current["serial"].get<std::string>())->token;
  CHECK(verifiedStatus(server, token) == "suspended");

  // The owner sees what to fix and by when; a passed reinspection reinstates.
  CHECK(history["rectifications"][0]["findings"] == "客房卫生不达标，布草未按规定更换");
  auto reinspection = openInspection(server, actors.county, "reinspection", entry);
  CHECK(scoreAndSubmit(server, actors, reinspection, Category::Homestay, 0.7) == "yi");
  CHECK(decide(server, actors.county, reinspection, {{"decision", "confirm"}})["result"] ==
        "reinstated");
  CHECK(verifiedStatus(server, token) == "active");
  CHECK(record(server, actors.owner, entry)["rectifications"][0]["status"] == "passed");

  // Reinstating is not possible once revoked; a missed deadline revokes (scheduler).
  std::string serial = current["serial"];
  auto ordered = postJson(server, "/api/v1/certificates/" + serial + "/rectifications",
                          {{"findings", "消防通道堆放杂物"},
                           {"deadline", isoDate(today(server) + 10)},
                           {"suspend", false}},
                          actors.county);
  REQUIRE(ordered.status == 201);
  CHECK(postJson(server, "/api/v1/certificates/" + serial + "/rectifications",
                 {{"findings", "again"}, {"deadline", isoDate(today(server) + 10)}}, actors.county)
            .status == 409);
  server.clock().advanceDays(11);
  tisheng::test::renewSessions(server, actors);
  auto report = tick(server);
  CHECK(report.rectificationsMissed == 1);
  CHECK(verifiedStatus(server, token) == "revoked");
  history = record(server, actors.owner, entry);
  auto removal = history["decisions"].back();
  CHECK(removal["kind"] == "revocation");
  CHECK(removal["reason"] == "missed_rectification");
  CHECK(removal["decided_by"] == "system");
  CHECK(removal["bar_until"] == isoDate(tisheng::certificates::addMonths(today(server), 36)));

  std::string before = databaseDump(server);
  CHECK(postJson(server, "/api/v1/certificates/" + serial + "/revocation", {{"reason", "fraud"}},
                 actors.county)
            .status == 409);
  CHECK(postJson(server, "/api/v1/certificates/" + serial + "/rectifications",
                 {{"findings", "x"}, {"deadline", isoDate(today(server) + 5)}, {"suspend", true}},
                 actors.county)
            .status == 409);
  CHECK(databaseDump(server) == before);
  auto barred = postJson(server, "/api/v1/inspections", {{"kind", "initial"}, {"entry_id", entry}},
                         actors.owner);
  CHECK(barred.status == 409);
  CHECK(barred.json()["error"]["detail"].get<std::string>().find("may apply again from") !=
        std::string::npos);
  // Nothing changed but one audit record for the reports: a re-application refused by the bar.
  auto db = server.app().database().acquire();
  auto recorded = db->prepare(
      "SELECT subject, after FROM audit_log WHERE id = (SELECT MAX(id) FROM audit_log)");
  REQUIRE(recorded.step());
  CHECK(recorded.text(0) == "entry:" + std::to_string(entry));
  CHECK(nlohmann::ordered_json::parse(recorded.text(1))["decision_id"] == removal["id"]);
  auto refused = db->prepare("SELECT COUNT(*) FROM audit_log WHERE action = 'application.barred'");
  refused.step();
  CHECK(refused.integer(0) == 1);
  auto period = tisheng::domain::Period::parse(isoDate(today(server)).substr(0, 7));
  CHECK(server.app().reports().report(*period, std::nullopt).totalFlows().barred == 1);
}

TEST_CASE("Reviews fall due from the review interval and renew while unrenewed certificates expire",
          "[http][workflow]") {
  TestServer server;
  auto renewed = tisheng::test::addEntry(server, Category::Homestay, "洛南音乐小镇民宿");
  auto lapsed = tisheng::test::addEntry(server, Category::Homestay, "镇安云上人家");
  Actors actors = tisheng::test::makeActors(server, renewed);
  auto first = tisheng::test::issue(server, renewed, Category::Homestay, "yi");
  auto other = tisheng::test::issue(server, lapsed, Category::Homestay, "bing");

  CHECK(tick(server).reviewsOpened == 0);
  server.clock().advanceDays(340);  // the 12-month review falls due within 30 days
  tisheng::test::renewSessions(server, actors);
  auto opened = tick(server);
  CHECK(opened.reviewsOpened == 2);
  CHECK(tick(server).reviewsOpened == 0);

  auto reviews =
      server.client()
          .get("/api/v1/inspections?entry_id=" + std::to_string(renewed) + "&status=scheduled",
               actors.county)
          .json()["inspections"];
  REQUIRE(reviews.size() == 1);
  CHECK(reviews[0]["kind"] == "review");
  auto review = reviews[0]["id"].get<std::int64_t>();
  server.client().send("PATCH", "/api/v1/inspections/" + std::to_string(review),
                       R"({"inspectors": ["insp"]})", actors.county);
  CHECK(scoreAndSubmit(server, actors, review, Category::Homestay, 0.7) == "yi");
  Json outcome = decide(server, actors.county, review, {{"decision", "confirm"}});
  CHECK(outcome["result"] == "renewed");
  CHECK(outcome["certificate"]["valid_until"] ==
        isoDate(tisheng::certificates::addMonths(today(server), 36) - 1));
  CHECK(verifiedStatus(server, first.token) == "superseded");

  // The other review is never done: overdue, and the certificate expires at its date.
  server.clock().advanceDays(60);
  tisheng::test::renewSessions(server, actors);
  CHECK(tick(server).inspectionsOverdue == 1);
  CHECK(server.client()
            .get("/api/v1/inspections?overdue=true", actors.county)
            .json()["inspections"]
            .size() == 1);
  server.clock().set(static_cast<std::int64_t>(other.validUntil + 1) * 86400 + 3600);
  tisheng::test::renewSessions(server, actors);
  auto expiring = tick(server);
  CHECK(expiring.certificatesExpired == 1);
  CHECK(server.app().registry().certificateBySerial(other.serial)->status ==
        tisheng::domain::CertificateStatus::Expired);
  CHECK(verifiedStatus(server, other.token) == "expired");
}

TEST_CASE(
    "Complaints are triaged: inspect opens a complaint inspection, upheld complaints "
    "suspend per the exit rules",
    "[http][workflow]") {
  TestServer server;
  auto entry = tisheng::test::addEntry(server, Category::Homestay, "商南茶园民宿");
  Actors actors = tisheng::test::makeActors(server, entry);
  auto certificate = tisheng::test::issue(server, entry, Category::Homestay, "jia");
  for (int i = 0; i < 5; ++i)
    REQUIRE(postJson(server, "/api/v1/public/complaints",
                     {{"serial", certificate.serial},
                      {"category", "hygiene"},
                      {"description", "床单有污渍，第 " + std::to_string(i + 1) + " 次"}},
                     {})
                .status == 201);
  auto listed = server.client().get("/api/v1/complaints?status=new", actors.county).json();
  REQUIRE(listed["complaints"].size() == 5);
  CHECK(server.client().get("/api/v1/complaints", actors.owner).status == 403);
  std::vector<std::string> ids;
  for (const auto& c : listed["complaints"]) ids.push_back(std::to_string(c["id"].get<int>()));
  auto triage = [&](const std::string& id, const Json& body) {
    return postJson(server, "/api/v1/complaints/" + id + "/triage", body, actors.county);
  };

  auto inspect = triage(ids[0], {{"decision", "inspect"}, {"inspectors", {"insp"}}});
  REQUIRE(inspect.status == 200);
  CHECK(inspect.json()["inspection"]["kind"] == "complaint");
  CHECK(inspect.json()["inspection"]["complaint_id"] == std::stoi(ids[0]));
  CHECK(inspect.json()["complaint"]["status"] == "inspect");
  CHECK(triage(ids[0], {{"decision", "dismissed"}}).status == 409);
  CHECK(triage(ids[1], {{"decision", "dismissed"}}).json()["complaint"]["status"] == "dismissed");

  // The homestay standard suspends after 3 upheld complaints within 12 months.
  CHECK(triage(ids[2], {{"decision", "upheld"}, {"note", "属实"}}).json().count("decision") == 0);
  CHECK(triage(ids[3], {{"decision", "upheld"}}).json().count("decision") == 0);
  CHECK(verifiedStatus(server, certificate.token) == "active");
  auto third = triage(ids[4], {{"decision", "upheld"}});
  REQUIRE(third.status == 200);
  CHECK(third.json()["decision"]["kind"] == "suspension");
  CHECK(verifiedStatus(server, certificate.token) == "suspended");
  auto history = record(server, actors.county, entry);
  CHECK(history["complaints"].size() == 5);
  CHECK(history["rectifications"][0]["status"] == "open");
  CHECK(record(server, actors.owner, entry)["complaints"].empty());
}

TEST_CASE("A better review result goes to public notice and then replaces the certificate",
          "[http][workflow]") {
  TestServer server;
  auto entry = tisheng::test::addEntry(server, Category::Restaurant, "秦岭菌菇宴");
  Actors actors = tisheng::test::makeActors(server, entry);
  auto original = tisheng::test::issue(server, entry, Category::Restaurant, "b");
  auto review = openInspection(server, actors.county, "review", entry);
  CHECK(scoreAndSubmit(server, actors, review, Category::Restaurant, 1.0) == "a");
  Json raised = decide(server, actors.county, review, {{"decision", "confirm"}});
  CHECK(raised["result"] == "raise_notice");
  CHECK(raised["notice"]["grade"] == "a");
  CHECK(verifiedStatus(server, original.token) == "active");  // until the notice ends

  server.clock().advanceDays(8);  // the notice runs through its 7th day
  tisheng::test::renewSessions(server, actors);
  CHECK(tick(server).noticesIssued == 1);
  CHECK(verifiedStatus(server, original.token) == "superseded");
  Json history = record(server, actors.owner, entry);
  REQUIRE(history["certificates"].size() == 2);
  CHECK(history["certificates"][1]["grade"] == "a");
  CHECK(history["certificates"][1]["status"] == "active");
}

TEST_CASE(
    "Supervision during a rectification: a failure suspends, a pass reinstates, and "
    "expiry ends open reviews",
    "[http][workflow]") {
  TestServer server;
  auto entry = tisheng::test::addEntry(server, Category::Homestay, "二龙山竹林小筑");
  Actors actors = tisheng::test::makeActors(server, entry);
  auto certificate = tisheng::test::issue(server, entry, Category::Homestay, "yi");
  REQUIRE(postJson(server, "/api/v1/certificates/" + certificate.serial + "/rectifications",
                   {{"findings", "公共区域照明不足"}, {"deadline", isoDate(today(server) + 30)}},
                   actors.county)
              .status == 201);
  CHECK(verifiedStatus(server, certificate.token) == "active");

  // A failed spot check now suspends under the open rectification; a bad deadline changes
  // nothing first.
  auto failing = openInspection(server, actors.county, "spot_check", entry);
  scoreAndSubmit(server, actors, failing, Category::Homestay, 0.2);
  std::string before = databaseDump(server);
  auto late = postJson(server, "/api/v1/inspections/" + std::to_string(failing) + "/decision",
                       {{"decision", "confirm"}, {"deadline", "2020-01-01"}}, actors.county);
  CHECK(late.status == 400);
  CHECK(late.errorFields() == std::vector<std::string>{"deadline"});
  CHECK(databaseDump(server) == before);
  Json failed = decide(server, actors.county, failing, {{"decision", "confirm"}});
  CHECK(failed["result"] == "suspended");
  CHECK(failed["decision"]["kind"] == "suspension");
  CHECK(verifiedStatus(server, certificate.token) == "suspended");

  // Any passed inspection shows the findings put right.
  auto passing = openInspection(server, actors.county, "spot_check", entry);
  scoreAndSubmit(server, actors, passing, Category::Homestay, 0.7);
  CHECK(decide(server, actors.county, passing, {{"decision", "confirm"}})["result"] ==
        "reinstated");
  CHECK(verifiedStatus(server, certificate.token) == "active");
  CHECK(record(server, actors.county, entry)["rectifications"][0]["status"] == "passed");

  // A review still open when the certificate expires is cancelled with it.
  auto review = openInspection(server, actors.county, "review", entry);
  server.clock().set(static_cast<std::int64_t>(certificate.validUntil + 1) * 86400);
  tisheng::test::renewSessions(server, actors);
  CHECK(tick(server).certificatesExpired == 1);
  auto cancelled = server.client()
                       .get("/api/v1/inspections/" + std::to_string(review), actors.county)
                       .json()["inspection"];
  CHECK(cancelled["status"] == "cancelled");
  CHECK(cancelled["decision_reason"] == "certificate expired");
}
