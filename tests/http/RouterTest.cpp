#include <catch2/catch.hpp>

#include "http/HttpError.h"
#include "http/Router.h"

using namespace tisheng::http;

namespace {
HttpResponse text(const std::string& body) {
  HttpResponse response;
  response.body = body;
  return response;
}

HttpRequest request(const std::string& method, const std::string& path) {
  HttpRequest r;
  r.method = method;
  r.path = path;
  return r;
}
}  // namespace

TEST_CASE("The router matches placeholders and methods", "[unit]") {
  Router router;
  router.add("GET", "/things", [](HttpRequest&) { return text("list"); });
  router.add("GET", "/things/{id}", [](HttpRequest& r) { return text("get " + r.params["id"]); });
  router.add("POST", "/things/{id}/parts/{part}",
             [](HttpRequest& r) { return text(r.params["id"] + "/" + r.params["part"]); });

  auto list = request("GET", "/things");
  CHECK(router(list).body == "list");
  auto one = request("GET", "/things/42");
  CHECK(router(one).body == "get 42");
  auto nested = request("POST", "/things/7/parts/x");
  CHECK(router(nested).body == "7/x");

  auto wrongMethod = request("DELETE", "/things/42");
  CHECK_THROWS_AS(router(wrongMethod), MethodNotAllowed);
  auto empty = request("GET", "/things/");
  CHECK_THROWS_AS(router(empty), NotFound);
  auto unknown = request("GET", "/other");
  CHECK_THROWS_AS(router(unknown), NotFound);
  auto malformed = request("GET", "");
  CHECK_THROWS_AS(router(malformed), ValidationError);

  REQUIRE(router.routes().size() == 3);
  CHECK(router.routes()[1].pattern == "/things/{id}");
}

TEST_CASE("Method not allowed lists the allowed methods", "[unit]") {
  Router router;
  router.add("GET", "/x", [](HttpRequest&) { return text(""); });
  router.add("PUT", "/x", [](HttpRequest&) { return text(""); });
  auto r = request("POST", "/x");
  try {
    router(r);
    FAIL("expected MethodNotAllowed");
  } catch (const MethodNotAllowed& error) {
    CHECK(error.allow() == "GET, PUT");
  }
}

TEST_CASE("A tail placeholder takes the rest of the path", "[unit]") {
  Router router;
  router.add("GET", "/files/{path...}", [](HttpRequest& r) { return text(r.params["path"]); });

  auto one = request("GET", "/files/index.html");
  CHECK(router(one).body == "index.html");
  auto deep = request("GET", "/files/src/entries/List.js");
  CHECK(router(deep).body == "src/entries/List.js");
  auto none = request("GET", "/files");
  CHECK_THROWS_AS(router(none), NotFound);
  auto trailing = request("GET", "/files/");
  CHECK_THROWS_AS(router(trailing), NotFound);
  auto gap = request("GET", "/files/src//List.js");
  CHECK_THROWS_AS(router(gap), NotFound);
}
