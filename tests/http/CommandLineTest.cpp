#include <signal.h>

#include <catch2/catch.hpp>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <thread>

#include "certificates/CivilDate.h"
#include "certificates/Keys.h"
#include "storage/Sqlite.h"
#include "support/HttpClient.h"
#include "support/Registry.h"
#include "support/Subprocess.h"
#include "support/TempDir.h"
#include "support/Tools.h"

using tisheng::test::runTisheng;
using tisheng::test::TempDir;
using Json = nlohmann::ordered_json;

namespace {
const std::string kStandards = (tisheng::test::sourceDir() / "rating-rules/standards").string();

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}
}  // namespace

TEST_CASE("rules lint accepts the shipped standards", "[cli]") {
  auto result = runTisheng({"rules", "lint", kStandards});
  CHECK(result.exitCode == 0);
  CHECK(contains(result.out, "homestay v1: ok (52 items, 3 grades)"));
  CHECK(contains(result.out, "restaurant v1: ok"));
  CHECK(contains(result.out, "product v1: ok"));
}

TEST_CASE("rules lint prints file: json-path: message and fails", "[cli]") {
  TempDir dir;
  std::ofstream(dir.path() / "broken.json") << R"({"id": "broken", "version": "one"})";
  std::ofstream(dir.path() / "notjson.json") << "{";
  auto result = runTisheng({"rules", "lint", dir.path().string()});
  CHECK(result.exitCode == 1);
  std::string broken = (dir.path() / "broken.json").string();
  CHECK(contains(result.out, broken + ": $.version: expected an integer\n"));
  CHECK(contains(result.out, broken + ": $.category: required field is missing\n"));
  CHECK(contains(result.out,
                 (dir.path() / "notjson.json").string() + ": $: malformed JSON at byte 2"));
  CHECK(runTisheng({"rules", "lint", (dir.path() / "none").string()}).exitCode == 1);
  CHECK(runTisheng({"rules", "frobnicate"}).exitCode == 2);
}

TEST_CASE("serve refuses to start on an invalid standard", "[cli]") {
  TempDir data, rules;
  std::ofstream(rules.path() / "bad.json") << R"({"id": "bad"})";
  auto result = runTisheng({"serve"}, {{"TISHENG_SERVER_PORT", "0"},
                                       {"TISHENG_STORAGE_DATA_DIR", data.path().string()},
                                       {"TISHENG_RULES_DIR", rules.path().string()}});
  CHECK(result.exitCode == 1);
  CHECK(contains(result.err,
                 (rules.path() / "bad.json").string() + ": $.version: required field is missing"));
}

TEST_CASE("serve rejects a bad configuration with the key at fault", "[cli]") {
  TempDir dir;
  std::ofstream(dir.path() / "t.properties") << "server.port = 99999\n";
  auto result = runTisheng({"serve", "--config", (dir.path() / "t.properties").string()});
  CHECK(result.exitCode == 1);
  CHECK(contains(result.err, "server.port: expected an integer from 0 to 65535, got '99999'"));
}

TEST_CASE("serve prints its URL and serves and stops cleanly on SIGTERM", "[cli]") {
  TempDir data;
  tisheng::test::RunningTisheng server(
      {"serve"},
      {{"TISHENG_SERVER_PORT", "0"}, {"TISHENG_STORAGE_DATA_DIR", data.path().string()}});
  std::string line;
  std::getline(server.out(), line);
  std::smatch url;
  REQUIRE(std::regex_search(line, url, std::regex("listening on http://127\\.0\\.0\\.1:(\\d+)/")));
  tisheng::test::HttpClient client(static_cast<std::uint16_t>(std::stoi(url[1])));
  CHECK(client.get("/healthz").status == 200);
  CHECK(std::filesystem::exists(data.path() / "tisheng.db"));

  server.signal(SIGTERM);
  auto finished = server.finish();
  CHECK(finished.exitCode == 0);
  CHECK(contains(finished.out, "Received SIGTERM, shutting down\nStopped\n"));
  CHECK(contains(finished.err, " GET /healthz 200 "));
}

