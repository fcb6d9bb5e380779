#include <catch2/catch.hpp>

#include "support/Workflow.h"

using tisheng::security::Role;
using tisheng::test::postJson;
using tisheng::test::TestServer;
using Json = nlohmann::ordered_json;

TEST_CASE("The city office creates and renames counties and anyone lists them", "[http]") {
  TestServer server;
  auto city = tisheng::test::loginAs(server, Role::CityAdmin, "city");
  auto created =
      postJson(server, "/api/v1/counties",
               {{"code", "luonan"}, {"name", {{"zh", "洛南县"}, {"en", "Luonan"}}}}, city);
  CHECK(created.status == 201);
  CHECK(created.json()["county"] ==
        Json{{"code", "luonan"}, {"name", {{"zh", "洛南县"}, {"en", "Luonan"}}}});

  // A county office can now be made for it, and entries placed there.
  auto office = tisheng::test::loginAs(server, Role::CountyAdmin, "luonan.office", "luonan");
  auto entry = postJson(server, "/api/v1/entries",
                        {{"category", "restaurant"},
                         {"name", {{"zh", "洛南豆腐坊"}}},
                         {"county", "luonan"},
                         {"address", {{"zh", "城关镇"}}}},
                        office);
  CHECK(entry.status == 201);

  auto renamed = server.client().send("PATCH", "/api/v1/counties/luonan",
                                      R"({"name": {"zh": "洛南县", "en": "Luonan County"}})", city);
  CHECK(renamed.status == 200);
  auto list = server.client().get("/api/v1/counties");  // anonymous
  CHECK(list.status == 200);
  CHECK(list.json()["counties"] ==
        Json::array({{{"code", "luonan"}, {"name", {{"zh", "洛南县"}, {"en", "Luonan County"}}}}}));
}

TEST_CASE("Bad counties are refused naming the field and nothing is written", "[http]") {
  TestServer server;
  auto city = tisheng::test::loginAs(server, Role::CityAdmin, "city");
  REQUIRE(postJson(server, "/api/v1/counties", {{"code", "danfeng"}, {"name", {{"zh", "丹凤县"}}}},
                   city)
              .status == 201);
  auto county = tisheng::test::loginAs(server, Role::CountyAdmin, "office", "danfeng");
  std::string before = tisheng::test::databaseDump(server);
  struct Case {
    std::string body;
    int status;
    std::vector<std::string> fields;
  };
  std::vector<Case> cases{
      {R"({"code": "Danfeng", "name": {"zh": "丹凤"}})", 400, {"code"}},
      {R"({"code": "x", "name": {"zh": "丹凤"}})", 400, {"code"}},
      {R"({"code": "shanyang", "name": {"zh": " 　 "}})", 400, {"name.zh"}},
      {R"({"code": "shanyang", "name": {"zh": "山阳\n县"}})", 400, {"name.zh"}},
      {R"({"code": "shanyang", "name": {"zh": "山阳\u0000"}})", 400, {"name.zh"}},
      {R"({"code": "shanyang", "name": {"en": "Shanyang"}})", 400, {"name.zh"}},
      {R"({"code": "shanyang", "name": "山阳县"})", 400, {"name"}},
      {R"({"code": "shanyang"})", 400, {"name"}},
      {R"({"code": "shanyang", "name": {"zh": "山阳县"}, "seat": 1})", 400, {"seat"}},
      {R"({"code": "danfeng", "name": {"zh": "丹凤县"}})", 409, {}},
  };
  for (const auto& c : cases) {
    CAPTURE(c.body);
    auto reply = server.client().post("/api/v1/counties", c.body, city);
    CHECK(reply.status == c.status);
    CHECK(reply.errorFields() == c.fields);
  }
  CHECK(server.client()
            .post("/api/v1/counties", R"({"code": "shanyang", "name": {"zh": "山阳县"}})", county)
            .status == 403);
  CHECK(server.client()
            .send("PATCH", "/api/v1/counties/nowhere", R"({"name": {"zh": "无"}})", city)
            .status == 404);
  CHECK(tisheng::test::databaseDump(server) == before);
}
