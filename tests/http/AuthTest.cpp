#include <catch2/catch.hpp>

#include "support/Registry.h"

using tisheng::security::Role;
using tisheng::test::TestServer;
using Json = nlohmann::ordered_json;

namespace {

tisheng::test::Reply login(TestServer& server, const std::string& username,
                           const std::string& password) {
  return server.client().post("/api/v1/login",
                              Json{{"username", username}, {"password", password}}.dump());
}

void addUser(TestServer& server, const std::string& username, Role role,
             std::optional<std::string> county = std::nullopt) {
  server.app().auth().createUser(
      {username, username, role, std::move(county), "correct horse battery"}, "test");
}

/// The session cookie as the browser would send it back.
std::string sessionCookie(const tisheng::test::Reply& reply) {
  std::string header = reply.header("Set-Cookie");
  return header.substr(0, header.find(';'));
}

}  // namespace

TEST_CASE("Login sets an HttpOnly SameSite cookie and returns a bearer token", "[http]") {
  TestServer server;
  addUser(server, "office", Role::CityAdmin);
  auto reply = login(server, "office", "correct horse battery");
  REQUIRE(reply.status == 200);
  auto body = reply.json();
  CHECK(body["user"]["role"] == "city_admin");
  CHECK(body["token"].get<std::string>().size() == 43);
  CHECK(body["csrf_token"].get<std::string>().size() == 43);
  std::string cookie = reply.header("Set-Cookie");
  CHECK(cookie.rfind("tisheng_session=" + body["token"].get<std::string>() + ";", 0) == 0);
  CHECK(cookie.find("HttpOnly") != std::string::npos);
  CHECK(cookie.find("SameSite=Strict") != std::string::npos);

  auto byBearer = server.client().get(
      "/api/v1/session", {{"Authorization", "Bearer " + body["token"].get<std::string>()}});
  CHECK(byBearer.json()["user"]["username"] == "office");
  auto byCookie =
      server.client().get("/api/v1/session", {{"Cookie", "theme=dark; " + sessionCookie(reply)}});
  CHECK(byCookie.json()["csrf_token"] == body["csrf_token"]);
  CHECK(server.client().get("/api/v1/session").status == 401);
  CHECK(server.client().get("/api/v1/session", {{"Authorization", "Bearer forged"}}).status == 401);
}

TEST_CASE("Sessions are stored hashed and expire", "[storage]") {
  TestServer server;
  addUser(server, "office", Role::CityAdmin);
  std::string token = login(server, "office", "correct horse battery").json()["token"];
  auto db = server.app().database().acquire();
  auto row = db->prepare("SELECT COUNT(*) FROM sessions WHERE token_hash = ?");
  row.bind(1, token).step();
  CHECK(row.integer(0) == 0);
  server.clock().advanceDays(1);  // sessions last 12 hours
  CHECK(server.client().get("/api/v1/session", {{"Authorization", "Bearer " + token}}).status ==
        401);
}

TEST_CASE("Repeated wrong passwords slow down their address, not the account's owner", "[http]") {
  TestServer server;
  addUser(server, "office", Role::CityAdmin);
  auto wrong = login(server, "office", "guess");
  CHECK(wrong.status == 401);
  CHECK(login(server, "nobody", "guess").json()["error"]["detail"] ==
        wrong.json()["error"]["detail"]);
  for (int i = 0; i < 4; ++i) CHECK(login(server, "office", "guess").status == 401);
  // Five failures from this address: it waits 1 s, then 2, 4, 8 ... after each further one.
  auto limited = login(server, "office", "correct horse battery");
  CHECK(limited.status == 429);
  CHECK(limited.header("Retry-After") == "1");
  // The city admin at the office, at another address, is not locked out.
  auto& auth = server.app().auth();
  CHECK_NOTHROW(auth.login("office", "correct horse battery", "10.20.30.40"));
  for (int wait : {1, 2, 4, 8}) {
    server.clock().set(server.clock().now() + wait);
    CHECK(login(server, "office", "guess").status == 401);
    auto next = login(server, "office", "guess");
    CHECK(next.status == 429);
    CHECK(next.header("Retry-After") == std::to_string(wait * 2));
  }
  server.clock().set(server.clock().now() + 16);
  CHECK(login(server, "office", "correct horse battery").status == 200);
  // A success forgets the failures of this address for the account.
  CHECK(login(server, "office", "guess").status == 401);
  CHECK(login(server, "office", "correct horse battery").status == 200);
}

TEST_CASE("One address guessing many usernames is slowed down too", "[http]") {
  TestServer server;
  for (int i = 0; i < 20; ++i)
    CHECK(login(server, "user" + std::to_string(i), "guess").status == 401);
  auto limited = login(server, "user99", "guess");
  CHECK(limited.status == 429);
  CHECK(limited.header("Retry-After") == "1");
  addUser(server, "office", Role::CityAdmin);
  CHECK_NOTHROW(server.app().auth().login("office", "correct horse battery", "10.20.30.40"));
}

TEST_CASE("New passwords need 12 characters and may not be common or trivial", "[http]") {
  TestServer server;
  addUser(server, "office", Role::CityAdmin);
  std::string token = login(server, "office", "correct horse battery").json()["token"];
  std::map<std::string, std::string> bearer{{"Authorization", "Bearer " + token}};
  auto create = [&](const std::string& username, const std::string& password) {
    return server.client().post("/api/v1/users",
                                Json{{"username", username},
                                     {"display_name", username},
                                     {"role", "inspector"},
                                     {"password", password}}
                                    .dump(),
                                bearer);
  };
  for (const char* bad : {"short-pw-11", "1qaz2wsx3edc", "1QAZ2WSX3EDC", "WoAiNi1314520",
                          "aaaabbbbaaaabbbb", "zhang.wei-2026!", "秦岭山居十一个字的密码"}) {
    CAPTURE(bad);
    auto refused = create("zhang.wei", bad);
    CHECK(refused.status == 400);
    CHECK(refused.errorFields() == std::vector<std::string>{"password"});
  }
  CHECK(create("zhang.wei", "秦岭山居十二个字的好密码啊").status == 201);
  CHECK(create("li.na", "Danjiang-river-walk").status == 201);
}

