#include <catch2/catch.hpp>
#include <regex>

#include "certificates/CivilDate.h"
#include "certificates/OfflineVerifier.h"
#include "services/Errors.h"
#include "storage/Sqlite.h"
#include "support/Registry.h"
#include "support/Tools.h"

using tisheng::rules::Category;
using tisheng::test::addEntry;
using tisheng::test::issue;
using tisheng::test::TestServer;
using Json = nlohmann::ordered_json;
using tisheng::domain::CertificateStatus;

namespace {
bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}
}  // namespace

TEST_CASE("Issued certificates get serials per category and year and the standard's validity",
          "[http]") {
  TestServer server;
  auto a = issue(server, addEntry(server, Category::Homestay, "山居"), Category::Homestay, "jia");
  auto b = issue(server, addEntry(server, Category::Homestay, "小院"), Category::Homestay, "yi");
  auto c = issue(server, addEntry(server, Category::Restaurant, "饭庄"), Category::Restaurant, "a");
  CHECK(a.serial == "SL-MS-2026-000001");
  CHECK(b.serial == "SL-MS-2026-000002");
  CHECK(c.serial == "SL-CY-2026-000001");
  CHECK(tisheng::certificates::isoDate(a.issuedOn) == "2026-11-18");
  CHECK(tisheng::certificates::isoDate(a.validUntil) == "2029-11-17");  // 36 months
  CHECK(tisheng::certificates::isoDate(c.validUntil) == "2028-11-17");  // 24 months
  CHECK(a.gradeRank == 1);
  CHECK(b.gradeRank == 2);
  CHECK(a.token.size() == 133);
}

TEST_CASE("Issuing checks the entry and grade and the key's expiry", "[http]") {
  tisheng::app::Config config;
  config.keyLifetimeDays = 400;  // shorter than a homestay certificate
  TestServer server(config);
  auto homestay = addEntry(server, Category::Homestay, "山居");
  CHECK_THROWS_AS(issue(server, homestay, Category::Homestay, "platinum"),
                  tisheng::services::Invalid);
  CHECK_THROWS_AS(issue(server, 999, Category::Homestay, "jia"), tisheng::services::NotFound);
  CHECK_THROWS_AS(issue(server, homestay, Category::Restaurant, "a"), tisheng::services::Invalid);
  CHECK_THROWS_AS(issue(server, homestay, Category::Homestay, "jia"), tisheng::services::Conflict);
  CHECK_FALSE(server.app().registry().certificateBySerial("SL-MS-2026-000001"));
}

TEST_CASE("Nothing is stored when signing fails", "[storage]") {
  TestServer server;
  auto entry = addEntry(server, Category::Product, "核桃");
  tisheng::domain::Certificate draft;
  draft.entryId = entry;
  draft.standardId = "product";
  draft.standardVersion = 1;
  draft.grade = "first";
  draft.issuedOn = draft.validUntil = 20000;
  draft.keyId = "k";
  auto& registry = server.app().registry();
  CHECK_THROWS(registry.issue(
      draft, "SL", [](const auto&) -> std::string { throw std::runtime_error("hsm down"); },
      {"test", 0}));
  CHECK(registry.lastCertificateId() == 0);
  auto issued = issue(server, entry, Category::Product, "first");
  CHECK(issued.serial == "SL-CP-2026-000001");  // the failed attempt used no number
  CHECK(issued.id == 1);
}

TEST_CASE("The verification page shows a genuine valid plaque with its registry details",
          "[http]") {
  TestServer server;
  auto cert =
      issue(server, addEntry(server, Category::Homestay, "牧护关秦岭山居", "Muhuguan Lodge"),
            Category::Homestay, "jia");
  auto page = server.client().get("/c/" + cert.token);
  CHECK(page.status == 200);
  CHECK(page.header("Content-Type") == "text/html; charset=utf-8");
  CHECK(contains(page.body, "✔ 真实有效"));
  CHECK(contains(page.body, "牧护关秦岭山居"));
  CHECK(contains(page.body, "SL-MS-2026-000001"));
  CHECK(contains(page.body, "甲级"));
  CHECK(contains(page.body, "有效期至 2029年11月17日"));  // as readers write dates
  CHECK(contains(page.body, "商洛市三个提升工作专班办公室"));
  CHECK(contains(page.body, "/complaints/new?serial=SL-MS-2026-000001"));
  CHECK_FALSE(contains(page.body, "<script"));
  CHECK(page.body.size() < 8000);
  CHECK(contains(page.header("Content-Security-Policy"), "style-src 'sha256-"));

  std::string lower = cert.token;
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  CHECK(contains(server.client().get("/c/" + lower).body, "✔ 真实有效"));
  auto english = server.client().get("/c/" + cert.token + "?lang=en");
  CHECK(contains(english.body, "Genuine and valid"));
  CHECK(contains(english.body, "valid until 17 Nov 2029"));
  CHECK_FALSE(contains(english.body, "真实有效"));  // one language per page
  CHECK(contains(english.header("Set-Cookie"), "lang=en"));
}