TEST_CASE("Usage is printed for help and unknown commands", "[cli]") {
  CHECK(runTisheng({"--help"}).exitCode == 0);
  auto unknown = runTisheng({"launch"});
  CHECK(unknown.exitCode == 2);
  CHECK(contains(unknown.err, "unknown command 'launch'"));
  CHECK(contains(runTisheng({"serve", "--help"}).out, "TISHENG_SERVER_PORT"));
}

TEST_CASE("verify checks a plaque offline with the published keys and status list", "[cli]") {
  tisheng::app::Config config;
  config.statusListTtlSeconds = 3600;
  tisheng::test::TestServer server(config);
  auto good = tisheng::test::issue(
      server, tisheng::test::addEntry(server, tisheng::rules::Category::Homestay, "山居"),
      tisheng::rules::Category::Homestay, "jia");
  auto gone = tisheng::test::issue(
      server, tisheng::test::addEntry(server, tisheng::rules::Category::Homestay, "小院"),
      tisheng::rules::Category::Homestay, "yi");
  server.app().registry().setStatus(gone.serial, tisheng::domain::CertificateStatus::Revoked,
                                    "摘牌", {"test", server.clock().now()});
  TempDir dir;
  auto jwks = tisheng::test::writeFile(dir.path() / "jwks.json",
                                       server.client().get("/.well-known/jwks.json").body);
  auto list = tisheng::test::writeFile(dir.path() / "status.jws",
                                       server.client().get("/api/v1/public/status-list").body);
  std::string at = std::to_string(tisheng::test::TestServer::kStart + 60);
  auto url = [](const std::string& token) { return "https://v.example.cn/c/" + token; };

  auto genuine = runTisheng(
      {"verify", url(good.token), "--keys", jwks.string(), "--status", list.string(), "--at", at});
  CHECK(genuine.exitCode == 0);
  CHECK(contains(genuine.out, "GENUINE: signature verified with key "));
  CHECK(contains(genuine.out, "valid until: 2029-11-17\n"));
  CHECK(contains(genuine.out, "status: active (status as of 2026-11-18T11:06:40Z)"));

  auto revoked = runTisheng(
      {"verify", gone.token, "--keys", jwks.string(), "--status", list.string(), "--at", at});
  CHECK(revoked.exitCode == 0);
  CHECK(contains(revoked.out, "status: revoked"));

  std::string stale = std::to_string(tisheng::test::TestServer::kStart + 7200);
  auto old = runTisheng(
      {"verify", good.token, "--keys", jwks.string(), "--status", list.string(), "--at", stale});
  CHECK(contains(old.out, "status: unknown (status unknown: the status list is stale"));

  std::string altered = good.token;
  altered[60] = altered[60] == 'A' ? 'B' : 'A';
  auto forged = runTisheng({"verify", url(altered), "--keys", jwks.string(), "--at", at});
  CHECK(forged.exitCode == 1);
  CHECK(contains(forged.out, "NOT GENUINE"));
  CHECK(runTisheng({"verify"}).exitCode == 2);
}

TEST_CASE("keys list rotate and revoke manage the signing keys on disk", "[cli]") {
  TempDir data;
  std::map<std::string, std::string> env{{"TISHENG_STORAGE_DATA_DIR", data.path().string()}};
  auto first = runTisheng({"keys", "list"}, env);
  CHECK(first.exitCode == 0);
  std::smatch kid;
  REQUIRE(std::regex_search(first.out, kid, std::regex("^\\* (\\S+)  from ")));
  auto rotated = runTisheng({"keys", "rotate"}, env);
  CHECK(rotated.exitCode == 0);
  CHECK(contains(rotated.out, "new signing key "));
  CHECK(contains(rotated.out, "  " + kid[1].str() + "  from "));  // the old key, no longer marked
  auto revoked = runTisheng({"keys", "revoke", kid[1].str()}, env);
  CHECK(revoked.exitCode == 0);
  CHECK(std::regex_search(revoked.out, std::regex(kid[1].str() + ".* REVOKED ")));
  CHECK(runTisheng({"keys", "revoke", "nonexistent"}, env).exitCode == 1);
  CHECK(runTisheng({"keys", "shred"}, env).exitCode == 2);
}

