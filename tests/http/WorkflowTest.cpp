#include <catch2/catch.hpp>

#include "certificates/CivilDate.h"
#include "certificates/Crypto.h"
#include "certificates/QrCode.h"
#include "storage/AuditLog.h"
#include "support/TempDir.h"
#include "support/Tools.h"
#include "support/Workflow.h"

#include <set>

using tisheng::certificates::isoDate;
using tisheng::rules::Category;
using tisheng::test::Actors;
using tisheng::test::databaseDump;
using tisheng::test::postJson;
using tisheng::test::scoresAt;
using tisheng::test::TestServer;
using tisheng::test::tick;
using Json = nlohmann::ordered_json;

namespace {

int today(TestServer& server) { return tisheng::certificates::dayOf(server.clock().now()); }

/// Opens an inspection of kind as `by`, returning its id.
std::int64_t openInspection(TestServer& server, const tisheng::test::Headers& by,
                            const std::string& kind, std::int64_t entry) {
  auto reply =
      postJson(server, "/api/v1/inspections",
               {{"kind", kind}, {"entry_id", entry}, {"inspectors", Json::array({"insp"})}}, by);
  REQUIRE(reply.status == 201);
  return reply.json()["inspection"]["id"].get<std::int64_t>();
}

/// The assigned inspector scores the whole sheet at share and submits; returns the grade
/// reached (null when none).
Json scoreAndSubmit(TestServer& server, const Actors& actors, std::int64_t inspection,
                    Category category, double share) {
  std::string base = "/api/v1/inspections/" + std::to_string(inspection);
  auto saved =
      server.client().send("PUT", base + "/scores",
                           Json{{"scores", scoresAt(category, share)}}.dump(), actors.inspector);
  REQUIRE(saved.status == 200);
  auto submitted = server.client().post(base + "/submit", "", actors.inspector);
  REQUIRE(submitted.status == 200);
  return submitted.json()["inspection"]["grade"];
}

Json decide(TestServer& server, const tisheng::test::Headers& by, std::int64_t inspection,
            const Json& verdict) {
  auto reply = postJson(server, "/api/v1/inspections/" + std::to_string(inspection) + "/decision",
                        verdict, by);
  CAPTURE(reply.body);
  REQUIRE(reply.status == 200);
  return reply.json();
}

Json record(TestServer& server, const tisheng::test::Headers& by, std::int64_t entry) {
  auto reply = server.client().get("/api/v1/entries/" + std::to_string(entry) + "/record", by);
  REQUIRE(reply.status == 200);
  return reply.json();
}

std::string verifiedStatus(TestServer& server, const std::string& token) {
  return server.client().get("/api/v1/public/verify/" + token).json()["status"];
}

}  // namespace

