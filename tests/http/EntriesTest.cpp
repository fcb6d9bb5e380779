#include <catch2/catch.hpp>

#include "support/Registry.h"

using tisheng::security::Role;
using tisheng::test::TestServer;
using Json = nlohmann::ordered_json;

namespace {

void counties(TestServer& server) {
  server.app().registry().addCounty("shangzhou", {"商州区", "Shangzhou District"}, {"test", 0});
  server.app().registry().addCounty("luonan", {"洛南县", "Luonan County"}, {"test", 0});
}

const Json kHomestay{{"category", "homestay"},
                     {"name", {{"zh", "牧护关秦岭山居"}, {"en", "Muhuguan Lodge"}}},
                     {"county", "shangzhou"},
                     {"address", {{"zh", "牧护关镇"}, {"en", "Muhuguan Town"}}},
                     {"location", {{"lat", 33.95}, {"lon", 109.72}}},
                     {"contact", "0914-1234567"}};

}  // namespace

TEST_CASE("A county office creates an entry in its county with a stable id", "[http]") {
  TestServer server;
  counties(server);
  auto office = tisheng::test::loginAs(server, Role::CountyAdmin, "sz.office", "shangzhou");
  auto created = server.client().post("/api/v1/entries", kHomestay.dump(), office);
  REQUIRE(created.status == 201);
  auto entry = created.json()["entry"];
  CHECK(entry["id"] == 1);
  CHECK(entry["name"]["zh"] == "牧护关秦岭山居");
  CHECK(entry["county_name"]["en"] == "Shangzhou District");
  CHECK(entry["location"]["lat"] == 33.95);
  CHECK(server.client().get("/api/v1/entries/1", office).json()["entry"] == entry);

  Json elsewhere = kHomestay;
  elsewhere["county"] = "luonan";
  CHECK(server.client().post("/api/v1/entries", elsewhere.dump(), office).status == 403);
  auto city = tisheng::test::loginAs(server, Role::CityAdmin, "city");
  CHECK(server.client().post("/api/v1/entries", elsewhere.dump(), city).status == 201);
  auto inspector = tisheng::test::loginAs(server, Role::Inspector, "insp", "shangzhou");
  CHECK(server.client().post("/api/v1/entries", kHomestay.dump(), inspector).status == 403);
  CHECK(server.client().post("/api/v1/entries", kHomestay.dump()).status == 401);

  // Each sees its own scope.
  CHECK(server.client().get("/api/v1/entries", city).json()["entries"].size() == 2);
  CHECK(server.client().get("/api/v1/entries", office).json()["entries"].size() == 1);
  CHECK(server.client().get("/api/v1/entries", inspector).json()["entries"].size() == 1);
  CHECK(server.client().get("/api/v1/entries/2", office).status == 403);
  CHECK(server.client().get("/api/v1/entries?county=luonan", office).status == 403);
  CHECK(server.client().get("/api/v1/entries?category=product", city).json()["entries"].empty());
}

TEST_CASE("Bad entries get 400 naming each field and nothing is stored", "[http]") {
  TestServer server;
  counties(server);
  auto city = tisheng::test::loginAs(server, Role::CityAdmin, "city");
  auto post = [&](const Json& body) {
    return server.client().post("/api/v1/entries", body.dump(), city);
  };
  CHECK(post(Json::object()).errorFields() ==
        std::vector<std::string>{"category", "name", "county"});
  Json bad = kHomestay;
  bad["category"] = "hotel";
  bad["name"] = {{"zh", ""}};
  bad["location"] = {{"lat", 123}, {"lon", 0}};
  bad["rating"] = 5;
  bad["producer"] = "某公司";
  CHECK(post(bad).errorFields() ==
        std::vector<std::string>{"category", "name.zh", "location", "rating", "producer"});
  Json unknownCounty = kHomestay;
  unknownCounty["county"] = "atlantis";
  CHECK(post(unknownCounty).errorFields() == std::vector<std::string>{"county"});
  Json noOwner = kHomestay;
  noOwner["owner"] = "nobody";
  CHECK(post(noOwner).errorFields() == std::vector<std::string>{"owner"});
  CHECK(server.client().get("/api/v1/entries", city).json()["entries"].empty());
}

TEST_CASE("Owners edit contact and description and offices change the owner", "[http]") {
  TestServer server;
  counties(server);
  auto office = tisheng::test::loginAs(server, Role::CountyAdmin, "sz.office", "shangzhou");
  auto first = tisheng::test::loginAs(server, Role::Business, "first.owner", "shangzhou");
  auto second = tisheng::test::loginAs(server, Role::Business, "second.owner", "shangzhou");
  tisheng::test::loginAs(server, Role::Business, "luonan.owner", "luonan");
  tisheng::test::loginAs(server, Role::Business, "anywhere.owner");
  Json withOwner = kHomestay;
  // A county office names only businesses of its own county as owners.
  for (const char* stranger : {"luonan.owner", "anywhere.owner"}) {
    withOwner["owner"] = stranger;
    auto refused = server.client().post("/api/v1/entries", withOwner.dump(), office);
    CHECK(refused.status == 400);
    CHECK(refused.errorFields() == std::vector<std::string>{"owner"});
  }
  withOwner["owner"] = "first.owner";
  auto id = server.client()
                .post("/api/v1/entries", withOwner.dump(), office)
                .json()["entry"]["id"]
                .get<int>();
  std::string target = "/api/v1/entries/" + std::to_string(id);

  auto edited = server.client().send("PATCH", target, R"({"contact": "13900000000"})", first);
  CHECK(edited.status == 200);
  CHECK(edited.json()["entry"]["contact"] == "13900000000");
  CHECK(server.client().send("PATCH", target, R"({"county": "luonan"})", first).errorFields() ==
        std::vector<std::string>{"county"});
  CHECK(server.client().send("PATCH", target, R"({"contact": "x"})", second).status == 403);
  CHECK(server.client().get("/api/v1/entries", second).json()["entries"].empty());

  auto transferred = server.client().send("PATCH", target, R"({"owner": "second.owner"})", office);
  CHECK(transferred.json()["entry"]["owner"] == "second.owner");
  CHECK(transferred.json()["entry"]["id"] == id);  // same entry, new owner
  CHECK(server.client().get(target, second).status == 200);
  CHECK(server.client().get(target, first).status == 403);
  auto db = server.app().database().acquire();
  auto audit = db->prepare("SELECT actor FROM audit_log WHERE action = 'entry.update' ORDER BY id");
  std::vector<std::string> actors;
  while (audit.step()) actors.push_back(audit.text(0));
  CHECK(actors == std::vector<std::string>{"first.owner", "sz.office"});
}