TEST_CASE("admin create-user makes an account once and explains bad input", "[cli]") {
  TempDir data;
  std::map<std::string, std::string> env{{"TISHENG_STORAGE_DATA_DIR", data.path().string()},
                                         {"TISHENG_SECURITY_PASSWORD_COST", "10"}};
  auto created =
      runTisheng({"admin", "create-user", "--username", "boss", "--role", "city_admin"}, env);
  CHECK(created.exitCode == 0);
  CHECK(std::regex_search(
      created.out,
      std::regex("^created city_admin 'boss' with password \\S{16} \\(shown once\\)\n$")));
  auto again =
      runTisheng({"admin", "create-user", "--username", "boss", "--role", "inspector"}, env);
  CHECK(again.exitCode == 1);
  CHECK(contains(again.err, "username 'boss' is taken"));
  auto noCounty =
      runTisheng({"admin", "create-user", "--username", "clerk", "--role", "county_admin"}, env);
  CHECK(noCounty.exitCode == 1);
  CHECK(contains(noCounty.err, "county: a county admin needs a county"));
  CHECK(
      runTisheng({"admin", "create-user", "--username", "x", "--role", "emperor"}, env).exitCode ==
      2);
}

TEST_CASE("serve --demo prints logins that work and plaques in every status", "[cli]") {
  TempDir data;
  tisheng::test::RunningTisheng server({"serve", "--demo"},
                                       {{"TISHENG_SERVER_PORT", "0"},
                                        {"TISHENG_STORAGE_DATA_DIR", data.path().string()},
                                        {"TISHENG_SECURITY_PASSWORD_COST", "10"},
                                        {"TISHENG_SCHEDULER_INTERVAL_SECONDS", "1"}});
  std::map<std::string, std::string> lines;  // label -> rest
  std::string line, port, adminPassword;
  std::smatch match;
  while (std::getline(server.out(), line)) {
    if (std::regex_search(line, match, std::regex("listening on http://127\\.0\\.0\\.1:(\\d+)/")))
      port = match[1];
    if (std::regex_search(line, match, std::regex("^  city_admin: admin / (\\S+)$")))
      adminPassword = match[1];
    if (std::regex_search(line, match, std::regex("^  (\\w+) / .*(/c/[A-Z2-7]+)$")))
      lines[match[1]] = match[2];
    if (line.find("signed by the retired key") != std::string::npos) break;
  }
  REQUIRE_FALSE(port.empty());
  tisheng::test::HttpClient client(static_cast<std::uint16_t>(std::stoi(port)));
  auto login =
      client.post("/api/v1/login", Json{{"username", "admin"}, {"password", adminPassword}}.dump());
  CHECK(login.status == 200);
  CHECK(contains(client.get(lines["active"]).body, "class=\"verdict valid\""));
  CHECK(contains(client.get(lines["suspended"]).body, "class=\"verdict suspended\""));
  CHECK(contains(client.get(lines["revoked"]).body, "class=\"verdict revoked\""));
  CHECK(contains(client.get(lines["expired"]).body, "class=\"verdict expired\""));
  CHECK(contains(client.get(lines["superseded"]).body, "class=\"verdict superseded\""));
  auto json = client.get("/api/v1/public/verify/" + lines["active"].substr(3)).json();
  CHECK(json["entry"]["name"]["zh"] == "牧护关秦岭山居");
  // Every plaque, including those signed by the retired key, verifies offline with the JWKS.
  auto keys = tisheng::certificates::fromJwks(client.get("/.well-known/jwks.json").json());
  CHECK(keys.size() == 2);

  // The workflows are there in every state, and the server's scheduler runs.
  auto directory = client.get("/api/v1/public/directory").json();
  REQUIRE(directory["pending"].size() == 1);
  CHECK(directory["pending"][0]["name"]["zh"] == "凤冠山水街客栈");
  std::map<std::string, std::string> admin{
      {"Authorization", "Bearer " + login.json()["token"].get<std::string>()}};
  CHECK(client.get("/api/v1/appeals?status=open", admin).json()["appeals"].size() == 1);
  CHECK(client.get("/api/v1/complaints?status=new", admin).json()["complaints"].size() == 2);
  CHECK(client.get("/api/v1/objections?status=open", admin).json()["objections"].size() == 1);
  auto inspections = client.get("/api/v1/inspections", admin).json()["inspections"];
  std::set<std::string> states;
  for (const auto& i : inspections)
    states.insert(i["kind"].get<std::string>() + ":" + i["status"].get<std::string>());
  CHECK(states.count("initial:scheduled") == 1);
  CHECK(states.count("initial:submitted") == 1);
  CHECK(states.count("spot_check:confirmed") == 1);
  std::this_thread::sleep_for(std::chrono::milliseconds(2500));
  server.signal(SIGTERM);
  auto finished = server.finish();
  CHECK(finished.exitCode == 0);
  CHECK(contains(finished.err, "scheduler: notices issued 0, held by objections 0"));
}

