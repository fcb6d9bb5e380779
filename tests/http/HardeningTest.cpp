#include <catch2/catch.hpp>

#include "support/TestServer.h"

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