TEST_CASE("The session cookie is Secure when the public URL is https", "[http]") {
  tisheng::app::Config config;
  config.publicUrl = "https://v.example.cn";
  TestServer server(config);
  addUser(server, "office", Role::CityAdmin);
  auto session = login(server, "office", "correct horse battery");
  CHECK(session.header("Set-Cookie").find("; Secure") != std::string::npos);
  TestServer plain;
  addUser(plain, "office", Role::CityAdmin);
  CHECK(login(plain, "office", "correct horse battery").header("Set-Cookie").find("Secure") ==
        std::string::npos);
}

TEST_CASE("Logout ends the session", "[http]") {
  TestServer server;
  addUser(server, "office", Role::CityAdmin);
  std::string token = login(server, "office", "correct horse battery").json()["token"];
  std::map<std::string, std::string> bearer{{"Authorization", "Bearer " + token}};
  CHECK(server.client().post("/api/v1/logout", "", bearer).status == 200);
  CHECK(server.client().get("/api/v1/session", bearer).status == 401);
}

TEST_CASE("Cookie-authenticated writes need the CSRF token", "[http]") {
  TestServer server;
  addUser(server, "office", Role::CityAdmin);
  auto session = login(server, "office", "correct horse battery");
  std::string cookie = sessionCookie(session);
  std::string csrf = session.json()["csrf_token"];
  Json user{{"username", "inspector.li"},
            {"display_name", "李评定"},
            {"role", "inspector"},
            {"password", "another good one"}};
  auto without = server.client().post("/api/v1/users", user.dump(), {{"Cookie", cookie}});
  CHECK(without.status == 403);
  auto wrong = server.client().post("/api/v1/users", user.dump(),
                                    {{"Cookie", cookie}, {"X-CSRF-Token", "x"}});
  CHECK(wrong.status == 403);
  auto with = server.client().post("/api/v1/users", user.dump(),
                                   {{"Cookie", cookie}, {"X-CSRF-Token", csrf}});
  CHECK(with.status == 201);
  CHECK(with.json()["user"]["username"] == "inspector.li");
}

TEST_CASE("County admins manage their own county's inspectors and businesses only", "[http]") {
  TestServer server;
  server.app().registry().addCounty("shangzhou", {"商州区", "Shangzhou"}, {"test", 0});
  server.app().registry().addCounty("luonan", {"洛南县", "Luonan"}, {"test", 0});
  auto county = tisheng::test::loginAs(server, Role::CountyAdmin, "sz.office", "shangzhou");
  auto create = [&](Json user) {
    return server.client().post("/api/v1/users", user.dump(), county);
  };
  Json inspector{{"username", "sz.inspector"},
                 {"display_name", "评定员"},
                 {"role", "inspector"},
                 {"password", "long enough pass"}};
  auto created = create(inspector);
  CHECK(created.status == 201);
  CHECK(created.json()["user"]["county"] == "shangzhou");

  Json admin = inspector;
  admin["username"] = "boss";
  admin["role"] = "city_admin";
  CHECK(create(admin).status == 403);
  Json elsewhere = inspector;
  elsewhere["username"] = "ln.inspector";
  elsewhere["county"] = "luonan";
  CHECK(create(elsewhere).status == 403);

  server.app().auth().createUser(
      {"ln.business", "洛南商户", Role::Business, "luonan", "correct horse battery"}, "test");
  auto list = server.client().get("/api/v1/users", county).json()["users"];
  std::vector<std::string> names;
  for (const auto& user : list) names.push_back(user["username"]);
  CHECK(names == std::vector<std::string>{"sz.office", "sz.inspector"});
  CHECK(server.client()
            .get("/api/v1/users", tisheng::test::loginAs(server, Role::Business, "shop"))
            .status == 403);
  CHECK(server.client().get("/api/v1/users").status == 401);
}

TEST_CASE("Bad user data gets 400 naming each field and a taken name 409", "[http]") {
  TestServer server;
  auto city = tisheng::test::loginAs(server, Role::CityAdmin, "city");
  auto create = [&](const std::string& body) {
    return server.client().post("/api/v1/users", body, city);
  };
  auto bad = create(
      R"({"username": "X Y", "display_name": "", "role": "county_admin", "password": "short"})");
  CHECK(bad.status == 400);
  CHECK(bad.errorFields() ==
        std::vector<std::string>{"username", "display_name", "password", "county"});
  CHECK(
      create(
          R"({"username": "ok.name", "display_name": "x", "role": "king", "password": "long enough pass"})")
          .errorFields() == std::vector<std::string>{"role"});
  CHECK(
      create(
          R"({"username": 5, "display_name": "x", "role": "inspector", "password": "long enough pass", "age": 3})")
          .errorFields() == std::vector<std::string>{"username", "age"});
  CHECK(
      create(
          R"({"username": "ok.name", "display_name": "x", "role": "county_admin", "county": "atlantis", "password": "long enough pass"})")
          .errorFields() == std::vector<std::string>{"county"});
  CHECK(
      create(
          R"({"username": "city", "display_name": "x", "role": "inspector", "password": "long enough pass"})")
          .status == 409);
  CHECK(server.app().auth().users().size() == 1);  // nothing half-written
}
