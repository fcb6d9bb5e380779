// What only PostgreSQL can show: its schema beside SQLite's, and several servers on one database.
// Tagged [postgres]: ctest runs them in the pg. suite, on the throwaway cluster it starts.

#include <signal.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <future>
#include <map>
#include <mutex>
#include <regex>
#include <set>
#include <thread>

#include "certificates/Crypto.h"
#include "certificates/QrCode.h"
#include "storage/AuditLog.h"
#include "storage/Migrations.h"
#include "storage/Postgres.h"
#include "storage/Sqlite.h"
#include "support/HttpClient.h"
#include "support/Subprocess.h"
#include "support/TempDir.h"
#include "support/TestDatabase.h"
#include "support/Workflow.h"

using tisheng::rules::Category;
using tisheng::test::Actors;
using tisheng::test::onPostgres;
using tisheng::test::postJson;
using tisheng::test::TestServer;
using Json = nlohmann::ordered_json;

namespace {

/// table → column → NOT NULL (primary keys left out: SQLite reports INTEGER PRIMARY KEY
/// columns as nullable).
using Schema = std::map<std::string, std::map<std::string, bool>>;

Schema sqliteSchema(tisheng::storage::Connection& db) {
  Schema schema;
  auto tables = db.prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'");
  std::vector<std::string> names;
  while (tables.step()) names.push_back(tables.text(0));
  for (const auto& table : names) {
    auto columns =
        db.prepare("SELECT name, \"notnull\", pk FROM pragma_table_info('" + table + "')");
    while (columns.step())
      if (columns.integer(2) == 0) schema[table][columns.text(0)] = columns.integer(1) != 0;
  }
  return schema;
}

Schema postgresSchema(tisheng::storage::Connection& db) {
  Schema schema;
  auto columns = db.prepare(
      "SELECT c.table_name, c.column_name, c.is_nullable FROM information_schema.columns c "
      "WHERE c.table_schema = 'public' AND c.table_name NOT IN ('schema_migrations', "
      "'write_turn') AND NOT EXISTS (SELECT 1 FROM information_schema.key_column_usage k "
      "JOIN information_schema.table_constraints t ON t.constraint_name = k.constraint_name "
      "AND t.table_name = k.table_name WHERE t.constraint_type = 'PRIMARY KEY' "
      "AND k.table_name = c.table_name AND k.column_name = c.column_name)");
  while (columns.step()) schema[columns.text(0)][columns.text(1)] = columns.text(2) == "NO";
  return schema;
}

std::int64_t openInitial(TestServer& server, const Actors& actors, std::int64_t entry) {
  auto opened =
      postJson(server, "/api/v1/inspections",
               {{"kind", "initial"}, {"entry_id", entry}, {"inspectors", {"insp"}}}, actors.county);
  REQUIRE(opened.status == 201);
  return opened.json()["inspection"]["id"].get<std::int64_t>();
}

void scoreAndSubmit(TestServer& server, const Actors& actors, std::int64_t inspection) {
  std::string base = "/api/v1/inspections/" + std::to_string(inspection);
  REQUIRE(server.client()
              .send("PUT", base + "/scores",
                    Json{{"scores", tisheng::test::scoresAt(Category::Homestay, 1.0)}}.dump(),
                    actors.inspector)
              .status == 200);
  REQUIRE(server.client().post(base + "/submit", "", actors.inspector).status == 200);
}

int decisionStatus(TestServer& server, const tisheng::test::Headers& by, std::int64_t inspection) {
  return postJson(server, "/api/v1/inspections/" + std::to_string(inspection) + "/decision",
                  {{"decision", "confirm"}}, by)
      .status;
}

/// A second server on the first one's database (and key-encryption key), its own data folder.
tisheng::app::Config sharing(TestServer& first) {
  tisheng::app::Config config;
  config.storageUrl = first.app().config().storageUrl;
  config.keyEncryptionKeyText = first.app().config().keyEncryptionKeyText;
  return config;
}

}  // namespace

TEST_CASE("Both schemas have the same tables and columns", "[postgres]") {
  REQUIRE(onPostgres());
  tisheng::test::TempDir dir;
  auto sqlite = tisheng::storage::openSqlite(dir.path() / "schema.db");
  tisheng::storage::migrate(*sqlite);
  tisheng::test::TestDatabase database;
  auto postgres = tisheng::storage::openPostgres(database.url());
  tisheng::storage::migrate(*postgres);
  CHECK(tisheng::storage::schemaVersion(*sqlite) == tisheng::storage::schemaVersion(*postgres));
  Schema expected = sqliteSchema(*sqlite);
  Schema actual = postgresSchema(*postgres);
  CHECK(expected.size() >= 20);
  for (const auto& [table, columns] : expected) {
    CAPTURE(table);
    REQUIRE(actual.contains(table));
    CHECK(actual.at(table) == columns);
  }
  CHECK(actual.size() == expected.size());
}

