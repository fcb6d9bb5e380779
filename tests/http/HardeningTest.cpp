#include <catch2/catch.hpp>

#include "support/Registry.h"
#include "support/Workflow.h"

using tisheng::test::TestServer;

namespace {

/// The anonymous crash: a hundred thousand '[' (closed or not) then another key.
std::string deeplyNested(const std::string& firstKey, bool closed) {
  return "{\"" + firstKey + "\": " + std::string(100000, '[') +
         (closed ? std::string(100000, ']') : "") + ", \"x\": 1}";
}

}  // namespace

TEST_CASE("Deeply nested JSON to public endpoints is refused and the server lives", "[http]") {
  TestServer server;
  for (const char* target :
       {"/api/v1/login", "/api/v1/public/complaints", "/api/v1/standards/homestay/evaluate"})
    for (bool closed : {true, false}) {
      CAPTURE(target, closed);
      auto reply = server.client().post(target, deeplyNested("username", closed));
      CHECK(reply.status == 400);
      CHECK(reply.errorFields() ==
            std::vector<std::string>{"username[0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0]"
                                     "[0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0]"
                                     "[0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0]"
                                     "[0][0][0][0][0][0]"});
      CHECK(reply.json()["error"]["fields"][0]["message"] == "nested deeper than 64 levels");
    }
  CHECK(server.client().get("/healthz").status == 200);
}

TEST_CASE("Numbers out of range duplicate keys and NUL are a 400 naming the field", "[http]") {
  TestServer server;
  auto client = server.client();
  auto huge = client.post("/api/v1/standards/homestay/evaluate",
                          R"({"scores": {"m.licences": "pass", "b.rooms": 1e400}})");
  CHECK(huge.status == 400);
  CHECK(huge.errorFields() == std::vector<std::string>{"scores.b.rooms"});
  CHECK(huge.json()["error"]["fields"][0]["message"] == "number out of range");

  auto negative = client.post("/api/v1/login", R"({"username": -1e400, "password": "x"})");
  CHECK(negative.status == 400);
  CHECK(negative.errorFields() == std::vector<std::string>{"username"});

  auto duplicate = client.post("/api/v1/login",
                               R"({"username": "admin", "username": "other", "password": "x"})");
  CHECK(duplicate.status == 400);
  CHECK(duplicate.errorFields() == std::vector<std::string>{"username"});
  CHECK(duplicate.json()["error"]["fields"][0]["message"] == "duplicate key");

  auto nul = client.post("/api/v1/login", R"({"username": "ad\u0000min", "password": "x"})");
  CHECK(nul.status == 400);
  CHECK(nul.errorFields() == std::vector<std::string>{"username"});
  CHECK(server.client().get("/healthz").status == 200);
}

TEST_CASE("Ids in paths are canonical decimals only", "[http]") {
  TestServer server;
  auto entry = tisheng::test::addEntry(server, tisheng::rules::Category::Homestay, "山居");
  REQUIRE(entry == 1);
  auto city = tisheng::test::loginAs(server, tisheng::security::Role::CityAdmin, "city");
  CHECK(server.client().get("/api/v1/entries/1", city).status == 200);
  for (const char* id : {"01", "+1", "1%00", "1.0", "%201", "1e0", "0x1", "99999999999999999999"}) {
    CAPTURE(id);
    CHECK(server.client().get(std::string("/api/v1/entries/") + id, city).status == 404);
    CHECK(server.client().get(std::string("/media/entries/") + id).status == 404);
    CHECK(server.client().get(std::string("/api/v1/inspections/") + id, city).status == 404);
  }
}

TEST_CASE("Blank names and control characters are refused in JSON and forms", "[http]") {
  TestServer server;
  auto entry = tisheng::test::addEntry(server, tisheng::rules::Category::Homestay, "山居");
  auto cert = tisheng::test::issue(server, entry, tisheng::rules::Category::Homestay, "jia");
  auto city = tisheng::test::loginAs(server, tisheng::security::Role::CityAdmin, "city");
  std::string before = tisheng::test::databaseDump(server);
  auto patch = [&](const std::string& body) {
    return server.client().send("PATCH", "/api/v1/entries/1", body, city);
  };
  CHECK(patch(R"({"name": {"zh": "   "}})").errorFields() == std::vector<std::string>{"name.zh"});
  CHECK(patch(R"({"name": {"zh": "\u3000\u3000"}})").errorFields() ==
        std::vector<std::string>{"name.zh"});
  CHECK(patch(R"({"name": {"zh": "山居\u0007"}})").errorFields() ==
        std::vector<std::string>{"name.zh"});
  CHECK(patch(R"({"name": {"zh": "山\n居"}})").errorFields() ==
        std::vector<std::string>{"name.zh"});
  CHECK(patch(R"({"contact": "139\u001b[2J"})").errorFields() ==
        std::vector<std::string>{"contact"});
  // A percent-encoded NUL in a form (the complaint form) is refused too.
  auto form = server.client().post("/complaints/new",
                                   "serial=" + cert.serial +
                                       "&category=hygiene&description=%E5%90%8E%E5%8E%A8%00%E6%9C%"
                                       "89%E8%80%81%E9%BC%A0%E5%BE%88%E8%84%8F",
                                   {{"Content-Type", "application/x-www-form-urlencoded"}});
  CHECK(form.status == 400);
  auto complaint = server.client().post(
      "/api/v1/public/complaints",
      nlohmann::json{
          {"serial", cert.serial}, {"category", "hygiene"}, {"description", "          "}}
          .dump());
  CHECK(complaint.errorFields() == std::vector<std::string>{"description"});
  CHECK(tisheng::test::databaseDump(server) == before);
  CHECK(patch(R"({"description": {"zh": "第一行\n第二行"}})").status == 200);  // multiline text
}

TEST_CASE("No plaque is printed for a certificate that is not active", "[http]") {
  TestServer server;
  auto entry = tisheng::test::addEntry(server, tisheng::rules::Category::Homestay, "山居");
  auto cert = tisheng::test::issue(server, entry, tisheng::rules::Category::Homestay, "jia");
  auto owner = tisheng::test::loginAs(server, tisheng::security::Role::Business, "owner");
  tisheng::test::setOwner(server, entry, "owner");
  auto city = tisheng::test::loginAs(server, tisheng::security::Role::CityAdmin, "city");
  std::string base = "/api/v1/certificates/" + cert.serial + "/";
  CHECK(server.client().get(base + "plaque.pdf", owner).status == 200);
  server.app().registry().setStatus(cert.serial, tisheng::domain::CertificateStatus::Revoked,
                                    "摘牌", {"test", server.clock().now()});
  for (const char* file : {"plaque.pdf", "plaque.svg", "plaque.png", "qr.svg", "qr.png"})
    for (const auto* who : {&owner, &city}) {
      CAPTURE(file);
      auto refused = server.client().get(base + file, *who);
      CHECK(refused.status == 409);
      CHECK(refused.json()["error"]["detail"] ==
            "certificate " + cert.serial + " is revoked; no plaque is printed for it");
    }
}
