#include <catch2/catch.hpp>

#include "support/TestServer.h"

using tisheng::test::onPostgres;
using tisheng::test::TestServer;

TEST_CASE("healthz answers with the database and standards checked", "[http]") {
  TestServer server;
  auto reply = server.client().get("/healthz");
  CHECK(reply.status == 200);
  auto body = reply.json();
  CHECK(body["status"] == "ok");
  CHECK(body["database"] == "ok");
  CHECK(body["standards"] == 3);
  // SQLite keeps its file in the data directory; on PostgreSQL there must be none.
  CHECK(std::filesystem::exists(server.dataDir().path() / "tisheng.db") != onPostgres());
}

TEST_CASE("Every reply carries a request id and security headers", "[http]") {
  TestServer server;
  auto reply = server.client().get("/healthz", {{"X-Request-Id", "trace-0000-1111"}});
  CHECK(reply.header("X-Request-Id") == "trace-0000-1111");
  CHECK(reply.header("X-Content-Type-Options") == "nosniff");
  CHECK(reply.header("X-Frame-Options") == "DENY");
  CHECK(reply.header("Content-Security-Policy").find("default-src 'self'") != std::string::npos);
  auto missing = server.client().get("/nowhere");
  CHECK(missing.status == 404);
  CHECK(missing.header("X-Request-Id").size() == 16);
}

TEST_CASE("One access-log line per request with method path status time and id", "[http]") {
  TestServer server;
  server.client().get("/healthz", {{"X-Request-Id", "log-check-0001"}});
  server.client().get("/absent");
  std::string log = server.accessLog();
  CHECK(log.find(" GET /healthz 200 ") != std::string::npos);
  CHECK(log.find("ms rid=log-check-0001") != std::string::npos);
  CHECK(log.find(" GET /absent 404 ") != std::string::npos);
  CHECK(std::count(log.begin(), log.end(), '\n') == 2);
}

TEST_CASE("Bodies over the limit get 413 whether declared or chunked", "[http]") {
  tisheng::app::Config config;
  config.http.maxBodyBytes = 4096;
  TestServer server(config);
  std::string big(5000, 'x');
  auto declared = server.client().post("/api/v1/standards/homestay/evaluate", big);
  CHECK(declared.status == 413);
  CHECK(declared.json()["error"]["code"] == "payload_too_large");
  auto chunked = server.client().send("POST", "/api/v1/standards/homestay/evaluate", big, {}, true);
  CHECK(chunked.status == 413);
  auto small = server.client().post("/api/v1/standards/homestay/evaluate", "{}");
  CHECK(small.status == 400);
}

TEST_CASE("Wrong methods get 405 with Allow", "[http]") {
  TestServer server;
  auto reply = server.client().send("DELETE", "/api/v1/standards", "", {});
  CHECK(reply.status == 405);
  CHECK(reply.header("Allow") == "GET");
}

TEST_CASE("Garbage on the wire does not hurt the server", "[http]") {
  TestServer server;
  server.client().raw("\x01\x02\x03 not http at all\r\n\r\n");
  server.client().raw("GET /%zz%% HTTP/1.1\r\nHost: x\r\n\r\n");
  std::string malformedTarget = server.client().raw(
      "GET /api/v1/standards/%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  CHECK(malformedTarget.find("HTTP/1.1 400") == 0);
  server.client().raw(
      "POST /api/v1/standards/homestay/evaluate HTTP/1.1\r\nContent-Length: 100\r\n\r\n{\"sc");
  CHECK(server.client().get("/healthz").status == 200);
}

TEST_CASE("The client address comes from X-Real-IP only behind a trusted proxy", "[http]") {
  auto loginFrom = [](TestServer& server) {
    server.client().post("/api/v1/login", R"({"username": "nobody", "password": "guess"})",
                         {{"X-Real-IP", "203.0.113.9"}});
    auto db = server.app().database().acquire();
    auto row = db->prepare("SELECT address FROM login_failures");
    row.step();
    return row.text(0);
  };
  tisheng::app::Config behindNginx;
  behindNginx.http.trustedProxies = {"127.0.0.1"};
  TestServer proxied(behindNginx);
  CHECK(loginFrom(proxied) == "203.0.113.9");
  TestServer direct;
  CHECK(loginFrom(direct) == "127.0.0.1");  // anyone else's X-Real-IP is ignored
}