TEST_CASE("tick runs the scheduler once on the database, as of a given day", "[cli]") {
  using tisheng::rules::Category;
  tisheng::test::TestServer server;
  auto entry = tisheng::test::addEntry(server, Category::Restaurant, "商洛十大碗老店");
  auto certificate = tisheng::test::issue(server, entry, Category::Restaurant, "b");
  auto env = server.commandEnvironment();
  auto early = runTisheng({"tick", "--at", "2026-11-30"}, env);
  CHECK(early.exitCode == 0);
  CHECK(contains(early.out, "tick at 2026-11-29T16:00:00Z: "));
  CHECK(contains(early.out, "certificates expired 0"));
  int after = certificate.validUntil + 1;
  auto late = runTisheng({"tick", "--at", tisheng::certificates::isoDate(after)}, env);
  CHECK(late.exitCode == 0);
  CHECK(contains(late.out, "certificates expired 1"));
  CHECK(server.app().registry().certificateBySerial(certificate.serial)->status ==
        tisheng::domain::CertificateStatus::Expired);
  CHECK(runTisheng({"tick", "--at", "soon"}, env).exitCode == 2);
}

TEST_CASE("backup copies the database consistently while the server runs", "[cli][sqlite]") {
  tisheng::test::TestServer server;
  for (int i = 0; i < 20; ++i)
    tisheng::test::issue(
        server, tisheng::test::addEntry(server, tisheng::rules::Category::Homestay, "山居"),
        tisheng::rules::Category::Homestay, "yi");
  TempDir out;
  std::string target = (out.path() / "copy.db").string();
  auto env = server.commandEnvironment();
  auto result = runTisheng({"backup", target}, env);
  CHECK(result.exitCode == 0);
  CHECK(server.client().get("/healthz").status == 200);  // still serving
  auto opened = tisheng::storage::openSqlite(target);
  auto& copy = *opened;
  auto count = copy.prepare("SELECT COUNT(*) FROM certificates");
  count.step();
  CHECK(count.integer(0) == 20);
  auto check = copy.prepare("PRAGMA integrity_check");
  check.step();
  CHECK(check.text(0) == "ok");
  auto again = runTisheng({"backup", target}, env);
  CHECK(again.exitCode == 1);
  CHECK(contains(again.err, "already exists"));
}
