#include "support/Fixture.h"

#include <catch2/catch.hpp>

#include "certificates/QrCode.h"

namespace tisheng::test {

using rules::Category;
using security::Role;

std::string Fixture::idFor(const std::string& route) const {
  auto has = [&route](const char* part) { return route.find(part) != std::string::npos; };
  std::int64_t id = has("/plaque-reports/") ? plaqueReport
                    : has("/inspections/")  ? inspection
                    : has("/complaints/")   ? complaint
                    : has("/notices/")      ? notice
                    : has("/objections/")   ? objection
                    : has("/decisions/")    ? decision
                    : has("/appeals/")      ? appeal
                    : has("/users/")        ? user
                                            : entry;
  return std::to_string(id);
}

Fixture makeFixture(TestServer& server) {
  auto entry = addEntry(server, Category::Homestay, "山居");  // in shangzhou
  auto cert = issue(server, entry, Category::Homestay, "jia");
  const std::string& serial = cert.serial;
  server.app().registry().addCounty("luonan", {"洛南县", "Luonan"}, {"test", 0});
  auto& auth = server.app().auth();
  const std::string password = "correct horse battery";
  auth.createUser({"city", "city", Role::CityAdmin, std::nullopt, password}, "test");
  auth.createUser({"here", "here", Role::CountyAdmin, "shangzhou", password}, "test");
  auth.createUser({"there", "there", Role::CountyAdmin, "luonan", password}, "test");
  auth.createUser({"insp", "insp", Role::Inspector, "shangzhou", password}, "test");
  auth.createUser({"owner", "owner", Role::Business, std::nullopt, password}, "test");
  auth.createUser({"other", "other", Role::Business, std::nullopt, password}, "test");
  setOwner(server, entry, "owner");
  Fixture f;
  f.entry = entry;
  f.certificate = cert;
  auto setup = loginAs(server, Role::CityAdmin, "setup");
  auto inspector = loginAs(server, Role::Inspector, "setup-insp", "shangzhou");
  auto other = addEntry(server, Category::Homestay, "公示中的民宿");
  auto opened = [&](const char* kind, std::int64_t on) {
    auto reply =
        postJson(server, "/api/v1/inspections",
                 {{"kind", kind}, {"entry_id", on}, {"inspectors", {"setup-insp", "insp"}}}, setup);
    REQUIRE(reply.status == 201);
    return reply.json()["inspection"]["id"].get<std::int64_t>();
  };
  auto initial = std::to_string(opened("initial", other));
  server.client().send("PUT", "/api/v1/inspections/" + initial + "/scores",
                       nlohmann::json{{"scores", scoresAt(Category::Homestay, 1.0)}}.dump(),
                       inspector);
  REQUIRE(
      server.client().post("/api/v1/inspections/" + initial + "/submit", "", inspector).status ==
      200);
  auto confirmed = postJson(server, "/api/v1/inspections/" + initial + "/decision",
                            {{"decision", "confirm"}}, setup);
  REQUIRE(confirmed.status == 200);
  f.notice = confirmed.json()["notice"]["id"];
  f.objection =
      postJson(server, "/api/v1/public/notices/" + std::to_string(f.notice) + "/objections",
               {{"text", "公示异议"}}, {})
          .json()["objection"]["id"];

  f.inspection = opened("review", entry);
  auto photo = tisheng::certificates::QrCode::encode("photo").toPng(4);
  auto uploaded = server.client().send(
      "POST", "/api/v1/inspections/" + std::to_string(f.inspection) + "/evidence", photo,
      inspector);
  CAPTURE(uploaded.body);
  REQUIRE(uploaded.status == 201);
  f.evidence = uploaded.json()["evidence"]["id"];
  auto complained = postJson(server, "/api/v1/public/complaints",
                             {{"serial", serial},
                              {"category", "service"},
                              {"description", "前台服务态度恶劣，拒绝开具发票"}},
                             {});
  CAPTURE(complained.body);
  REQUIRE(complained.status == 201);
  f.complaint = complained.json()["id"];
  auto reported = server.client().post(
      "/report",
      "county=shangzhou&place_name=假山居&address=北新街&seen=门口的牌匾扫码显示非真实牌匾",
      {{"Content-Type", "application/x-www-form-urlencoded"}});
  REQUIRE(reported.status == 201);
  {
    auto db = server.app().database().acquire();
    auto row = db->prepare("SELECT MAX(id) FROM plaque_reports");
    row.step();
    f.plaqueReport = row.integer(0);
  }
  auto rectified =
      postJson(server, "/api/v1/certificates/" + serial + "/rectifications",
               {{"findings", "整改"}, {"deadline", "2026-12-10"}, {"suspend", true}}, setup);
  CAPTURE(rectified.body);
  REQUIRE(rectified.status == 201);
  f.decision = server.client()
                   .get("/api/v1/entries/" + std::to_string(entry) + "/record", setup)
                   .json()["decisions"][0]["id"];
  auto owner = server.app().auth().login("owner", "correct horse battery", "10.0.0.2");
  auto appealed = postJson(server, "/api/v1/decisions/" + std::to_string(f.decision) + "/appeals",
                           {{"grounds", "申诉理由"}}, {{"Authorization", "Bearer " + owner.token}});
  CAPTURE(appealed.body);
  REQUIRE(appealed.status == 201);
  f.appeal = appealed.json()["appeal"]["id"];
  f.user = server.app().users().userByName("insp")->id;
  return f;
}

}  // namespace tisheng::test