TEST_CASE(
    "Application to plaque: scoring with evidence, confirmation, public notice with an "
    "objection, and issue by the scheduler",
    "[http][workflow]") {
  TestServer server;
  auto entry = tisheng::test::addEntry(server, Category::Homestay, "秦岭山居");
  Actors actors = tisheng::test::makeActors(server, entry);

  // The business applies; the office assigns an inspector and a date.
  auto applied = postJson(server, "/api/v1/inspections", {{"kind", "initial"}, {"entry_id", entry}},
                          actors.owner);
  REQUIRE(applied.status == 201);
  Json inspection = applied.json()["inspection"];
  CHECK(inspection["status"] == "scheduled");
  CHECK(inspection["standard"]["id"] == "homestay");
  CHECK(inspection["standard"]["version"] == 1);
  CHECK(inspection["scheduled_on"] == isoDate(today(server) + 14));
  std::string base = "/api/v1/inspections/" + std::to_string(inspection["id"].get<int>());
  CHECK(postJson(server, "/api/v1/inspections", {{"kind", "initial"}, {"entry_id", entry}},
                 actors.owner)
            .status == 409);
  CHECK(postJson(server, "/api/v1/inspections", {{"kind", "initial"}, {"entry_id", entry}},
                 actors.other)
            .status == 403);
  auto assigned = server.client().send(
      "PATCH", base,
      Json{{"inspectors", {"insp"}}, {"scheduled_on", isoDate(today(server) + 3)}}.dump(),
      actors.county);
  REQUIRE(assigned.status == 200);
  CHECK(assigned.json()["inspection"]["assignees"].size() == 1);
  CHECK(server.client().get("/api/v1/inspections", actors.inspector).json()["inspections"].size() ==
        1);

  // Partial saves, notes, and a photo as evidence.
  Json all = scoresAt(Category::Homestay, 1.0);
  Json half = Json::object();
  int n = 0;
  for (const auto& [item, score] : all.items())
    if (n++ % 2 == 0) half[item] = score;
  auto partial = server.client().send(
      "PUT", base + "/scores",
      Json{{"scores", half}, {"notes", {{"m.fire_safety", "灭火器在有效期内"}}}}.dump(),
      actors.inspector);
  CAPTURE(partial.body);
  REQUIRE(partial.status == 200);
  CHECK(partial.json()["inspection"]["scores"].size() == half.size());
  CHECK(partial.json()["inspection"]["notes"]["m.fire_safety"] == "灭火器在有效期内");
  CHECK(server.client().send("PUT", base + "/scores", R"({"scores": {}})", actors.owner).status ==
        403);

  std::string png = tisheng::certificates::QrCode::encode("evidence").toPng(4);
  auto uploaded =
      server.client().send("POST", base + "/evidence?item=m.fire_safety", png, actors.inspector);
  REQUIRE(uploaded.status == 201);
  Json evidence = uploaded.json()["evidence"];
  auto fetched = server.client().get(evidence["url"].get<std::string>(), actors.county);
  CHECK(fetched.status == 200);
  CHECK(evidence["sha256"] ==
        tisheng::certificates::hex(tisheng::certificates::sha256(fetched.body)));
  tisheng::test::TempDir dir;  // the stored photo is rebuilt from the upload's pixels
  CHECK(tisheng::test::decodeQr(tisheng::test::writeFile(dir.path() / "e.png", fetched.body)) ==
        "evidence");
  CHECK(server.client().get(evidence["url"].get<std::string>(), actors.other).status == 403);

  // Submitting an incomplete sheet names the missing items and changes nothing.
  std::string before = databaseDump(server);
  auto incomplete = server.client().post(base + "/submit", "", actors.inspector);
  CHECK(incomplete.status == 400);
  CHECK(incomplete.errorFields().size() == all.size() - half.size());
  CHECK(databaseDump(server) == before);

  // Submit freezes the sheet and records the engine's result with the standard's version.
  CHECK(scoreAndSubmit(server, actors, inspection["id"], Category::Homestay, 1.0) == "jia");
  auto frozen =
      server.client().send("PUT", base + "/scores", R"({"scores": {}})", actors.inspector);
  CHECK(frozen.status == 409);
  auto asOwner = server.client().get(base + "?lang=en", actors.owner).json();
  CHECK(asOwner["inspection"]["result"]["standard"]["version"] == 1);
  CHECK(asOwner["inspection"]["evaluation"]["grade"]["id"] == "jia");

  // Confirmation opens the public notice: listed as pending, open to objections.
  Json confirmed = decide(server, actors.county, inspection["id"], {{"decision", "confirm"}});
  CHECK(confirmed["result"] == "notice");
  auto noticeId = confirmed["notice"]["id"].get<std::int64_t>();
  CHECK(confirmed["notice"]["ends_on"] == isoDate(today(server) + 7));
  auto directory = server.client().get("/api/v1/public/directory").json();
  REQUIRE(directory["pending"].size() == 1);
  CHECK(directory["pending"][0]["name"]["zh"] == "秦岭山居");
  CHECK(directory["certified"].empty());
  auto objected =
      postJson(server, "/api/v1/public/notices/" + std::to_string(noticeId) + "/objections",
               {{"text", "该民宿实际客房数量与申报不符"}}, {});
  CHECK(objected.status == 201);

  // The notice ends, but an open objection holds the certificate back until it is resolved.
  server.clock().advanceDays(8);
  tisheng::test::renewSessions(server, actors);
  auto held = tick(server);
  CHECK(held.noticesHeld == 1);
  CHECK(held.noticesIssued == 0);
  auto objections = server.client().get("/api/v1/objections?status=open", actors.county).json();
  REQUIRE(objections["objections"].size() == 1);
  auto objectionId = objections["objections"][0]["id"].get<std::int64_t>();
  CHECK(server.client().get("/api/v1/objections", actors.owner).status == 403);
  CHECK(postJson(server, "/api/v1/objections/" + std::to_string(objectionId) + "/decision",
                 {{"decision", "dismissed"}, {"resolution", "现场核实客房 8 间，与申报一致"}},
                 actors.county)
            .status == 200);
  auto issued = tick(server);
  CHECK(issued.noticesIssued == 1);
  CHECK(tick(server).noticesIssued == 0);

  Json history = record(server, actors.owner, entry);
  REQUIRE(history["certificates"].size() == 1);
  CHECK(history["certificates"][0]["serial"] == "SL-MS-2026-000001");
  CHECK(history["certificates"][0]["grade"] == "jia");
  CHECK(history["certificates"][0]["status"] == "active");
  CHECK(history["certificates"][0]["standard"]["version"] == 1);
  CHECK(history["notices"][0]["status"] == "issued");
  auto certified = server.client().get("/api/v1/public/directory?county=shangzhou").json();
  REQUIRE(certified["certified"].size() == 1);
  CHECK(certified["certified"][0]["serial"] == "SL-MS-2026-000001");
  std::string url = certified["certified"][0]["verify_url"];
  CHECK(verifiedStatus(server, url.substr(url.rfind('/') + 1)) == "active");
  CHECK(server.client().get("/api/v1/public/directory?county=luonan").json()["certified"].empty());

  // Every step is in the hash-chained audit trail, with who did it.
  auto db = server.app().database().acquire();
  CHECK(tisheng::storage::verifyAudit(*db).intact);
  std::set<std::string> actions;
  auto rows = db->prepare("SELECT actor || ' ' || action FROM audit_log");
  while (rows.step()) actions.insert(rows.text(0));
  for (const char* expected :
       {"owner inspection.create", "county inspection.update", "insp inspection.update",
        "insp evidence.add", "insp inspection.submit", "county inspection.confirmed",
        "county notice.open", "county objection.dismissed", "system certificate.issue",
        "system notice.issued"})
    CHECK(actions.count(expected) == 1);
  auto noOps = db->prepare("SELECT COUNT(*) FROM audit_log WHERE before = after");
  noOps.step();
  CHECK(noOps.integer(0) == 0);  // nothing recorded that changed nothing
}

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

