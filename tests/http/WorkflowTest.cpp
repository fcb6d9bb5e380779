#include <catch2/catch.hpp>

#include "certificates/CivilDate.h"
#include "certificates/Crypto.h"
#include "certificates/QrCode.h"
#include "storage/AuditLog.h"
#include "support/TempDir.h"
#include "support/Tools.h"
#include "support/WorkflowSteps.h"

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
using tisheng::test::decide;
using tisheng::test::openInspection;
using tisheng::test::record;
using tisheng::test::scoreAndSubmit;
using tisheng::test::today;
using tisheng::test::verifiedStatus;

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
