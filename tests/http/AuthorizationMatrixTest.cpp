#include <catch2/catch.hpp>
#include <regex>
#include <set>

#include "support/Registry.h"

using tisheng::rules::Category;
using tisheng::security::Role;
using tisheng::test::TestServer;

namespace {

/// Callers, each a fresh session per request (a logout must not affect the next row).
enum Caller { Anonymous, City, CountyHere, CountyElsewhere, Inspector, Owner, OtherBusiness };
constexpr const char* kCallerNames[] = {
    "anonymous", "city admin", "county admin here", "county admin elsewhere",
    "inspector", "owner",      "other business"};
constexpr const char* kUsernames[] = {"", "city", "here", "there", "insp", "owner", "other"};

/// A = allowed (anything but 401/403), U = 401, F = 403; one letter per caller, in Caller order.
struct Row {
  const char* route;  ///< "METHOD pattern" as registered
  const char* expected;
  const char* body;
};

// Every route the server registers must have a row: a new route without one fails the test.
const Row kMatrix[] = {
    {"GET /healthz", "AAAAAAA", ""},
    {"POST /api/v1/login", "AAAAAAA",
     R"({"username": "insp", "password": "correct horse battery"})"},
    {"POST /api/v1/logout", "UAAAAAA", ""},
    {"GET /api/v1/session", "UAAAAAA", ""},
    {"GET /api/v1/users", "UAAAFFF", ""},
    {"POST /api/v1/users", "UAAAFFF", "{}"},
    {"GET /api/v1/standards", "AAAAAAA", ""},
    {"GET /api/v1/standards/{id}", "AAAAAAA", ""},
    {"POST /api/v1/standards/{id}/evaluate", "AAAAAAA", "{}"},
    {"GET /c/{token}", "AAAAAAA", ""},
    {"GET /api/v1/public/verify/{token}", "AAAAAAA", ""},
    {"GET /.well-known/jwks.json", "AAAAAAA", ""},
    {"GET /api/v1/public/status-list", "AAAAAAA", ""},
    {"GET /api/v1/certificates/{serial}/plaque.pdf", "UAAFFAF", ""},
    {"GET /api/v1/certificates/{serial}/plaque.svg", "UAAFFAF", ""},
    {"GET /api/v1/certificates/{serial}/plaque.png", "UAAFFAF", ""},
    {"GET /api/v1/certificates/{serial}/qr.svg", "UAAFFAF", ""},
    {"GET /api/v1/certificates/{serial}/qr.png", "UAAFFAF", ""},
    {"GET /api/v1/entries", "UAAAAAA", ""},
    {"POST /api/v1/entries", "UAAAFFF", "{}"},
    {"GET /api/v1/entries/{id}", "UAAFAAF", ""},
    {"PATCH /api/v1/entries/{id}", "UAAFFAF", "{}"},
    {"PUT /api/v1/entries/{id}/photo", "UAAFFAF", "not an image"},
    {"PUT /api/v1/entries/{id}/reply", "UFFFFAF", "{}"},
    {"GET /media/entries/{id}", "AAAAAAA", ""},
    {"GET /complaints/new", "AAAAAAA", ""},
    {"POST /complaints/new", "AAAAAAA", ""},
    {"POST /api/v1/public/complaints", "AAAAAAA", "{}"},
};

}  // namespace

TEST_CASE("Authorization matrix: every route for every role and county", "[http]") {
  TestServer server;
  auto entry = tisheng::test::addEntry(server, Category::Homestay, "山居");  // in shangzhou
  auto cert = tisheng::test::issue(server, entry, Category::Homestay, "jia");
  server.app().registry().addCounty("luonan", {"洛南县", "Luonan"}, {"test", 0});
  auto& auth = server.app().auth();
  const std::string password = "correct horse battery";
  auth.createUser({"city", "city", Role::CityAdmin, std::nullopt, password}, "test");
  auth.createUser({"here", "here", Role::CountyAdmin, "shangzhou", password}, "test");
  auth.createUser({"there", "there", Role::CountyAdmin, "luonan", password}, "test");
  auth.createUser({"insp", "insp", Role::Inspector, "shangzhou", password}, "test");
  auth.createUser({"owner", "owner", Role::Business, std::nullopt, password}, "test");
  auth.createUser({"other", "other", Role::Business, std::nullopt, password}, "test");
  tisheng::test::setOwner(server, entry, "owner");

  std::set<std::string> registered, covered;
  for (const auto& route : server.app().router().routes())
    registered.insert(route.method + " " + route.pattern);
  for (const Row& row : kMatrix) {
    covered.insert(row.route);
    std::string route(row.route);
    std::string method = route.substr(0, route.find(' '));
    std::string target = route.substr(route.find(' ') + 1);
    target = std::regex_replace(target, std::regex("\\{serial\\}"), cert.serial);
    target = std::regex_replace(target, std::regex("\\{token\\}"), cert.token);
    target = std::regex_replace(
        target, std::regex("\\{id\\}"),
        target.find("standards") != std::string::npos ? "homestay" : std::to_string(entry));
    for (int caller = Anonymous; caller <= OtherBusiness; ++caller) {
      std::map<std::string, std::string> headers;
      if (caller != Anonymous)
        headers["Authorization"] =
            "Bearer " + auth.login(kUsernames[caller], password, "10.0.0.1").token;
      auto reply = server.client().send(method, target, row.body, headers);
      char got = reply.status == 401 ? 'U' : reply.status == 403 ? 'F' : 'A';
      CAPTURE(row.route, kCallerNames[caller], reply.status);
      CHECK(got == row.expected[caller]);
      CHECK(reply.status < 500);
    }
  }
  CHECK(covered == registered);
}
