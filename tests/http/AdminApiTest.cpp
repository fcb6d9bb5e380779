// What the admin UI relies on: its files served with a strict policy and revalidation, paged
// and filtered lists, each person's worklist, password changes and account management.
#include <Poco/InflatingStream.h>

#include <catch2/catch.hpp>
#include <sstream>

#include "support/Fixture.h"
#include "support/Registry.h"
#include "support/TempDir.h"
#include "support/Tools.h"
#include "support/Workflow.h"

using tisheng::security::Role;
using tisheng::test::TestServer;

namespace {
std::map<std::string, std::string> bearer(TestServer& server, const std::string& username,
                                          const std::string& password = "correct horse battery") {
  return {{"Authorization",
           "Bearer " + server.app().auth().login(username, password, "10.0.0.9").token}};
}
}  // namespace

TEST_CASE("The admin UI is served from its directory with a strict policy and an ETag", "[http]") {
  tisheng::test::TempDir site;
  tisheng::test::writeFile(site.path() / "index.html", "<!doctype html><title>t</title>");
  std::filesystem::create_directories(site.path() / "src/entries");
  tisheng::test::writeFile(site.path() / "src/entries/List.js", "export const x = 1;\n");
  tisheng::test::writeFile(site.path() / ".secret.js", "hidden");
  tisheng::test::writeFile(site.path() / "notes.md", "not a served type");
  tisheng::app::Config config;
  config.adminUiDir = site.path();
  TestServer server(config);

  auto index = server.client().get("/admin/");
  REQUIRE(index.status == 200);
  CHECK(index.header("Content-Type") == "text/html; charset=utf-8");
  CHECK(index.header("Content-Security-Policy").find("script-src 'self';") != std::string::npos);
  CHECK(index.header("Cache-Control") == "no-cache");
  auto module = server.client().get("/admin/src/entries/List.js");
  CHECK(module.status == 200);
  CHECK(module.header("Content-Type") == "text/javascript; charset=utf-8");
  CHECK(module.body == "export const x = 1;\n");
  auto again =
      server.client().get("/admin/src/entries/List.js", {{"If-None-Match", module.header("ETag")}});
  CHECK(again.status == 304);
  CHECK(again.body.empty());
  CHECK(server.client().get("/admin/.secret.js").status == 404);
  CHECK(server.client().get("/admin/notes.md").status == 404);
  CHECK(server.client().get("/admin/src/%2e%2e/%2e%2e/index.html").status == 404);
  CHECK(server.client().get("/admin").header("Location") == "/admin/");

  auto landing = server.client().get("/");  // anyone else: the landing page
  CHECK(landing.status == 200);
  CHECK(landing.body.find("href=\"/admin/\"") != std::string::npos);
  auto signedIn = tisheng::test::loginAs(server, Role::CityAdmin, "walker");
  CHECK(server.client().get("/", signedIn).header("Location") == "/admin/");
}

TEST_CASE("Text files of the admin UI go gzip-compressed to browsers that accept it", "[http]") {
  tisheng::test::TempDir site;
  std::string script;
  for (int i = 0; i < 400; ++i) script += "export const line" + std::to_string(i) + " = 'same';\n";
  tisheng::test::writeFile(site.path() / "app.js", script);
  tisheng::app::Config config;
  config.adminUiDir = site.path();
  TestServer server(config);

  auto plain = server.client().get("/admin/app.js");
  CHECK(plain.header("Content-Encoding").empty());
  CHECK(plain.body == script);
  auto compressed =
      server.client().get("/admin/app.js", {{"Accept-Encoding", "gzip, deflate, br"}});
  REQUIRE(compressed.header("Content-Encoding") == "gzip");
  CHECK(compressed.header("Vary") == "Accept-Encoding");
  CHECK(compressed.body.size() < script.size() / 4);
  std::istringstream zipped(compressed.body);
  Poco::InflatingInputStream inflate(zipped, Poco::InflatingStreamBuf::STREAM_GZIP);
  std::string unzipped((std::istreambuf_iterator<char>(inflate)), std::istreambuf_iterator<char>());
  CHECK(unzipped == script);
  CHECK(compressed.header("ETag") != plain.header("ETag"));
  CHECK(server.client()
            .get("/admin/app.js",
                 {{"Accept-Encoding", "gzip"}, {"If-None-Match", compressed.header("ETag")}})
            .status == 304);
  CHECK(server.client().get("/admin/app.js", {{"Accept-Encoding", "gzip;q=0"}}).body == script);
}