TEST_CASE("Two servers on one PostgreSQL share writes, sessions, keys, media and the scheduler",
          "[postgres]") {
  REQUIRE(onPostgres());
  TestServer a;
  TestServer b(sharing(a));
  auto entry = tisheng::test::addEntry(a, Category::Homestay, "秦岭山居");
  Actors actors = tisheng::test::makeActors(a, entry);

  // A write on one is read on the other at once; a session from one works on the other.
  auto onB = b.client().get("/api/v1/entries/" + std::to_string(entry), actors.county);
  REQUIRE(onB.status == 200);
  CHECK(onB.json()["entry"]["name"]["zh"] == "秦岭山居");
  CHECK(b.client().get("/api/v1/session", actors.city).status == 200);

  // A plaque signed on one verifies on the other: one key set.
  auto certificate = tisheng::test::issue(a, entry, Category::Homestay, "jia");
  auto verified = b.client().get("/api/v1/public/verify/" + certificate.token).json();
  CHECK(verified["status"] == "active");
  CHECK(a.client().get("/.well-known/jwks.json").body ==
        b.client().get("/.well-known/jwks.json").body);

  // Evidence uploaded through one is served by the other.
  auto review = postJson(a, "/api/v1/inspections",
                         {{"kind", "spot_check"}, {"entry_id", entry}, {"inspectors", {"insp"}}},
                         actors.county);
  REQUIRE(review.status == 201);
  std::string base = "/api/v1/inspections/" +
                     std::to_string(review.json()["inspection"]["id"].get<std::int64_t>());
  std::string png = tisheng::certificates::QrCode::encode("evidence").toPng(4);
  auto uploaded = a.client().send("POST", base + "/evidence", png, actors.inspector);
  REQUIRE(uploaded.status == 201);
  auto fetched =
      b.client().get(uploaded.json()["evidence"]["url"].get<std::string>(), actors.county);
  CHECK(fetched.status == 200);
  CHECK(tisheng::certificates::hex(tisheng::certificates::sha256(fetched.body)) ==
        uploaded.json()["evidence"]["sha256"]);

  // Five applications on public notice; both schedulers run at the same moment after it ends:
  // each entry gets exactly one certificate.
  std::vector<std::int64_t> applicants;
  for (int i = 0; i < 5; ++i) {
    auto applicant = tisheng::test::addEntry(a, Category::Homestay, "山居" + std::to_string(i));
    auto inspection = openInitial(a, actors, applicant);
    scoreAndSubmit(a, actors, inspection);
    REQUIRE(decisionStatus(b, actors.county, inspection) == 200);
    applicants.push_back(applicant);
  }
  a.clock().advanceDays(8);
  b.clock().advanceDays(8);
  auto onA = std::async(std::launch::async, [&] { return tisheng::test::tick(a); });
  auto onBTick = std::async(std::launch::async, [&] { return tisheng::test::tick(b); });
  auto reportA = onA.get();
  auto reportB = onBTick.get();
  CHECK(reportA.errors.empty());
  CHECK(reportB.errors.empty());
  CHECK(reportA.noticesIssued + reportB.noticesIssued == 5);
  for (auto applicant : applicants) {
    auto db = a.app().database().acquire();
    auto count = db->prepare("SELECT COUNT(*) FROM certificates WHERE entry_id = ?");
    count.bind(1, applicant);
    REQUIRE(count.step());
    CHECK(count.integer(0) == 1);
  }

  // Two admins decide the same inspection at the same moment on different servers: one wins.
  tisheng::test::renewSessions(a, actors);
  auto contested = tisheng::test::addEntry(a, Category::Homestay, "争议山居");
  auto inspection = openInitial(a, actors, contested);
  scoreAndSubmit(a, actors, inspection);
  std::promise<void> go;
  auto start = go.get_future().share();
  auto first = std::async(std::launch::async, [&] {
    start.wait();
    return decisionStatus(a, actors.county, inspection);
  });
  auto second = std::async(std::launch::async, [&] {
    start.wait();
    return decisionStatus(b, actors.county2, inspection);
  });
  go.set_value();
  std::multiset<int> statuses{first.get(), second.get()};
  CHECK(statuses == std::multiset<int>{200, 409});

  CHECK(tisheng::storage::verifyAudit(*a.app().database().acquire()).intact);
}

