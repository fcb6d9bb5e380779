#include <signal.h>

#include <catch2/catch.hpp>
#include <regex>

#include "certificates/CivilDate.h"
#include "support/HttpClient.h"
#include "support/Subprocess.h"
#include "support/TempDir.h"
#include "support/Workflow.h"

using tisheng::test::HttpClient;
using tisheng::test::runTisheng;
using Json = nlohmann::ordered_json;

namespace {

std::map<std::string, std::string> bearer(const Json& login) {
  return {{"Authorization", "Bearer " + login["token"].get<std::string>()}};
}

Json login(const HttpClient& client, const std::string& username, const std::string& password) {
  auto reply =
      client.post("/api/v1/login", Json{{"username", username}, {"password", password}}.dump());
  CAPTURE(reply.body);
  REQUIRE(reply.status == 200);
  return reply.json();
}

}  // namespace

TEST_CASE("From an empty data directory the production steps reach a certified entry", "[cli]") {
  tisheng::test::TempDir data;
  std::map<std::string, std::string> env{{"TISHENG_STORAGE_DATA_DIR", data.path().string()},
                                         {"TISHENG_SERVER_PORT", "0"},
                                         {"TISHENG_SCHEDULER_INTERVAL_SECONDS", "0"}};
  // README, "Deploying": the counties, then the first city admin, then serve.
  auto county = runTisheng({"admin", "add-county", "--code", "shangzhou", "--zh", "商州区", "--en",
                            "Shangzhou District"},
                           env);
  CAPTURE(county.err);
  REQUIRE(county.exitCode == 0);
  CHECK(county.out == "shangzhou\t商州区\tShangzhou District\n");
  auto chief =
      runTisheng({"admin", "create-user", "--username", "chief", "--role", "city_admin"}, env);
  std::smatch password;
  REQUIRE(
      std::regex_search(chief.out, password, std::regex("with password (\\S+) \\(shown once\\)")));

  tisheng::test::RunningTisheng server({"serve"}, env);
  HttpClient client(server.listeningPort());
  auto city = bearer(login(client, "chief", password[1]));

  // The city office makes the county office, which makes its inspector and a business.
  auto user = [&](const std::map<std::string, std::string>& as, const Json& body) {
    auto reply = client.post("/api/v1/users", body.dump(), as);
    CAPTURE(reply.body);
    REQUIRE(reply.status == 201);
  };
  const std::string secret = "Qinling-homestay-2026";
  user(city, {{"username", "shangzhou.office"},
              {"display_name", "商州区专班"},
              {"role", "county_admin"},
              {"county", "shangzhou"},
              {"password", secret}});
  auto office = bearer(login(client, "shangzhou.office", secret));
  user(office, {{"username", "inspector.zhao"},
                {"display_name", "赵评定员"},
                {"role", "inspector"},
                {"county", "shangzhou"},
                {"password", secret}});
  user(office, {{"username", "shanju"},
                {"display_name", "秦岭山居"},
                {"role", "business"},
                {"password", secret}});
  auto entry = client.post("/api/v1/entries",
                           Json{{"category", "homestay"},
                                {"name", {{"zh", "秦岭山居"}, {"en", "Qinling Mountain Lodge"}}},
                                {"county", "shangzhou"},
                                {"address", {{"zh", "商州区北宽坪镇"}}},
                                {"owner", "shanju"}}
                               .dump(),
                           office);
  CAPTURE(entry.body);
  REQUIRE(entry.status == 201);
  auto entryId = entry.json()["entry"]["id"].get<std::int64_t>();

  // The business applies; the office assigns; the inspector scores and submits; the office
  // confirms, which opens the public notice.
  auto owner = bearer(login(client, "shanju", secret));
  auto applied = client.post("/api/v1/inspections",
                             Json{{"kind", "initial"}, {"entry_id", entryId}}.dump(), owner);
  REQUIRE(applied.status == 201);
  std::string inspection =
      "/api/v1/inspections/" + std::to_string(applied.json()["inspection"]["id"].get<int>());
  REQUIRE(
      client.send("PATCH", inspection, R"({"inspectors": ["inspector.zhao"]})", office).status ==
      200);
  auto inspector = bearer(login(client, "inspector.zhao", secret));
  auto scores = Json{{"scores", tisheng::test::scoresAt(tisheng::rules::Category::Homestay, 1.0)}};
  REQUIRE(client.send("PUT", inspection + "/scores", scores.dump(), inspector).status == 200);
  REQUIRE(client.post(inspection + "/submit", "", inspector).status == 200);
  auto confirmed = client.post(inspection + "/decision", R"({"decision": "confirm"})", office);
  CAPTURE(confirmed.body);
  REQUIRE(confirmed.status == 200);
  std::string noticeEnds = confirmed.json()["notice"]["ends_on"];

  // Cron's `tisheng tick` after the notice issues the certificate.
  int after = *tisheng::certificates::parseIsoDate(noticeEnds) + 1;
  auto ticked = runTisheng({"tick", "--at", tisheng::certificates::isoDate(after)}, env);
  CAPTURE(ticked.out, ticked.err);
  REQUIRE(ticked.exitCode == 0);
  auto record = client.get("/api/v1/entries/" + std::to_string(entryId) + "/record", owner);
  CAPTURE(record.body);
  REQUIRE(record.status == 200);
  Json certificate = record.json()["certificates"][0];
  CHECK(certificate["status"] == "active");
  CHECK(certificate["grade"] == "jia");
  CHECK(std::regex_match(certificate["serial"].get<std::string>(),
                         std::regex("SL-MS-\\d{4}-000001")));
  server.signal(SIGTERM);
  CHECK(server.finish().exitCode == 0);
}