TEST_CASE("A restaurant lists its featured dishes and the owner decides to publish its contact",
          "[http]") {
  TestServer server;
  counties(server);
  auto office = tisheng::test::loginAs(server, Role::CountyAdmin, "sz.office", "shangzhou");
  auto owner = tisheng::test::loginAs(server, Role::Business, "owner", "shangzhou");
  Json restaurant = kHomestay;
  restaurant["category"] = "restaurant";
  restaurant["owner"] = "owner";
  restaurant["featured_dishes"] = {"商洛十大碗", "洋芋糍粑"};
  auto created = server.client().post("/api/v1/entries", restaurant.dump(), office).json()["entry"];
  CHECK(created["featured_dishes"] == Json{"商洛十大碗", "洋芋糍粑"});
  CHECK(created["contact_public"] == false);  // private until someone says otherwise
  std::string target = "/api/v1/entries/" + created["id"].dump();

  auto edited = server.client().send(
      "PATCH", target, R"({"contact_public": true, "featured_dishes": ["核桃饼"]})", owner);
  REQUIRE(edited.status == 200);
  CHECK(edited.json()["entry"]["contact_public"] == true);
  CHECK(edited.json()["entry"]["featured_dishes"] == Json{"核桃饼"});

  auto patch = [&](const Json& body) {
    return server.client().send("PATCH", target, body.dump(), office).errorFields();
  };
  CHECK(patch({{"featured_dishes", "核桃饼"}}) == std::vector<std::string>{"featured_dishes"});
  CHECK(patch({{"featured_dishes", {"ok", " "}}}) ==
        std::vector<std::string>{"featured_dishes[1]"});
  CHECK(patch({{"featured_dishes", Json::array({std::string(41 * 3, 'x')})}}) ==
        std::vector<std::string>{"featured_dishes[0]"});
  CHECK(patch({{"contact_public", "yes"}}) == std::vector<std::string>{"contact_public"});
  Json homestay = kHomestay;
  homestay["featured_dishes"] = {"面"};
  CHECK(server.client().post("/api/v1/entries", homestay.dump(), office).errorFields() ==
        std::vector<std::string>{"featured_dishes"});
  // A product or homestay carries no featured_dishes field at all.
  homestay.erase("featured_dishes");
  auto plain = server.client().post("/api/v1/entries", homestay.dump(), office).json()["entry"];
  CHECK_FALSE(plain.contains("featured_dishes"));
}

TEST_CASE("The owner's public reply shows beside its record", "[http]") {
  TestServer server;
  counties(server);
  auto office = tisheng::test::loginAs(server, Role::CountyAdmin, "sz.office", "shangzhou");
  auto owner = tisheng::test::loginAs(server, Role::Business, "owner", "shangzhou");
  auto other = tisheng::test::loginAs(server, Role::Business, "other");
  Json withOwner = kHomestay;
  withOwner["owner"] = "owner";
  auto id = server.client()
                .post("/api/v1/entries", withOwner.dump(), office)
                .json()["entry"]["id"]
                .get<int>();
  auto cert = tisheng::test::issue(server, id, tisheng::rules::Category::Homestay, "yi");
  std::string target = "/api/v1/entries/" + std::to_string(id) + "/reply";
  Json reply{{"text", "已于 11 月完成整改，欢迎监督。"}};

  CHECK(server.client().send("PUT", target, reply.dump(), other).status == 403);
  CHECK(server.client().send("PUT", target, reply.dump(), office).status ==
        403);  // the business's own words
  CHECK(server.client()
            .send("PUT", target, Json{{"text", std::string(301, 'a')}}.dump(), owner)
            .status == 400);
  std::string threeHundred;
  for (int i = 0; i < 300; ++i) threeHundred += "好";  // 300 characters, 900 bytes
  CHECK(server.client().send("PUT", target, Json{{"text", threeHundred}}.dump(), owner).status ==
        200);
  auto set = server.client().send("PUT", target, reply.dump(), owner);
  CHECK(set.status == 200);
  CHECK(set.json()["entry"]["reply"] == "已于 11 月完成整改，欢迎监督。");
  CHECK(server.client().get("/c/" + cert.token).body.find("已于 11 月完成整改，欢迎监督。") !=
        std::string::npos);
  CHECK(server.client().get("/api/v1/public/verify/" + cert.token).json()["entry"]["reply"] ==
        reply["text"]);
  CHECK(server.client()
            .send("PUT", target, R"({"text": ""})", owner)
            .json()["entry"]["reply"]
            .is_null());
}
