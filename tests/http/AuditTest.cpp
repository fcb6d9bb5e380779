#include <catch2/catch.hpp>

#include "storage/AuditLog.h"
#include "support/Registry.h"
#include "support/Subprocess.h"
#include "support/TempDir.h"
#include "support/Tools.h"

using tisheng::rules::Category;
using tisheng::test::TestServer;

namespace {

std::vector<std::string> actions(TestServer& server) {
  auto db = server.app().database().acquire();
  auto row =
      db->prepare("SELECT action || ' ' || subject || ' by ' || actor FROM audit_log ORDER BY id");
  std::vector<std::string> out;
  while (row.step()) out.push_back(row.text(0));
  return out;
}

/// What someone with write access to the database could do first: take the append-only guard off.
void dropAppendOnlyTriggers(tisheng::storage::Connection& db) {
  bool sqlite = db.dialect() == tisheng::storage::Dialect::Sqlite;
  for (const char* trigger : {"audit_log_no_update", "audit_log_no_delete"})
    db.execute(std::string("DROP TRIGGER ") + trigger + (sqlite ? "" : " ON audit_log"));
}

tisheng::storage::AuditCheck verify(TestServer& server) {
  auto db = server.app().database().acquire();
  return tisheng::storage::verifyAudit(*db);
}

/// Three audited changes: a county, an entry and a certificate.
tisheng::domain::Certificate someHistory(TestServer& server) {
  return tisheng::test::issue(server, tisheng::test::addEntry(server, Category::Homestay, "山居"),
                              Category::Homestay, "jia");
}

}  // namespace

TEST_CASE("Every change writes its audit record with who and what", "[audit]") {
  TestServer server;
  auto cert = someHistory(server);
  server.app().registry().setStatus(cert.serial, tisheng::domain::CertificateStatus::Suspended,
                                    "整改", {"office", server.clock().now()});
  server.client().post(
      "/api/v1/public/complaints",
      R"({"serial": ")" + cert.serial +
          R"(", "category": "service", "description": "服务态度很差，而且乱收费"})");
  tisheng::test::loginAs(server, tisheng::security::Role::CityAdmin, "city");
  CHECK(actions(server) ==
        std::vector<std::string>{
            "county.create county:shangzhou by test", "entry.create entry:1 by test",
            "certificate.issue certificate:" + cert.serial + " by test",
            "certificate.status certificate:" + cert.serial + " by office",
            "complaint.file complaint:1 by public:127.0.0.1", "user.create user:city by test"});
  auto db = server.app().database().acquire();
  auto status =
      db->prepare("SELECT before, after FROM audit_log WHERE action = 'certificate.status'");
  REQUIRE(status.step());
  CHECK(status.text(0) == R"({"status":"active","reason":null})");
  CHECK(status.text(1) == R"({"status":"suspended","reason":"整改"})");
  auto check = verify(server);
  CHECK(check.intact);
  CHECK(check.rows == 6);
}

TEST_CASE("A change that fails writes no audit record", "[audit]") {
  TestServer server;
  auto cert = someHistory(server);
  auto before = actions(server);
  auto& registry = server.app().registry();
  CHECK_FALSE(registry.setStatus("SL-MS-2026-999999", tisheng::domain::CertificateStatus::Revoked,
                                 std::nullopt, {"office", 0}));
  tisheng::domain::Entry elsewhere;
  elsewhere.name = {"无处", "Nowhere"};
  elsewhere.countyCode = "atlantis";
  CHECK_THROWS_AS(registry.addEntry(elsewhere, {"office", 0}), tisheng::storage::ConstraintError);
  tisheng::domain::Certificate draft;
  draft.entryId = cert.entryId;
  draft.issuedOn = draft.validUntil = 20000;
  CHECK_THROWS(registry.issue(
      draft, "SL", [](const auto&) -> std::string { throw std::runtime_error("hsm down"); },
      {"office", 0}));
  CHECK(actions(server) == before);
  CHECK(verify(server).intact);
}

TEST_CASE("The audit log refuses updates and deletes", "[audit]") {
  TestServer server;
  someHistory(server);
  auto db = server.app().database().acquire();
  CHECK_THROWS_WITH(db->execute("UPDATE audit_log SET actor = 'nobody'"),
                    Catch::Contains("append-only"));
  CHECK_THROWS_WITH(db->execute("DELETE FROM audit_log WHERE id = 1"),
                    Catch::Contains("append-only"));
}

TEST_CASE("audit verify detects an edited or deleted row", "[audit]") {
  TestServer server;
  someHistory(server);
  auto env = server.commandEnvironment();
  auto intact = tisheng::test::runTisheng({"audit", "verify"}, env);
  CHECK(intact.exitCode == 0);
  CHECK(intact.out.rfind("audit trail intact: 3 rows, head ", 0) == 0);
  { dropAppendOnlyTriggers(*server.app().database().acquire()); }
  SECTION("edited") {
    server.app().database().acquire()->execute(
        "UPDATE audit_log SET after = replace(after, 'jia', 'yi') WHERE id = 3");
    auto check = verify(server);
    CHECK_FALSE(check.intact);
    CHECK(check.firstBadRow == 3);
    CHECK(check.problem == "its content does not match its hash (edited)");
    auto broken = tisheng::test::runTisheng({"audit", "verify"}, env);
    CHECK(broken.exitCode == 1);
    CHECK(broken.out ==
          "audit trail BROKEN at row 3: its content does not match its hash (edited)\n");
  }
  SECTION("deleted") {
    server.app().database().acquire()->execute("DELETE FROM audit_log WHERE id = 2");
    auto check = verify(server);
    CHECK_FALSE(check.intact);
    CHECK(check.firstBadRow == 3);
    CHECK(check.problem == "row 2 is missing");
  }
  SECTION("rewritten with a fresh hash") {
    server.app().database().acquire()->execute(
        "UPDATE audit_log SET actor = 'someone', hash = 'x' WHERE id = 2");
    auto check = verify(server);
    CHECK(check.firstBadRow == 2);
  }
}