TEST_CASE("Lists page with a cursor and reject bad paging", "[http]") {
  TestServer server;
  for (int i = 1; i <= 5; ++i)
    tisheng::test::addEntry(server, tisheng::rules::Category::Homestay, "山居" + std::to_string(i));
  auto city = tisheng::test::loginAs(server, Role::CityAdmin, "pager");
  auto first = server.client().get("/api/v1/entries?limit=2", city).json();
  CHECK(first["total"] == 5);
  REQUIRE(first["entries"].size() == 2);
  std::vector<std::int64_t> seen;
  std::string cursor = first["next_cursor"];
  for (const auto& entry : first["entries"]) seen.push_back(entry["id"]);
  while (!cursor.empty()) {
    auto page = server.client().get("/api/v1/entries?limit=2&cursor=" + cursor, city).json();
    for (const auto& entry : page["entries"]) seen.push_back(entry["id"]);
    cursor = page["next_cursor"].is_null() ? "" : page["next_cursor"].get<std::string>();
  }
  CHECK(seen.size() == 5);
  CHECK(std::is_sorted(seen.begin(), seen.end()));
  CHECK(std::adjacent_find(seen.begin(), seen.end()) == seen.end());

  for (const char* bad : {"limit=0", "limit=201", "limit=x", "cursor=5", "cursor=o-1", "cursor=o01",
                          "status=famous", "category=hotel"}) {
    CAPTURE(bad);
    auto reply = server.client().get(std::string("/api/v1/entries?") + bad, city);
    CHECK(reply.status == 400);
    CHECK(reply.errorFields().size() == 1);
  }
  CHECK(server.client().get("/api/v1/rectifications?due_before=2026-13-01", city).status == 400);
  for (const char* bad : {"kind=audit", "status=lost", "kind=Review"}) {
    CAPTURE(bad);
    auto reply = server.client().get(std::string("/api/v1/inspections?") + bad, city);
    CHECK(reply.status == 400);
    CHECK(reply.errorFields() ==
          std::vector<std::string>{std::string(bad).substr(0, std::string(bad).find('='))});
  }
  CHECK(server.client().get("/api/v1/inspections?kind=spot_check&status=submitted", city).status ==
        200);
  for (const char* list : {"complaints", "objections", "appeals"}) {
    CAPTURE(list);
    auto bad = server.client().get(std::string("/api/v1/") + list + "?status=maybe", city);
    CHECK(bad.status == 400);
    CHECK(bad.errorFields() == std::vector<std::string>{"status"});
  }
  CHECK(server.client().get("/api/v1/complaints?status=inspect", city).status == 200);
  CHECK(server.client().get("/api/v1/appeals?status=granted", city).status == 200);
}

TEST_CASE("Entries filter by text, grade and where they stand", "[http]") {
  TestServer server;
  using tisheng::rules::Category;
  auto mountain = tisheng::test::addEntry(server, Category::Homestay, "秦岭山居", "Qinling Lodge");
  auto river =
      tisheng::test::addEntry(server, Category::Homestay, "丹江水岸", "Danjiang Riverside");
  tisheng::test::addEntry(server, Category::Restaurant, "商州面馆", "Shangzhou Noodles");
  tisheng::test::issue(server, mountain, Category::Homestay, "jia");
  tisheng::test::issue(server, river, Category::Homestay, "yi");
  auto city = tisheng::test::loginAs(server, Role::CityAdmin, "filterer");
  auto names = [&](const std::string& query) {
    std::vector<std::string> out;
    auto reply = server.client().get("/api/v1/entries?" + query, city);
    CAPTURE(query, reply.body);
    REQUIRE(reply.status == 200);
    auto json = reply.json();
    for (const auto& entry : json["entries"]) out.push_back(entry["name"]["zh"]);
    return out;
  };
  CHECK(names("q=lodge") == std::vector<std::string>{"秦岭山居"});
  CHECK(names("q=%E4%B8%B9%E6%B1%9F") == std::vector<std::string>{"丹江水岸"});
  CHECK(names("grade=yi") == std::vector<std::string>{"丹江水岸"});
  CHECK(names("status=certified&category=homestay") ==
        std::vector<std::string>{"秦岭山居", "丹江水岸"});
  CHECK(names("status=not_certified") == std::vector<std::string>{"商州面馆"});
  auto entry = server.client().get("/api/v1/entries?grade=jia", city).json()["entries"][0];
  CHECK(entry["state"] == "certified");
  CHECK(entry["certificate"]["grade"] == "jia");
  CHECK(entry["certificate"]["status"] == "active");
}