TEST_CASE("Writes acknowledged before one of two servers is killed are all there", "[postgres]") {
  REQUIRE(onPostgres());
  tisheng::test::TestDatabase database;
  tisheng::test::TempDir dataA, dataB;
  auto environment = [&](const tisheng::test::TempDir& data) {
    return std::map<std::string, std::string>{
        {"TISHENG_STORAGE_DATA_DIR", data.path().string()},
        {"TISHENG_STORAGE_URL", database.url()},
        {"TISHENG_KEYS_KEK", "kill test key-encryption key, long enough"},
        {"TISHENG_SERVER_PORT", "0"},
        {"TISHENG_SCHEDULER_INTERVAL_SECONDS", "0"},
        {"TISHENG_SECURITY_PASSWORD_COST", "10"}};
  };
  auto envA = environment(dataA);
  REQUIRE(tisheng::test::runTisheng(
              {"admin", "add-county", "--code", "shangzhou", "--zh", "商州区"}, envA)
              .exitCode == 0);
  auto created = tisheng::test::runTisheng(
      {"admin", "create-user", "--username", "chief", "--role", "city_admin"}, envA);
  std::smatch password;
  REQUIRE(std::regex_search(created.out, password, std::regex("with password (\\S+) ")));

  tisheng::test::RunningTisheng serverA({"serve"}, envA);
  tisheng::test::RunningTisheng serverB({"serve"}, environment(dataB));
  tisheng::test::HttpClient clientA(serverA.listeningPort());
  tisheng::test::HttpClient clientB(serverB.listeningPort());
  auto login = clientA.post(
      "/api/v1/login", Json{{"username", "chief"}, {"password", std::string(password[1])}}.dump());
  REQUIRE(login.status == 200);
  std::map<std::string, std::string> bearer{
      {"Authorization", "Bearer " + login.json()["token"].get<std::string>()}};

  std::map<std::int64_t, std::string> acknowledged;
  std::mutex mutex;
  std::atomic<bool> stop{false};
  std::atomic<int> afterKill{0};
  std::atomic<bool> killed{false};
  std::vector<std::thread> writers;
  writers.reserve(6);
  for (int w = 0; w < 6; ++w)
    writers.emplace_back([&, w] {
      tisheng::test::HttpClient& client = w % 2 == 0 ? clientA : clientB;
      for (int n = 0; !stop; ++n) {
        std::string name = "写入者" + std::to_string(w) + "号" + std::to_string(n);
        try {
          auto reply = client.post(
              "/api/v1/entries",
              Json{{"category", "restaurant"}, {"name", {{"zh", name}}}, {"county", "shangzhou"}}
                  .dump(),
              bearer);
          if (reply.status == 201) {
            std::lock_guard lock(mutex);
            acknowledged[reply.json()["entry"]["id"].get<std::int64_t>()] = name;
            if (killed && w % 2 == 1) ++afterKill;
          }
        } catch (const std::exception&) {
          // the server died mid-request: not acknowledged
        }
      }
    });
  std::this_thread::sleep_for(std::chrono::milliseconds(800));
  serverA.signal(SIGKILL);
  killed = true;
  std::this_thread::sleep_for(std::chrono::milliseconds(800));
  stop = true;
  for (auto& writer : writers) writer.join();
  serverA.finish();
  CHECK(afterKill > 10);  // the other server kept serving
  CHECK(clientB.get("/healthz").status == 200);
  serverB.signal(SIGTERM);
  CHECK(serverB.finish().exitCode == 0);

  auto db = tisheng::storage::openPostgres(database.url());
  std::map<std::int64_t, std::string> stored;
  auto rows = db->prepare("SELECT id, name_zh FROM entries");
  while (rows.step()) stored[rows.integer(0)] = rows.text(1);
  REQUIRE(acknowledged.size() > 50);
  std::size_t missing = 0;
  for (const auto& [id, name] : acknowledged)
    missing += stored.count(id) == 0 || stored[id] != name;
  CHECK(missing == 0);
  CHECK(tisheng::storage::verifyAudit(*db).intact);
}

