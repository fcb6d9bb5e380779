#include <catch2/catch.hpp>

#include "support/Registry.h"

using tisheng::rules::Category;
using tisheng::test::TestServer;
using Json = nlohmann::ordered_json;

namespace {
bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

int complaintCount(TestServer& server) {
  auto db = server.app().database().acquire();
  auto row = db->prepare("SELECT COUNT(*) FROM complaints");
  row.step();
  return static_cast<int>(row.integer(0));
}
}  // namespace

TEST_CASE("The plaque page's complaint link opens a form that files a complaint", "[http]") {
  TestServer server;
  auto cert = tisheng::test::issue(
      server, tisheng::test::addEntry(server, Category::Restaurant, "洛南豆腐坊"),
      Category::Restaurant, "a");
  auto form = server.client().get("/complaints/new?serial=" + cert.serial);
  CHECK(form.status == 200);
  CHECK(contains(form.body, "洛南豆腐坊"));
  CHECK(contains(form.body, "<form class=\"card\" method=\"post\" action=\"/complaints/new\""));
  CHECK(contains(form.body, "name=\"serial\" value=\"" + cert.serial + "\""));
  CHECK_FALSE(contains(form.body, "<script"));

  std::string body = "serial=" + cert.serial + "&category=hygiene&description=" +
                     "%E5%90%8E%E5%8E%A8%E6%9C%89%E8%80%81%E9%BC%A0%EF%BC%8C%E9%A4%90%E5%85%B7%E6%"
                     "9C%AA%E6%B6%88%E6%AF%92" +
                     "&contact=138+0000+0000";
  auto filed = server.client().post("/complaints/new", body,
                                    {{"Content-Type", "application/x-www-form-urlencoded"}});
  CHECK(filed.status == 201);
  CHECK(contains(filed.body, "TS-C-000001"));
  auto db = server.app().database().acquire();
  auto row =
      db->prepare("SELECT category, description, contact, status, certificate_id FROM complaints");
  REQUIRE(row.step());
  CHECK(row.text(0) == "hygiene");
  CHECK(row.text(1) == "后厨有老鼠，餐具未消毒");
  CHECK(row.text(2) == "138 0000 0000");
  CHECK(row.text(3) == "new");
  CHECK(row.integer(4) == cert.id);
}

TEST_CASE("A bad complaint form comes back with its input and the problems", "[http]") {
  TestServer server;
  auto cert =
      tisheng::test::issue(server, tisheng::test::addEntry(server, Category::Homestay, "山居"),
                           Category::Homestay, "yi");
  auto reply = server.client().post(
      "/complaints/new", "serial=" + cert.serial + "&category=noise&description=bad&contact=",
      {{"Content-Type", "application/x-www-form-urlencoded"}});
  CHECK(reply.status == 400);
  // Beside each field, in the page's language.
  CHECK(contains(reply.body, "id=\"category-error\">请选择问题类型"));
  CHECK(contains(reply.body, "id=\"description-error\">请写明发生了什么，至少 10 个字"));
  auto english =
      server.client().post("/complaints/new?lang=en",
                           "serial=" + cert.serial + "&category=noise&description=bad&contact=",
                           {{"Content-Type", "application/x-www-form-urlencoded"}});
  CHECK(contains(english.body, "choose one of the listed categories"));
  CHECK(contains(english.body, "10 to 2000 characters"));
  CHECK(contains(reply.body, ">bad</textarea>"));
  auto unknown = server.client().post(
      "/complaints/new", "serial=SL-MS-2026-999999&category=other&description=0123456789",
      {{"Content-Type", "application/x-www-form-urlencoded"}});
  CHECK(unknown.status == 404);
  CHECK(server.client().get("/complaints/new?serial=SL-MS-2026-999999").status == 404);
  CHECK(complaintCount(server) == 0);
}

TEST_CASE("Complaints by JSON are validated and rate limited per address", "[http]") {
  TestServer server;
  auto cert =
      tisheng::test::issue(server, tisheng::test::addEntry(server, Category::Product, "核桃"),
                           Category::Product, "first");
  Json complaint{{"serial", cert.serial},
                 {"category", "false_advertising"},
                 {"description", "包装上写有机，但没有有机认证标志"}};
  auto file = [&](const Json& body) {
    return server.client().post("/api/v1/public/complaints", body.dump());
  };
  auto first = file(complaint);
  CHECK(first.status == 201);
  CHECK(first.json()["reference"] == "TS-C-000001");

  Json wrong = complaint;
  wrong["category"] = 3;
  wrong["mood"] = "angry";
  auto bad = file(wrong);
  CHECK(bad.status == 400);
  CHECK(bad.json()["error"]["fields"].size() == 2);
  Json byEntry{
      {"entry_id", cert.entryId}, {"category", "other"}, {"description", "一二三四五六七八九十"}};
  CHECK(file(byEntry).status == 201);

  for (int i = 0; i < 3; ++i) CHECK(file(complaint).status == 201);
  auto limited = file(complaint);
  CHECK(limited.status == 429);
  CHECK(limited.header("Retry-After") == "3600");
  CHECK(complaintCount(server) == 5);
  server.clock().advanceDays(1);
  CHECK(file(complaint).status == 201);
}