TEST_CASE("Each role's worklist says what needs doing now", "[http]") {
  TestServer server;
  auto fixture = tisheng::test::makeFixture(server);
  auto office = server.client().get("/api/v1/worklist", bearer(server, "here")).json();
  CHECK(office["role"] == "county_admin");
  std::map<std::string, int> counts;
  for (const auto& count : office["counts"]) {
    counts[count["key"]] = count["count"];
    // Each count is the total of the list it opens.
    auto list = server.client().get(count["list"].get<std::string>(), bearer(server, "here"));
    CAPTURE(count.dump());
    REQUIRE(list.status == 200);
    CHECK(list.json()["total"] == count["count"]);
  }
  CHECK(counts.at("complaints_new") == 1);
  CHECK(counts.at("appeals_open") == 1);
  CHECK(counts.at("objections_open") == 1);
  CHECK(counts.at("plaque_reports_new") == 1);  // the fixture's report of a fake plaque
  CHECK(counts.size() == 9);
  auto elsewhere = server.client().get("/api/v1/worklist", bearer(server, "there")).json();
  for (const auto& count : elsewhere["counts"]) CHECK(count["count"] == 0);

  auto inspector = server.client().get("/api/v1/worklist", bearer(server, "insp")).json();
  REQUIRE(inspector["assigned"].size() >= 1);
  CHECK(inspector["assigned"][0]["entry"]["id"] == fixture.entry);
  CHECK(inspector["assigned"][0]["entry"]["name"]["zh"] == "山居");

  auto owner = server.client().get("/api/v1/worklist", bearer(server, "owner")).json();
  REQUIRE(owner["entries"].size() == 1);
  CHECK(owner["entries"][0]["state"] == "suspended");
  CHECK(owner["entries"][0]["certificate"]["serial"] == fixture.certificate.serial);
  CHECK(server.client().get("/api/v1/worklist", bearer(server, "other")).json()["entries"].empty());
}

TEST_CASE("A person changes their own password and other sessions end", "[http]") {
  TestServer server;
  auto me = tisheng::test::loginAs(server, Role::CityAdmin, "changer");
  auto elsewhere = bearer(server, "changer");
  auto change = [&](const std::string& current, const std::string& next) {
    return tisheng::test::postJson(server, "/api/v1/session/password",
                                   {{"current_password", current}, {"new_password", next}}, me);
  };
  auto wrong = change("not my password", "a brand new passphrase");
  CHECK(wrong.status == 400);
  CHECK(wrong.errorFields() == std::vector<std::string>{"current_password"});
  auto weak = change("correct horse battery", "password1234");
  CHECK(weak.status == 400);
  CHECK(weak.errorFields() == std::vector<std::string>{"new_password"});
  CHECK(change("correct horse battery", "a brand new passphrase").status == 200);
  CHECK(server.client().get("/api/v1/session", me).status == 200);
  CHECK(server.client().get("/api/v1/session", elsewhere).status == 401);
  CHECK_THROWS(server.app().auth().login("changer", "correct horse battery", "10.0.0.9"));
  CHECK_NOTHROW(server.app().auth().login("changer", "a brand new passphrase", "10.0.0.9"));
}

TEST_CASE("Admins disable accounts and reset passwords within their scope", "[http]") {
  TestServer server;
  auto fixture = tisheng::test::makeFixture(server);
  auto inspectorSession = bearer(server, "insp");
  std::string target = "/api/v1/users/" + std::to_string(fixture.user);
  auto disabled =
      server.client().send("PATCH", target, R"({"disabled": true})", bearer(server, "here"));
  REQUIRE(disabled.status == 200);
  CHECK(disabled.json()["user"]["disabled"] == true);
  CHECK(server.client().get("/api/v1/session", inspectorSession).status == 401);
  CHECK_THROWS(server.app().auth().login("insp", "correct horse battery", "10.0.0.9"));

  auto reset = server.client().send("PATCH", target,
                                    R"({"disabled": false, "password": "given by the office 42"})",
                                    bearer(server, "city"));
  REQUIRE(reset.status == 200);
  CHECK_NOTHROW(server.app().auth().login("insp", "given by the office 42", "10.0.0.9"));

  auto self = server.app().users().userByName("here")->id;
  CHECK(server.client()
            .send("PATCH", "/api/v1/users/" + std::to_string(self), R"({"disabled": true})",
                  bearer(server, "here"))
            .status == 403);
  auto bad = server.client().send("PATCH", target, R"({"password": "short", "colour": "red"})",
                                  bearer(server, "city"));
  CHECK(bad.status == 400);
  CHECK(bad.errorFields() == std::vector<std::string>{"colour"});
  CHECK(server.client().send("PATCH", "/api/v1/users/999", "{}", bearer(server, "city")).status ==
        404);
}

TEST_CASE("The sheet reads its inspection and standard in one request", "[http]") {
  TestServer server;
  auto fixture = tisheng::test::makeFixture(server);
  std::string target = "/api/v1/inspections/" + std::to_string(fixture.inspection);
  auto plain = server.client().get(target, bearer(server, "insp")).json();
  CHECK_FALSE(plain.contains("standard"));
  auto both = server.client().get(target + "?include=standard", bearer(server, "insp")).json();
  CHECK(both["inspection"] == plain["inspection"]);
  CHECK(both["standard"]["id"] == plain["inspection"]["standard"]["id"]);
  CHECK(both["standard"]["version"] == plain["inspection"]["standard"]["version"]);
  CHECK(both["standard"]["sections"].size() > 1);
  auto bad = server.client().get(target + "?include=everything", bearer(server, "insp"));
  CHECK(bad.status == 400);
  CHECK(bad.errorFields() == std::vector<std::string>{"include"});
}
