#include <catch2/catch.hpp>
#include <regex>
#include <sstream>
#include <thread>

#include "api/ServiceErrors.h"
#include "http/Decorators.h"
#include "http/HttpError.h"
#include "http/Json.h"
#include "support/SharedText.h"

using namespace tisheng::http;

namespace {
HttpRequest request(const std::string& path = "/x") {
  HttpRequest r;
  r.method = "GET";
  r.path = path;
  return r;
}
}  // namespace

TEST_CASE("Error mapping turns each error into its status and JSON", "[unit]") {
  auto failing = [](auto error) {
    return withErrorMapping([error](HttpRequest&) -> HttpResponse { throw error; });
  };
  auto r = request();
  r.requestId = "rid-12345";

  auto validation = failing(ValidationError("name", "must not be empty"))(r);
  CHECK(validation.status == 400);
  auto body = Json::parse(validation.body);
  CHECK(body["error"]["fields"][0]["field"] == "name");
  CHECK(body["error"]["request_id"] == "rid-12345");
  CHECK(body["error"]["message"] == "请求内容有误");

  CHECK(failing(Unauthorized())(r).status == 401);
  CHECK(failing(Forbidden())(r).status == 403);
  CHECK(failing(NotFound("x"))(r).status == 404);
  CHECK(failing(Conflict("x"))(r).status == 409);
  CHECK(failing(PayloadTooLarge(10))(r).status == 413);
  auto limited = failing(RateLimited(30))(r);
  CHECK(limited.status == 429);
  CHECK(std::find(limited.headers.begin(), limited.headers.end(),
                  std::pair<std::string, std::string>{"Retry-After", "30"}) !=
        limited.headers.end());
}

TEST_CASE("Unexpected exceptions become a 500 without internals", "[unit]") {
  auto r = request();
  r.requestId = "rid-abcdefgh";
  auto standard = withErrorMapping([](HttpRequest&) -> HttpResponse {
    throw std::runtime_error("secret table xyz missing");
  })(r);
  CHECK(standard.status == 500);
  CHECK(standard.body.find("secret") == std::string::npos);
  CHECK(standard.body.find("rid-abcdefgh") != std::string::npos);
  auto anything = withErrorMapping([](HttpRequest&) -> HttpResponse { throw 42; })(r);
  CHECK(anything.status == 500);
}

TEST_CASE("Request ids are kept when sane and made otherwise", "[unit]") {
  auto echo = withRequestId([](HttpRequest& r) {
    HttpResponse response;
    response.body = r.requestId;
    return response;
  });
  auto given = request();
  given.headers["x-request-id"] = "client-chosen-1";
  CHECK(echo(given).body == "client-chosen-1");
  auto hostile = request();
  hostile.headers["x-request-id"] = "bad id\r\nSet-Cookie: x";
  std::string made = echo(hostile).body;
  CHECK(made.size() == 16);
  CHECK(made.find(' ') == std::string::npos);
}

TEST_CASE("Logging writes one line per request including errors", "[unit]") {
  std::ostringstream out;
  AccessLog log(out);
  auto handler = withLogging(
      withErrorMapping([](HttpRequest&) -> HttpResponse { throw NotFound("gone"); }), log);
  auto r = request("/missing");
  r.requestId = "rid-log-0001";
  handler(r);
  log.flush();
  std::string line = out.str();
  CHECK(line.find(" GET /missing 404 ") != std::string::npos);
  CHECK(line.find("rid=rid-log-0001") != std::string::npos);
  CHECK(std::count(line.begin(), line.end(), '\n') == 1);
  CHECK(std::regex_search(line, std::regex(R"(^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z )")));
}

TEST_CASE("Log lines gather in memory and are written in order within the interval", "[unit]") {
  tisheng::test::SharedText out;
  auto lines = [&] {
    std::string text = out.text();
    return std::count(text.begin(), text.end(), '\n');
  };
  {
    AccessLog log(out, std::chrono::milliseconds(50));
    for (int n = 0; n < 3; ++n) log.record("GET", "/c/" + std::to_string(n), 200, 0.5, "rid");
    CHECK(lines() == 0);  // gathered, not yet written
    auto start = std::chrono::steady_clock::now();
    while (lines() == 0 && std::chrono::steady_clock::now() - start < std::chrono::seconds(5))
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    CHECK(lines() == 3);
    log.record("GET", "/c/3", 304, 0.1, "rid");
    log.note("scheduler: 1 expired");  // a note writes what came before it, and itself
    CHECK(out.text().find("/c/3 304") < out.text().find("scheduler: 1 expired"));
    log.record("GET", "/c/4", 200, 0.1, "rid");
  }
  std::string all = out.text();  // the rest is written when the log closes
  CHECK(std::count(all.begin(), all.end(), '\n') == 6);
  for (int n = 0; n < 4; ++n)
    CHECK(all.find("/c/" + std::to_string(n)) < all.find("/c/" + std::to_string(n + 1)));
}

TEST_CASE("The body limit answers 413 before the handler runs", "[unit]") {
  bool called = false;
  auto handler = withBodyLimit(
      [&](HttpRequest&) {
        called = true;
        return HttpResponse{};
      },
      100);
  auto r = request();
  r.bodyTooLarge = true;
  CHECK_THROWS_AS(handler(r), PayloadTooLarge);
  CHECK_FALSE(called);
}

TEST_CASE("Language comes from the query and then Accept-Language", "[unit]") {
  auto r = request();
  CHECK(r.lang() == "zh");
  r.headers["accept-language"] = "en-GB,en;q=0.9";
  CHECK(r.lang() == "en");
  r.query.emplace("lang", "zh-CN");
  CHECK(r.lang() == "zh");
}

TEST_CASE("Service refusals map to HTTP statuses in one place", "[unit]") {
  namespace services = tisheng::services;
  auto refusing = [](auto error) {
    return withErrorMapping(
        tisheng::api::withServiceErrors([error](HttpRequest&) -> HttpResponse { throw error; }));
  };
  auto r = request();
  auto invalid = refusing(services::Invalid("deadline", "after today"))(r);
  CHECK(invalid.status == 400);
  CHECK(Json::parse(invalid.body)["error"]["fields"][0]["field"] == "deadline");
  CHECK(refusing(services::Unauthenticated())(r).status == 401);
  CHECK(refusing(services::Forbidden())(r).status == 403);
  CHECK(refusing(services::NotFound("no entry 9"))(r).status == 404);
  auto conflict = refusing(services::Conflict("already decided"))(r);
  CHECK(conflict.status == 409);
  CHECK(Json::parse(conflict.body)["error"]["detail"] == "already decided");
  CHECK(refusing(services::TooLarge(10))(r).status == 413);
  auto limited = refusing(services::RateLimited(30))(r);
  CHECK(limited.status == 429);
  CHECK(std::find(limited.headers.begin(), limited.headers.end(),
                  std::pair<std::string, std::string>{"Retry-After", "30"}) !=
        limited.headers.end());
}
