// Decisions against a place and what undoes them: removals with their dates and bars, appeals
// heard by another admin within the window.

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

TEST_CASE("A refusal is appealed and heard by another admin", "[http][workflow]") {
  TestServer server;
  auto entry = tisheng::test::addEntry(server, Category::Homestay, "河畔小院");
  Actors actors = tisheng::test::makeActors(server, entry);
  auto inspection = openInspection(server, actors.county, "initial", entry);
  CHECK(scoreAndSubmit(server, actors, inspection, Category::Homestay, 0.2).is_null());

  Json refused = decide(server, actors.county, inspection, {{"decision", "confirm"}});
  CHECK(refused["result"] == "refused");
  CHECK(refused["decision"]["kind"] == "refusal");
  CHECK(refused["decision"]["reason"] == "no_grade");
  CHECK(refused["decision"]["appeal_until"] == isoDate(today(server) + 21));
  std::string decision = std::to_string(refused["decision"]["id"].get<int>());

  CHECK(postJson(server, "/api/v1/decisions/" + decision + "/appeals", {{"grounds", "理由"}},
                 actors.other)
            .status == 403);
  auto appealed = postJson(server, "/api/v1/decisions/" + decision + "/appeals",
                           {{"grounds", "评定当天停电，卫生间评分不公"}}, actors.owner);
  REQUIRE(appealed.status == 201);
  CHECK(postJson(server, "/api/v1/decisions/" + decision + "/appeals", {{"grounds", "again"}},
                 actors.owner)
            .status == 409);
  std::string appeal = std::to_string(appealed.json()["appeal"]["id"].get<int>());

  // The admin who decided may not hear the appeal; another admin grants it.
  std::string before = databaseDump(server);
  auto self = postJson(server, "/api/v1/appeals/" + appeal + "/decision",
                       {{"decision", "granted"}, {"resolution", "同意"}}, actors.county);
  CHECK(self.status == 403);
  CHECK(databaseDump(server) == before);
  auto granted =
      postJson(server, "/api/v1/appeals/" + appeal + "/decision",
               {{"decision", "granted"}, {"resolution", "同意重新评定"}}, actors.county2);
  REQUIRE(granted.status == 200);
  CHECK(granted.json()["appeal"]["status"] == "granted");
  CHECK(postJson(server, "/api/v1/appeals/" + appeal + "/decision",
                 {{"decision", "rejected"}, {"resolution", "x"}}, actors.city)
            .status == 409);

  // A new initial inspection is open, and the decision is lifted.
  Json history = record(server, actors.owner, entry);
  REQUIRE(history["inspections"].size() == 2);
  CHECK(history["inspections"][1]["kind"] == "initial");
  CHECK(history["inspections"][1]["status"] == "scheduled");
  CHECK(history["decisions"][0]["state"] == "lifted");
  CHECK(history["decisions"][0]["appeal"]["status"] == "granted");
}

TEST_CASE("Appeals close after the configured window", "[http][workflow]") {
  TestServer server;
  auto entry = tisheng::test::addEntry(server, Category::Homestay, "河畔小院");
  Actors actors = tisheng::test::makeActors(server, entry);
  auto inspection = openInspection(server, actors.county, "initial", entry);
  scoreAndSubmit(server, actors, inspection, Category::Homestay, 1.0);
  Json refused = decide(server, actors.county, inspection,
                        {{"decision", "refuse"}, {"reason", "申报材料与现场不符"}});
  CHECK(refused["result"] == "refused");
  CHECK(refused["decision"]["reason"] == "result_refused");
  server.clock().advanceDays(22);
  tisheng::test::renewSessions(server, actors);
  auto late = postJson(
      server,
      "/api/v1/decisions/" + std::to_string(refused["decision"]["id"].get<int>()) + "/appeals",
      {{"grounds", "迟到的申诉"}}, actors.owner);
  CHECK(late.status == 409);
}