TEST_CASE("Workflow writes reject bad input with the field at fault and change nothing",
          "[http][workflow]") {
  TestServer server;
  auto entry = tisheng::test::addEntry(server, Category::Homestay, "山阳漫川民宿");
  Actors actors = tisheng::test::makeActors(server, entry);
  auto inspection = openInspection(server, actors.county, "initial", entry);
  std::string base = "/api/v1/inspections/" + std::to_string(inspection);
  auto restaurant = tisheng::test::addEntry(server, Category::Restaurant, "漫川八大件酒楼");
  std::string rectify = "/api/v1/certificates/" +
                        tisheng::test::issue(server, restaurant, Category::Restaurant, "b").serial +
                        "/rectifications";
  auto complaint = postJson(server, "/api/v1/public/complaints",
                            {{"entry_id", std::to_string(restaurant)},
                             {"category", "hygiene"},
                             {"description", "餐具上有明显油污，服务员拒绝更换"}},
                            {});
  REQUIRE(complaint.status == 201);
  std::string triage =
      "/api/v1/complaints/" + std::to_string(complaint.json()["id"].get<int>()) + "/triage";
  std::string before = databaseDump(server);

  struct Case {
    const char* method;
    std::string target;
    std::string body;
    int status;
    std::vector<std::string> fields;
  };
  const Case cases[] = {
      {"POST", "/api/v1/inspections", "{not json", 400, {"body"}},
      {"POST", "/api/v1/inspections", R"({"kind": "audit", "entry_id": 1})", 400, {"kind"}},
      {"POST", "/api/v1/inspections", R"({"kind": "initial"})", 400, {"entry_id"}},
      {"POST", "/api/v1/inspections", R"({"kind": "initial", "entry_id": "1"})", 400, {"entry_id"}},
      {"POST", "/api/v1/inspections", R"({"kind": "initial", "entry_id": 999})", 404, {}},
      {"POST", "/api/v1/inspections", R"({"kind": "review", "entry_id": 1})", 409, {}},
      {"POST",
       "/api/v1/inspections",
       R"({"kind": "initial", "entry_id": 1, "colour": "red"})",
       400,
       {"colour"}},
      {"PATCH", base, R"({"inspectors": ["nobody"]})", 400, {"inspectors"}},
      {"PATCH", base, R"({"scheduled_on": "2020-01-01"})", 400, {"scheduled_on"}},
      {"PATCH", base, R"({"scheduled_on": "next week"})", 400, {"scheduled_on"}},
      {"PATCH", "/api/v1/inspections/999", R"({})", 404, {}},
      {"PUT",
       base + "/scores",
       R"({"scores": {"m.fire_safety": 3}})",
       400,
       {"scores.m.fire_safety"}},
      {"PUT", base + "/scores", R"({"scores": {"no.such": "pass"}})", 400, {"scores.no.such"}},
      {"PUT", base + "/scores", R"({"scores": [1, 2]})", 400, {"scores"}},
      {"PUT", base + "/scores", R"({"notes": {"m.fire_safety": 5}})", 400, {"notes.m.fire_safety"}},
      {"POST", base + "/evidence", "not an image", 400, {"body"}},
      {"POST", base + "/evidence?item=nope", "x", 400, {"item"}},
      {"POST", base + "/decision", R"({"decision": "confirm"})", 409, {}},
      {"POST", base + "/decision", R"({"decision": "maybe"})", 400, {"decision"}},
      {"POST", base + "/decision", R"({"decision": "refuse"})", 400, {"reason"}},
      {"POST", "/api/v1/complaints/999/triage", R"({"decision": "upheld"})", 404, {}},
      {"POST",
       "/api/v1/objections/999/decision",
       R"({"decision": "upheld", "resolution": "x"})",
       404,
       {}},
      {"POST", "/api/v1/decisions/999/appeals", R"({"grounds": "x"})", 404, {}},
      {"POST", "/api/v1/decisions/1/appeals", R"({})", 400, {"grounds"}},
      {"POST",
       "/api/v1/appeals/999/decision",
       R"({"decision": "granted", "resolution": "x"})",
       404,
       {}},
      {"POST", "/api/v1/public/notices/999/objections", R"({"text": "x"})", 404, {}},
      {"POST", "/api/v1/public/notices/1/objections", R"({"text": ""})", 400, {"text"}},
      {"POST",
       "/api/v1/certificates/SL-MS-2026-999999/revocation",
       R"({"reason": "fraud"})",
       404,
       {}},
      {"POST", rectify, R"({"findings": "x", "deadline": "2020-01-01"})", 400, {"deadline"}},
      {"POST", rectify, R"({"deadline": "2026-12-01"})", 400, {"findings"}},
      {"POST",
       rectify,
       R"({"findings": "x", "deadline": "2026-12-01", "suspend": "yes"})",
       400,
       {"suspend"}},
      {"POST", triage, R"({"decision": "maybe"})", 400, {"decision"}},
      // The complaint's status change is rolled back with the inspection that could not open.
      {"POST", triage, R"({"decision": "inspect", "inspectors": ["nobody"]})", 400, {"inspectors"}},
      {"POST",
       "/api/v1/appeals/999/decision",
       R"({"decision": "maybe", "resolution": "x"})",
       400,
       {"decision"}},
      {"POST", "/api/v1/objections/1/decision", R"({"decision": "upheld"})", 400, {"resolution"}},
  };
  for (const auto& c : cases) {
    auto headers = std::string(c.target).find("/scores") != std::string::npos ||
                           std::string(c.target).find("/evidence") != std::string::npos
                       ? actors.inspector
                       : actors.county;
    auto reply = server.client().send(c.method, c.target, c.body, headers);
    CAPTURE(c.method, c.target, c.body, reply.body);
    CHECK(reply.status == c.status);
    if (!c.fields.empty()) CHECK(reply.errorFields() == c.fields);
    CHECK(databaseDump(server) == before);
  }
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

TEST_CASE("Evidence larger than the configured limit is refused with 413", "[http][workflow]") {
  tisheng::app::Config config;
  config.workflow.evidenceMaxBytes = 2048;
  TestServer server(config);
  auto entry = tisheng::test::addEntry(server, Category::Homestay, "金丝峡云舍");
  Actors actors = tisheng::test::makeActors(server, entry);
  auto inspection = openInspection(server, actors.county, "initial", entry);
  std::string big = tisheng::certificates::QrCode::encode(std::string(200, 'A')).toPng(12);
  REQUIRE(big.size() > 2048);
  std::string before = databaseDump(server);
  auto reply = server.client().send(
      "POST", "/api/v1/inspections/" + std::to_string(inspection) + "/evidence", big,
      actors.inspector);
  CHECK(reply.status == 413);
  CHECK(databaseDump(server) == before);
}

TEST_CASE(
    "The directory page lists results on notice with an objection form and certified "
    "entries with links to their plaques",
    "[http][workflow]") {
  TestServer server;
  auto entry = tisheng::test::addEntry(server, Category::Homestay, "塔云山云端民宿", "Tayun Inn");
  auto certified = tisheng::test::addEntry(server, Category::Restaurant, "洛河人家");
  auto certificate = tisheng::test::issue(server, certified, Category::Restaurant, "a");
  Actors actors = tisheng::test::makeActors(server, entry);
  auto inspection = openInspection(server, actors.county, "initial", entry);
  scoreAndSubmit(server, actors, inspection, Category::Homestay, 0.7);
  auto notice = decide(server, actors.county, inspection, {{"decision", "confirm"}})["notice"];
  std::string noticeId = std::to_string(notice["id"].get<int>());

  auto page = server.client().get("/directory");
  CHECK(page.status == 200);
  CHECK(page.header("Content-Type").find("text/html") == 0);
  CHECK(page.body.find("公示至 ") != std::string::npos);
  CHECK(page.body.find("塔云山云端民宿") != std::string::npos);
  CHECK(page.body.find("action=\"/directory/notices/" + noticeId + "/objections\"") !=
        std::string::npos);
  CHECK(page.body.find("href=\"/entries/" + std::to_string(certificate.entryId) + "\"") !=
        std::string::npos);
  CHECK(page.body.find("<script") == std::string::npos);
  auto english = server.client().get("/directory?lang=en&category=homestay");
  CHECK(english.body.find("on notice until") != std::string::npos);
  CHECK(english.body.find("洛河人家") == std::string::npos);  // a restaurant, filtered out

  auto form = [&](const std::string& body) {
    return server.client().post("/directory/notices/" + noticeId + "/objections", body,
                                {{"Content-Type", "application/x-www-form-urlencoded"}});
  };
  std::string before = databaseDump(server);
  auto empty = form("text=&contact=");
  CHECK(empty.status == 400);
  CHECK(empty.body.find("text: required") != std::string::npos);
  CHECK(databaseDump(server) == before);
  auto filed = form("text=%E5%AE%A2%E6%88%BF%E6%95%B0%E9%87%8F%E4%B8%8D%E7%AC%A6&contact=");
  CHECK(filed.status == 201);
  CHECK(filed.body.find("异议已收到") != std::string::npos);
  auto objections = server.client().get("/api/v1/objections", actors.county).json()["objections"];
  REQUIRE(objections.size() == 1);
  CHECK(objections[0]["text"] == "客房数量不符");
  CHECK(objections[0]["contact"].is_null());
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