TEST_CASE("Suspended revoked expired and superseded plaques show as such", "[http]") {
  TestServer server;
  auto cert = issue(server, addEntry(server, Category::Restaurant, "洛南豆腐坊"),
                    Category::Restaurant, "b");
  auto& registry = server.app().registry();
  auto json = [&] { return server.client().get("/api/v1/public/verify/" + cert.token).json(); };
  CHECK(json()["status"] == "active");

  registry.setStatus(cert.serial, CertificateStatus::Suspended, "冷库温度不达标",
                     {"test", server.clock().now()});
  auto suspended = json();
  CHECK(suspended["genuine"] == true);
  CHECK(suspended["status"] == "suspended");
  CHECK(suspended["status_reason"] == "冷库温度不达标");
  CHECK(suspended["status_since"] == "2026-11-18T11:06:40Z");
  auto page = server.client().get("/c/" + cert.token).body;
  CHECK(contains(page, "暂停使用"));
  CHECK(contains(page, "冷库温度不达标"));
  CHECK(contains(page, "class=\"verdict suspended\""));

  registry.setStatus(cert.serial, CertificateStatus::Revoked, "食品安全事故",
                     {"test", server.clock().now()});
  CHECK(json()["status"] == "revoked");
  CHECK(contains(server.client().get("/c/" + cert.token).body, "class=\"verdict revoked\""));

  registry.setStatus(cert.serial, CertificateStatus::Superseded, std::nullopt,
                     {"test", server.clock().now()});
  CHECK(json()["status"] == "superseded");

  registry.setStatus(cert.serial, CertificateStatus::Active, std::nullopt,
                     {"test", server.clock().now()});
  server.clock().advanceDays(365 * 2);
  CHECK(json()["status"] == "active");  // the last valid day
  server.clock().advanceDays(1);
  CHECK(json()["status"] == "expired");
  CHECK(contains(server.client().get("/c/" + cert.token).body, "class=\"verdict expired\""));
}

TEST_CASE("Forged altered or unknown tokens get the not-genuine page and never a 500", "[http]") {
  TestServer server;
  auto cert = issue(server, addEntry(server, Category::Homestay, "山居"), Category::Homestay, "yi");
  std::string altered = cert.token;
  altered[40] = altered[40] == 'A' ? 'B' : 'A';
  for (const std::string& token :
       {altered, cert.token.substr(0, 132), std::string("AAAA"), std::string(5000, 'Z'),
        std::string("%E2%9C%93"), std::string("%00")}) {
    CAPTURE(token.substr(0, 40));
    auto page = server.client().get("/c/" + token);
    CHECK(page.status == 200);
    CHECK(contains(page.body, "非真实牌匾"));
    auto json = server.client().get("/api/v1/public/verify/" + token);
    CHECK(json.status == 200);
    CHECK(json.json()["genuine"] == false);
    CHECK(json.json()["status"] == "not_genuine");
  }
  // Extra path segments are another (unknown) resource, answered like any other.
  CHECK(server.client().get("/c/..%2F..%2Fetc%2Fpasswd").status == 404);
}

TEST_CASE("Plaques decode to the verification URL and carry the name and serial", "[http]") {
  TestServer server;
  auto cert = issue(server, addEntry(server, Category::Product, "商洛核桃", "Shangluo Walnuts"),
                    Category::Product, "premium");
  std::string url = "https://v.example.cn/c/" + cert.token;
  std::string base = "/api/v1/certificates/" + cert.serial;
  tisheng::test::TempDir dir;
  auto office = tisheng::test::loginAs(server, tisheng::security::Role::CityAdmin, "office");
  auto get = [&](const std::string& target) { return server.client().get(target, office); };

  auto png = get(base + "/plaque.png");
  CHECK(png.status == 200);
  CHECK(png.header("Content-Type") == "image/png");
  CHECK(tisheng::test::decodeQr(tisheng::test::writeFile(dir.path() / "p.png", png.body)) == url);

  auto pdf = get(base + "/plaque.pdf");
  CHECK(pdf.header("Content-Type") == "application/pdf");
  std::string text = tisheng::test::shell(
      "pdftotext '" + tisheng::test::writeFile(dir.path() / "p.pdf", pdf.body).string() + "' -");
  CHECK(contains(text, "商洛核桃"));
  CHECK(contains(text, "SL-CP-2026-000001"));
  CHECK(contains(text, "特级"));
  CHECK(contains(text, "特色产品"));

  auto svg = get(base + "/plaque.svg");
  CHECK(svg.header("Content-Type") == "image/svg+xml");
  CHECK(contains(svg.body, "<svg"));

  auto qr = get(base + "/qr.png");
  CHECK(tisheng::test::decodeQr(tisheng::test::writeFile(dir.path() / "q.png", qr.body)) == url);
  CHECK(contains(get(base + "/qr.svg").body, "<path"));
  CHECK(get("/api/v1/certificates/SL-CP-2026-999999/plaque.pdf").status == 404);
}

