#include <catch2/catch.hpp>

#include "rules/StandardRegistry.h"
#include "support/TestServer.h"

using tisheng::test::TestServer;
using Json = nlohmann::ordered_json;

namespace {

/// A complete homestay sheet: every check passed and every item at `share` of its maximum.
Json homestaySheet(double share) {
  auto registry =
      tisheng::rules::StandardRegistry::load(tisheng::test::sourceDir() / "rating-rules/standards");
  Json scores = Json::object();
  for (const auto& section : registry.latest("homestay")->sections)
    for (const auto& item : section.items)
      scores[item.id] = item.kind == tisheng::rules::ItemKind::PassFail
                            ? Json("pass")
                            : Json(std::floor(item.max * share));
  return Json{{"scores", scores}};
}

const std::string kEvaluate = "/api/v1/standards/homestay/evaluate";

}  // namespace

TEST_CASE("The standards are listed with their versions and grades", "[http]") {
  TestServer server;
  auto reply = server.client().get("/api/v1/standards");
  REQUIRE(reply.status == 200);
  auto list = reply.json()["standards"];
  REQUIRE(list.size() == 3);
  CHECK(list[0]["id"] == "homestay");
  CHECK(list[0]["category"] == "homestay");
  CHECK(list[0]["versions"] == Json::array({1}));
  CHECK(list[0]["grades"][0]["title"]["zh"] == "甲级");
  CHECK(list[1]["id"] == "product");
  CHECK(list[2]["id"] == "restaurant");
}

TEST_CASE("A standard is served as published at its latest or given version", "[http]") {
  TestServer server;
  auto latest = server.client().get("/api/v1/standards/restaurant");
  REQUIRE(latest.status == 200);
  CHECK(latest.json()["title"]["zh"] == "特色餐饮店评定标准");
  CHECK(server.client().get("/api/v1/standards/restaurant?version=1").json() == latest.json());

  auto missingVersion = server.client().get("/api/v1/standards/restaurant?version=2");
  CHECK(missingVersion.status == 404);
  auto badVersion = server.client().get("/api/v1/standards/restaurant?version=two");
  CHECK(badVersion.status == 400);
  CHECK(badVersion.errorFields() == std::vector<std::string>{"version"});
  CHECK(server.client().get("/api/v1/standards/hotel").status == 404);
}

TEST_CASE("Evaluating a sheet returns the grade with why and what blocks the next", "[http]") {
  TestServer server;
  auto reply = server.client().post(kEvaluate, homestaySheet(0.7).dump());
  REQUIRE(reply.status == 200);
  auto result = reply.json();
  CHECK(result["standard"]["id"] == "homestay");
  CHECK(result["standard"]["version"] == 1);
  CHECK(result["max"] == 200);
  CHECK(result["grade"]["id"] == "yi");
  CHECK(result["grade"]["title"]["zh"] == "乙级");
  CHECK(result["next_grade"]["id"] == "jia");
  CHECK_FALSE(result["next_grade"]["met"]);
  bool sawSection = false;
  for (const auto& blocker : result["next_grade"]["blockers"]) {
    if (blocker["kind"] != "section_share") continue;
    sawSection = true;
    CHECK(blocker["points_needed"].get<double>() > 0);
    CHECK(blocker["message"].get<std::string>().find("还差") != std::string::npos);
  }
  CHECK(sawSection);
  CHECK(result["why"][0].get<std::string>().rfind("评为乙级", 0) == 0);
  CHECK(result["sections"].size() == 5);
  CHECK(result["grade_checks"].size() == 3);
}

TEST_CASE("Evaluation speaks English when asked", "[http]") {
  TestServer server;
  auto byQuery = server.client().post(kEvaluate + "?lang=en", homestaySheet(0.7).dump());
  CHECK(byQuery.json()["why"][0].get<std::string>().rfind("Graded Grade B", 0) == 0);
  auto byHeader = server.client().post(kEvaluate, homestaySheet(0.7).dump(),
                                       {{"Accept-Language", "en-US,en;q=0.8"}});
  CHECK(byHeader.json()["why"] == byQuery.json()["why"]);
}

TEST_CASE("A failed mandatory item is named among the blockers", "[http]") {
  TestServer server;
  Json sheet = homestaySheet(1.0);
  sheet["scores"]["m.host_on_site"] = "fail";
  auto result = server.client().post(kEvaluate, sheet.dump()).json();
  CHECK(result["grade"]["id"] == "yi");
  CHECK(result["failed_mandatory"][0]["id"] == "m.host_on_site");
  auto blocker = result["next_grade"]["blockers"][0];
  CHECK(blocker["kind"] == "mandatory_item_failed");
  CHECK(blocker["items"][0]["id"] == "m.host_on_site");
}

TEST_CASE("Bad score sheets get 400 naming the field at fault", "[http]") {
  TestServer server;
  auto client = server.client();
  SECTION("malformed JSON") {
    auto reply = client.post(kEvaluate, "{\"scores\": {");
    CHECK(reply.status == 400);
    CHECK(reply.errorFields() == std::vector<std::string>{"body"});
    CHECK(reply.json()["error"]["fields"][0]["message"].get<std::string>().find("byte") !=
          std::string::npos);
  }
  SECTION("not an object") {
    auto reply = client.post(kEvaluate, "[1,2]");
    CHECK(reply.status == 400);
    CHECK(reply.errorFields() == std::vector<std::string>{"body"});
  }
  SECTION("empty body") {
    CHECK(client.post(kEvaluate, "").errorFields() == std::vector<std::string>{"body"});
  }
  SECTION("missing scores") {
    CHECK(client.post(kEvaluate, "{}").errorFields() == std::vector<std::string>{"scores"});
  }
  SECTION("unknown top-level field") {
    Json sheet = homestaySheet(1.0);
    sheet["score"] = 1;
    CHECK(client.post(kEvaluate, sheet.dump()).errorFields() == std::vector<std::string>{"score"});
  }
  SECTION("scores of the wrong type") {
    CHECK(client.post(kEvaluate, R"({"scores": "all good"})").errorFields() ==
          std::vector<std::string>{"scores"});
  }
  SECTION("an item of the wrong type") {
    Json sheet = homestaySheet(1.0);
    sheet["scores"]["env.location"] = true;
    CHECK(client.post(kEvaluate, sheet.dump()).errorFields() ==
          std::vector<std::string>{"scores.env.location"});
  }
  SECTION("out of range, unknown and missing items") {
    Json sheet = homestaySheet(1.0);
    sheet["scores"]["env.location"] = 6;
    sheet["scores"]["env.castle"] = 1;
    sheet["scores"].erase("svc.host");
    auto reply = client.post(kEvaluate, sheet.dump());
    CHECK(reply.status == 400);
    CHECK(reply.errorFields() ==
          std::vector<std::string>{"scores.env.location", "scores.svc.host", "scores.env.castle"});
  }
  SECTION("unknown standard") {
    CHECK(client.post("/api/v1/standards/hotel/evaluate", homestaySheet(1.0).dump()).status == 404);
  }
}