namespace {

/// What someone with write access to the database could do: rewrite the whole trail with row
/// 3 changed and every hash recomputed, so that the chain on its own still verifies.
void rewriteTrailConsistently(TestServer& server) {
  auto db = server.app().database().acquire();
  dropAppendOnlyTriggers(*db);
  struct Row {
    tisheng::storage::Stamp stamp;
    tisheng::storage::AuditRecord record;
  };
  std::vector<Row> rows;
  auto read =
      db->prepare("SELECT at, actor, action, subject, before, after FROM audit_log ORDER BY id");
  while (read.step())
    rows.push_back({{read.text(1), read.integer(0)},
                    {read.text(2), read.text(3), read.optionalText(4), read.optionalText(5)}});
  db->execute("DELETE FROM audit_log");
  rows[2].record.after = "{\"grade\":\"forged\"}";
  for (const auto& row : rows) tisheng::storage::appendAudit(*db, row.stamp, row.record);
}

}  // namespace

TEST_CASE("Signed checkpoints prove the trail was not rewritten since", "[audit]") {
  TestServer server;
  someHistory(server);
  auto made = server.app().audit().checkpoint(server.clock().now());
  CHECK(made.head.rows == 3);
  auto published = server.client().get("/api/v1/public/audit/checkpoints/latest");
  CHECK(published.status == 200);
  CHECK(published.header("Content-Type") == "application/jose");
  CHECK(published.body == made.jws);
  auto list = server.client().get("/api/v1/public/audit/checkpoints").json()["checkpoints"];
  CHECK(list.size() == 1);
  CHECK(list[0]["head"] == made.head.hash);

  tisheng::test::TempDir dir;
  auto file = tisheng::test::writeFile(dir.path() / "checkpoint.jws", published.body + "\n");
  auto jwks = tisheng::test::writeFile(dir.path() / "jwks.json",
                                       server.client().get("/.well-known/jwks.json").body);
  auto env = server.commandEnvironment();
  tisheng::test::loginAs(server, tisheng::security::Role::CityAdmin, "later");  // trail grows
  for (const auto& keys : {std::vector<std::string>{}, {"--keys", jwks.string()}}) {
    std::vector<std::string> args{"audit", "verify", "--checkpoint", file.string()};
    args.insert(args.end(), keys.begin(), keys.end());
    auto extends = tisheng::test::runTisheng(args, env);
    CAPTURE(extends.out, extends.err);
    CHECK(extends.exitCode == 0);
    CHECK(extends.out.find("extends the checkpoint of ") == 0);
    CHECK(extends.out.find("(3 rows)\naudit trail intact: 4 rows") != std::string::npos);
  }
  // A forged checkpoint is refused outright.
  auto forged = tisheng::test::writeFile(
      dir.path() / "forged.jws", published.body.substr(0, published.body.size() - 4) + "AAAA");
  CHECK(tisheng::test::runTisheng({"audit", "verify", "--checkpoint", forged.string()}, env)
            .exitCode == 2);

  rewriteTrailConsistently(server);
  CHECK(verify(server).intact);  // the chain alone cannot tell
  auto caught = tisheng::test::runTisheng({"audit", "verify", "--checkpoint", file.string()}, env);
  CHECK(caught.exitCode == 1);
  CHECK(caught.out ==
        "audit trail BROKEN at row 3: differs from the checkpoint's head: the chain was "
        "rewritten\n");
  server.app().database().acquire()->execute("DELETE FROM audit_log WHERE id >= 2");
  auto cut = tisheng::test::runTisheng({"audit", "verify", "--checkpoint", file.string()}, env);
  CHECK(cut.out ==
        "audit trail BROKEN at row 2: the chain has 1 rows, the checkpoint 3: rows were cut off\n");
}

TEST_CASE("audit checkpoint signs the head and the scheduler makes one a day", "[audit]") {
  TestServer server;
  auto env = server.commandEnvironment();
  CHECK_FALSE(server.app().audit().checkpointIfDue(server.clock().now()));  // nothing to sign
  someHistory(server);
  auto printed = tisheng::test::runTisheng({"audit", "checkpoint"}, env);
  CHECK(printed.exitCode == 0);
  CHECK(printed.out.size() > 100);
  auto first = server.app().audit().recent(5);
  REQUIRE(first.size() == 1);
  CHECK(first[0].jws + "\n" == printed.out);
  server.clock().set(first[0].at + 3600);  // the command ran on the real clock
  CHECK_FALSE(server.app().audit().checkpointIfDue(server.clock().now()));  // made just now
  server.clock().set(first[0].at + 86400);
  auto daily = server.app().audit().checkpointIfDue(server.clock().now());
  REQUIRE(daily);
  CHECK(daily->head.rows == 3);
  CHECK(server.app().audit().recent(5).size() == 2);
}

TEST_CASE("Audit rows that change nothing are not written", "[audit]") {
  TestServer server;
  auto db = server.app().database().acquire();
  tisheng::storage::appendAudit(*db, {"test", 1},
                                {"entry.update", "entry:1", "{\"a\":1}", "{\"a\":1}"});
  tisheng::storage::appendAudit(*db, {"test", 1},
                                {"entry.update", "entry:1", "{\"a\":1}", "{\"a\":2}"});
  CHECK(tisheng::storage::verifyAudit(*db).rows == 1);
}