TEST_CASE("Only the entry's offices and owner may download its plaque", "[http]") {
  TestServer server;
  auto entry = addEntry(server, Category::Homestay, "山居");  // in shangzhou
  auto cert = issue(server, entry, Category::Homestay, "jia");
  using tisheng::security::Role;
  auto owner = tisheng::test::loginAs(server, Role::Business, "owner");
  tisheng::test::setOwner(server, entry, "owner");
  server.app().registry().addCounty("luonan", {"洛南县", "Luonan County"}, {"test", 0});
  struct Case {
    const char* who;
    std::map<std::string, std::string> headers;
    int status;
  };
  std::vector<Case> cases{
      {"anonymous", {}, 401},
      {"owner", owner, 200},
      {"another business", tisheng::test::loginAs(server, Role::Business, "rival"), 403},
      {"city admin", tisheng::test::loginAs(server, Role::CityAdmin, "city"), 200},
      {"county admin here", tisheng::test::loginAs(server, Role::CountyAdmin, "here", "shangzhou"),
       200},
      {"county admin elsewhere",
       tisheng::test::loginAs(server, Role::CountyAdmin, "there", "luonan"), 403},
      {"inspector", tisheng::test::loginAs(server, Role::Inspector, "insp", "shangzhou"), 403},
  };
  for (const auto& c : cases)
    for (const char* file : {"plaque.pdf", "plaque.svg", "plaque.png", "qr.svg", "qr.png"}) {
      CAPTURE(c.who, file);
      CHECK(server.client()
                .get("/api/v1/certificates/" + cert.serial + "/" + file, c.headers)
                .status == c.status);
    }
}

TEST_CASE("The published JWKS verifies plaques offline and the status list tells their status",
          "[http]") {
  TestServer server;
  auto good = issue(server, addEntry(server, Category::Homestay, "甲"), Category::Homestay, "jia");
  auto bad = issue(server, addEntry(server, Category::Homestay, "乙"), Category::Homestay, "bing");
  server.app().registry().setStatus(bad.serial, CertificateStatus::Revoked, "摘牌",
                                    {"test", server.clock().now()});

  auto jwks = server.client().get("/.well-known/jwks.json");
  CHECK(jwks.status == 200);
  auto keys = tisheng::certificates::fromJwks(jwks.json());
  REQUIRE(keys.size() == 1);
  auto verdict = tisheng::certificates::verifyOffline(good.token, keys, server.clock().now());
  CHECK(verdict.genuine);
  CHECK(verdict.claims->certificateId == good.id);

  auto statusList = server.client().get("/api/v1/public/status-list");
  CHECK(statusList.header("Content-Type") == "application/jose");
  auto list = tisheng::certificates::openStatusList(statusList.body, keys);
  CHECK(list.issuedUpTo == 2);
  CHECK(list.statusOf(static_cast<std::uint32_t>(good.id)) == CertificateStatus::Active);
  CHECK(list.statusOf(static_cast<std::uint32_t>(bad.id)) == CertificateStatus::Revoked);
  CHECK(list.asOf == TestServer::kStart);
}

TEST_CASE("A database newer than the binary is refused", "[sqlite]") {
  tisheng::test::TempDir dir;
  { tisheng::storage::openSqlite(dir.path() / "tisheng.db")->execute("PRAGMA user_version = 99"); }
  tisheng::app::Config config;
  config.http.port = 0;
  config.dataDir = dir.path();
  config.rulesDir = tisheng::test::sourceDir() / "rating-rules/standards";
  std::ostringstream log;
  tisheng::domain::ManualClock clock(TestServer::kStart);
  CHECK_THROWS_WITH(tisheng::app::App(config, log, clock),
                    Catch::Contains("database schema version 99 is newer than this build"));
}
