#include <signal.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <mutex>
#include <random>
#include <regex>
#include <thread>

#include "storage/AuditLog.h"
#include "storage/Sqlite.h"
#include "support/HttpClient.h"
#include "support/Subprocess.h"
#include "support/TempDir.h"

using tisheng::test::HttpClient;
using tisheng::test::runTisheng;
using Json = nlohmann::ordered_json;

TEST_CASE("Writes acknowledged before a kill -9 are all there after it", "[cli][sqlite]") {
  tisheng::test::TempDir data;
  std::map<std::string, std::string> env{{"TISHENG_STORAGE_DATA_DIR", data.path().string()},
                                         {"TISHENG_SERVER_PORT", "0"},
                                         {"TISHENG_SCHEDULER_INTERVAL_SECONDS", "0"},
                                         {"TISHENG_SECURITY_PASSWORD_COST", "10"}};
  REQUIRE(
      runTisheng({"admin", "add-county", "--code", "shangzhou", "--zh", "商州区"}, env).exitCode ==
      0);
  auto created =
      runTisheng({"admin", "create-user", "--username", "chief", "--role", "city_admin"}, env);
  std::smatch password;
  REQUIRE(std::regex_search(created.out, password, std::regex("with password (\\S+) ")));

  std::map<std::int64_t, std::string> acknowledged;  // entry id → name, answered 201
  std::mutex mutex;
  std::mt19937 random(20261126);
  for (int round = 0; round < 5; ++round) {
    tisheng::test::RunningTisheng server({"serve"}, env);
    HttpClient client(server.listeningPort());
    auto login =
        client.post("/api/v1/login",
                    Json{{"username", "chief"}, {"password", std::string(password[1])}}.dump());
    REQUIRE(login.status == 200);
    std::map<std::string, std::string> bearer{
        {"Authorization", "Bearer " + login.json()["token"].get<std::string>()}};
    std::atomic<bool> killed{false};
    std::vector<std::thread> writers;
    for (int w = 0; w < 8; ++w)
      writers.emplace_back([&, w] {
        for (int n = 0; !killed; ++n) {
          std::string name = "第" + std::to_string(round) + "轮写入者" + std::to_string(w) + "号" +
                             std::to_string(n);
          try {
            auto reply = client.post(
                "/api/v1/entries",
                Json{{"category", "restaurant"}, {"name", {{"zh", name}}}, {"county", "shangzhou"}}
                    .dump(),
                bearer);
            if (reply.status == 201) {
              std::lock_guard lock(mutex);
              acknowledged[reply.json()["entry"]["id"].get<std::int64_t>()] = name;
            }
          } catch (const std::exception&) {
            // the server died mid-request: not acknowledged
          }
        }
      });
    std::this_thread::sleep_for(std::chrono::milliseconds(400 + random() % 800));
    server.signal(SIGKILL);
    killed = true;
    for (auto& writer : writers) writer.join();
    server.finish();
  }
  REQUIRE(acknowledged.size() > 100);

  // Every acknowledged write is there, the file is sound and the audit chain intact.
  auto opened = tisheng::storage::openSqlite(data.path() / "tisheng.db");
  auto& db = *opened;
  std::map<std::int64_t, std::string> stored;
  auto rows = db.prepare("SELECT id, name_zh FROM entries");
  while (rows.step()) stored[rows.integer(0)] = rows.text(1);
  std::size_t missing = 0;
  for (const auto& [id, name] : acknowledged)
    missing += stored.count(id) == 0 || stored[id] != name;
  CHECK(missing == 0);
  auto integrity = db.prepare("PRAGMA integrity_check");
  integrity.step();
  CHECK(integrity.text(0) == "ok");
  CHECK(tisheng::storage::verifyAudit(db).intact);
  auto audit = runTisheng({"audit", "verify"}, env);
  CHECK(audit.exitCode == 0);
  INFO(acknowledged.size() << " acknowledged writes across 5 kills");
}