TEST_CASE("Removal takes effect on its date and withdrawal does not bar re-application",
          "[http][workflow]") {
  TestServer server;
  auto entry = tisheng::test::addEntry(server, Category::Restaurant, "丹凤葡萄酒庄餐厅");
  Actors actors = tisheng::test::makeActors(server, entry);
  auto certificate = tisheng::test::issue(server, entry, Category::Restaurant, "a");
  std::string target = "/api/v1/certificates/" + certificate.serial + "/revocation";

  std::string before = databaseDump(server);
  auto bad = postJson(server, target, {{"reason", "bored"}, {"effective_on", "2026-13-01"}},
                      actors.county);
  CHECK(bad.status == 400);
  CHECK(bad.errorFields() == std::vector<std::string>{"effective_on"});
  CHECK(postJson(server, target, {{"reason", "bored"}}, actors.county).errorFields() ==
        std::vector<std::string>{"reason"});
  CHECK(postJson(server, target, {{"reason", "withdrawal"}}, actors.owner).status == 403);
  CHECK(databaseDump(server) == before);

  auto pending = postJson(server, target,
                          {{"reason", "withdrawal"},
                           {"note", "经营者申请退出"},
                           {"effective_on", isoDate(today(server) + 5)}},
                          actors.county);
  REQUIRE(pending.status == 201);
  CHECK(pending.json()["decision"]["state"] == "pending");
  CHECK(pending.json()["decision"]["bar_until"].is_null());
  CHECK(postJson(server, target, {{"reason", "fraud"}}, actors.county).status == 409);
  CHECK(verifiedStatus(server, certificate.token) == "active");
  CHECK(tick(server).revocationsApplied == 0);

  server.clock().advanceDays(5);
  tisheng::test::renewSessions(server, actors);
  CHECK(tick(server).revocationsApplied == 1);
  CHECK(verifiedStatus(server, certificate.token) == "revoked");
  CHECK(server.client().get("/api/v1/public/directory").json()["certified"].empty());
  CHECK(postJson(server, "/api/v1/inspections", {{"kind", "initial"}, {"entry_id", entry}},
                 actors.owner)
            .status == 201);
}

TEST_CASE("Granted appeals undo a suspension and a removal but a revoked certificate stays revoked",
          "[http][workflow]") {
  TestServer server;
  auto entry = tisheng::test::addEntry(server, Category::Product, "柞水木耳");
  Actors actors = tisheng::test::makeActors(server, entry);
  auto certificate = tisheng::test::issue(server, entry, Category::Product, "first");
  std::string serial = certificate.serial;
  auto suspended = postJson(server, "/api/v1/certificates/" + serial + "/rectifications",
                            {{"findings", "承诺达标合格证信息不全"},
                             {"deadline", isoDate(today(server) + 15)},
                             {"suspend", true}},
                            actors.county);
  REQUIRE(suspended.status == 201);
  CHECK(verifiedStatus(server, certificate.token) == "suspended");
  auto decisionOf = [&](const std::string& kind) {
    Json decisions = record(server, actors.county, entry)["decisions"];
    for (const auto& d : decisions)
      if (d["kind"] == kind) return std::to_string(d["id"].get<int>());
    FAIL("no " + kind + " decision in " + decisions.dump());
    return std::string();
  };
  auto hear = [&](const std::string& decision) {
    auto appealed = postJson(server, "/api/v1/decisions/" + decision + "/appeals",
                             {{"grounds", "合格证已补齐，附照片"}}, actors.owner);
    REQUIRE(appealed.status == 201);
    return postJson(server,
                    "/api/v1/appeals/" +
                        std::to_string(appealed.json()["appeal"]["id"].get<int>()) + "/decision",
                    {{"decision", "granted"}, {"resolution", "证据充分"}}, actors.city);
  };
  CHECK(hear(decisionOf("suspension")).status == 200);
  CHECK(verifiedStatus(server, certificate.token) == "active");
  CHECK(record(server, actors.owner, entry)["rectifications"][0]["status"] == "withdrawn");

  // Reinstating a revoked certificate is refused; a granted appeal issues a new one instead.
  REQUIRE(postJson(server, "/api/v1/certificates/" + serial + "/revocation",
                   {{"reason", "fraud"}, {"note", "检测报告系伪造"}}, actors.county)
              .status == 201);
  CHECK(postJson(server, "/api/v1/inspections", {{"kind", "reinspection"}, {"entry_id", entry}},
                 actors.county)
            .status == 409);
  CHECK(hear(decisionOf("revocation")).status == 200);
  CHECK(verifiedStatus(server, certificate.token) == "revoked");
  Json history = record(server, actors.owner, entry);
  REQUIRE(history["certificates"].size() == 2);
  CHECK(history["certificates"][1]["status"] == "active");
  CHECK(history["certificates"][1]["valid_until"] == isoDate(certificate.validUntil));
  CHECK(history["decisions"].back()["state"] == "lifted");
  CHECK(history["decisions"].back()["bar_until"].is_null());
}