TEST_CASE("migrate copies a whole registry from SQLite to PostgreSQL and checks the copy",
          "[postgres][cli]") {
  REQUIRE(onPostgres());
  TestServer source(TestServer::onSqlite());
  auto entry = tisheng::test::addEntry(source, Category::Homestay, "秦岭山居");
  Actors actors = tisheng::test::makeActors(source, entry);
  auto certificate = tisheng::test::issue(source, entry, Category::Homestay, "jia");
  auto spot = postJson(source, "/api/v1/inspections",
                       {{"kind", "spot_check"}, {"entry_id", entry}, {"inspectors", {"insp"}}},
                       actors.county);
  REQUIRE(spot.status == 201);
  std::string png = tisheng::certificates::QrCode::encode("evidence").toPng(4);
  auto uploaded = source.client().send(
      "POST",
      "/api/v1/inspections/" + std::to_string(spot.json()["inspection"]["id"].get<std::int64_t>()) +
          "/evidence",
      png, actors.inspector);
  REQUIRE(uploaded.status == 201);
  auto head = tisheng::storage::auditHead(*source.app().database().acquire());

  const std::string kek = "the key-encryption key of the migration test";
  tisheng::test::TestDatabase target;
  auto env = source.commandEnvironment();
  env["TISHENG_KEYS_KEK"] = kek;
  std::vector<std::string> command{"migrate", "--from", source.app().config().storageUrl, "--to",
                                   target.url()};
  auto migrated = tisheng::test::runTisheng(command, env);
  CAPTURE(migrated.out, migrated.err);
  CHECK(migrated.exitCode == 0);
  CHECK(migrated.out.find("entries: 1 → 1\n") != std::string::npos);
  CHECK(migrated.out.find("certificates: 1 → 1\n") != std::string::npos);
  CHECK(migrated.out.find("evidence: 1 → 1\n") != std::string::npos);
  CHECK(migrated.out.find("media files: 1 → 1\n") != std::string::npos);
  CHECK(migrated.out.find("signing keys: 1 → 1\n") != std::string::npos);
  CHECK(migrated.out.find("audit trail: intact, " + std::to_string(head.rows) + " rows, head " +
                          head.hash) != std::string::npos);
  CHECK(migrated.out.find("MISMATCH") == std::string::npos);

  // Once is enough: the target is not empty any more.
  auto again = tisheng::test::runTisheng(command, env);
  CHECK(again.exitCode == 2);
  CHECK(again.err.find("the target is not empty") != std::string::npos);

  // A server on the copy: the plaque verifies with the copied key, sessions and evidence carry
  // over, and new ids continue after the copied ones.
  tisheng::app::Config config;
  config.storageUrl = target.url();
  config.keyEncryptionKeyText = kek;
  TestServer moved(config);
  CHECK(moved.client().get("/api/v1/public/verify/" + certificate.token).json()["status"] ==
        "active");
  auto evidence =
      moved.client().get(uploaded.json()["evidence"]["url"].get<std::string>(), actors.county);
  CHECK(evidence.status == 200);
  CHECK(tisheng::certificates::hex(tisheng::certificates::sha256(evidence.body)) ==
        uploaded.json()["evidence"]["sha256"]);
  auto added =
      postJson(moved, "/api/v1/entries",
               {{"category", "restaurant"}, {"name", {{"zh", "新店"}}}, {"county", "shangzhou"}},
               actors.city);
  REQUIRE(added.status == 201);
  CHECK(added.json()["entry"]["id"].get<std::int64_t>() > entry);
  CHECK(tisheng::storage::verifyAudit(*moved.app().database().acquire()).intact);
}

TEST_CASE("With two servers running their scheduler, one at a time runs it", "[postgres]") {
  REQUIRE(onPostgres());
  tisheng::app::Config everySecond;
  everySecond.schedulerIntervalSeconds = 1;
  TestServer a(everySecond);
  auto config = sharing(a);
  config.schedulerIntervalSeconds = 1;
  auto b = std::make_unique<TestServer>(config);
  std::this_thread::sleep_for(std::chrono::milliseconds(3500));
  auto rounds = [](const std::string& log) {
    std::size_t count = 0;
    for (auto at = log.find("scheduler: "); at != std::string::npos;
         at = log.find("scheduler: ", at + 1))
      ++count;
    return count;
  };
  auto onA = rounds(a.accessLog());
  auto onB = rounds(b->accessLog());
  CAPTURE(onA, onB);
  CHECK(onA + onB >= 2);
  CHECK((onA == 0 || onB == 0));
  // When the holder stops, it gives the lease up and the other takes over.
  bool aHeld = onA > 0;
  if (aHeld) {
    a.app().stop();
  } else {
    b->app().stop();
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(2500));
  if (aHeld)
    CHECK(rounds(b->accessLog()) >= 1);
  else
    CHECK(rounds(a.accessLog()) > onA);
}
