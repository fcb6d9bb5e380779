#include <catch2/catch.hpp>
#include <regex>
#include <set>

#include "support/Fixture.h"

using tisheng::test::Fixture;
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
    {"PATCH /api/v1/users/{id}", "UAAFFFF", R"({"display_name": "insp"})"},
    {"POST /api/v1/session/password", "UAAAAAA",
     R"({"current_password": "not it", "new_password": "a new and long passphrase"})"},
    {"GET /api/v1/worklist", "UAAAAAA", ""},
    {"GET /api/v1/rectifications", "UAAAFFF", ""},
    {"GET /api/v1/notices", "UAAAFFF", ""},
    {"GET /", "AAAAAAA", ""},
    {"GET /favicon.svg", "AAAAAAA", ""},
    {"GET /admin", "AAAAAAA", ""},
    {"GET /admin/", "AAAAAAA", ""},
    {"GET /admin/{path...}", "AAAAAAA", ""},
    {"GET /api/v1/standards", "AAAAAAA", ""},
    {"GET /api/v1/standards/{id}", "AAAAAAA", ""},
    {"POST /api/v1/standards/{id}/evaluate", "AAAAAAA", "{}"},
    {"GET /c/{token}", "AAAAAAA", ""},
    {"GET /api/v1/public/verify/{token}", "AAAAAAA", ""},
    {"GET /.well-known/jwks.json", "AAAAAAA", ""},
    {"GET /api/v1/public/status-list", "AAAAAAA", ""},
    {"GET /api/v1/public/entries", "AAAAAAA", ""},
    {"GET /entries/{id}", "AAAAAAA", ""},
    {"GET /report", "AAAAAAA", ""},
    {"GET /api/v1/catalogues/{file}", "UAAAFFF", ""},
    {"GET /catalogues/{file}", "AAAAAAA", ""},
    {"GET /api/v1/reports", "UAAFFFF", ""},
    {"GET /api/v1/reports/bulletin", "UAAFFFF", ""},
    {"GET /api/v1/targets/{year}", "UAAAFFF", ""},
    {"PUT /api/v1/targets/{year}", "UAFFFFF",
     R"({"targets": [{"county": "shangzhou", "category": "homestay", "target": 5}]})"},
    {"POST /report", "AAAAAAA", ""},
    {"GET /api/v1/plaque-reports", "UAAAFFF", ""},
    {"POST /api/v1/plaque-reports/{id}/triage", "UAAFFFF", "{}"},
    {"GET /api/v1/plaque-reports/{id}/photo", "UAAFFFF", ""},
    {"GET /api/v1/public/entries/{id}", "AAAAAAA", ""},
    {"GET /api/v1/public/entries.csv", "AAAAAAA", ""},
    {"GET /api/v1/public/entries.jsonl", "AAAAAAA", ""},
    {"OPTIONS /api/v1/public/{path...}", "AAAAAAA", ""},
    {"GET /api/v1/public/audit/checkpoints", "AAAAAAA", ""},
    {"GET /api/v1/public/audit/checkpoints/latest", "AAAAAAA", ""},
    {"GET /api/v1/certificates/{serial}/plaque.pdf", "UAAFFAF", ""},
    {"GET /api/v1/certificates/{serial}/plaque.svg", "UAAFFAF", ""},
    {"GET /api/v1/certificates/{serial}/plaque.png", "UAAFFAF", ""},
    {"GET /api/v1/certificates/{serial}/qr.svg", "UAAFFAF", ""},
    {"GET /api/v1/certificates/{serial}/qr.png", "UAAFFAF", ""},
    {"GET /api/v1/counties", "AAAAAAA", ""},
    {"POST /api/v1/counties", "UAFFFFF", R"({"code": "matrix"})"},
    {"PATCH /api/v1/counties/{code}", "UAFFFFF", R"({"name": {"zh": "商州区"}})"},
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
    {"GET /api/v1/public/directory", "AAAAAAA", ""},
    {"GET /directory", "AAAAAAA", ""},
    {"POST /directory/notices/{id}/objections", "AAAAAAA", "text=%E5%BC%82%E8%AE%AE"},
    {"POST /api/v1/public/notices/{id}/objections", "AAAAAAA", R"({"text": "异议"})"},
    {"GET /api/v1/inspections", "UAAAAFF", ""},
    {"POST /api/v1/inspections", "UAAFFFF", R"({"kind": "spot_check", "entry_id": 1})"},
    {"GET /api/v1/inspections/{id}", "UAAFAFF", ""},
    {"GET /api/v1/inspections/{id}/evidence/{evidence}", "UAAFAFF", ""},
    {"PATCH /api/v1/inspections/{id}", "UAAFFFF", R"({"scheduled_on": "2027-01-05"})"},
    {"PUT /api/v1/inspections/{id}/scores", "UFFFAFF", R"({"scores": {}})"},
    {"POST /api/v1/inspections/{id}/evidence", "UFFFAFF", "not an image"},
    {"POST /api/v1/inspections/{id}/submit", "UFFFAFF", ""},
    {"POST /api/v1/inspections/{id}/decision", "UAAFFFF",
     R"({"decision": "cancel", "reason": "matrix"})"},
    {"GET /api/v1/entries/{id}/record", "UAAFAAF", ""},
    {"GET /api/v1/complaints", "UAAAFFF", ""},
    {"POST /api/v1/complaints/{id}/triage", "UAAFFFF", R"({"decision": "dismissed"})"},
    {"GET /api/v1/objections", "UAAAFFF", ""},
    {"POST /api/v1/objections/{id}/decision", "UAAFFFF",
     R"({"decision": "dismissed", "resolution": "核实无误"})"},
    {"POST /api/v1/decisions/{id}/appeals", "UAAFFAF", R"({"grounds": "理由"})"},
    {"GET /api/v1/appeals", "UAAAFFF", ""},
    {"POST /api/v1/appeals/{id}/decision", "UAAFFFF",
     R"({"decision": "rejected", "resolution": "维持"})"},
    {"POST /api/v1/certificates/{serial}/rectifications", "UAAFFFF",
     R"({"findings": "整改", "deadline": "2026-12-01"})"},
    {"POST /api/v1/certificates/{serial}/revocation", "UAAFFFF",
     R"({"reason": "closure", "effective_on": "2027-06-01"})"},
};

}  // namespace

TEST_CASE("Authorization matrix: every route for every role and county", "[http]") {
  TestServer server;
  Fixture fixture = tisheng::test::makeFixture(server);
  const auto& cert = fixture.certificate;
  auto& auth = server.app().auth();
  const std::string password = "correct horse battery";

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
    target = std::regex_replace(target, std::regex("\\{code\\}"), "shangzhou");
    target = std::regex_replace(target, std::regex("\\{year\\}"), "2026");
    // Reports name the county asked for: the county office "here" may, one elsewhere may not.
    if (target.starts_with("/api/v1/reports")) target += "?period=2026-Q4&county=shangzhou";
    target = std::regex_replace(target, std::regex("\\{path\\.\\.\\.\\}"), "src/main.js");
    target =
        std::regex_replace(target, std::regex("\\{evidence\\}"), std::to_string(fixture.evidence));
    target = std::regex_replace(
        target, std::regex("\\{id\\}"),
        target.find("standards") != std::string::npos ? "homestay" : fixture.idFor(target));
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

TEST_CASE("Every list and its filters stay within the caller's county", "[http]") {
  TestServer server;
  Fixture fixture = tisheng::test::makeFixture(server);
  auto& auth = server.app().auth();
  auto as = [&](const char* username) {
    return std::map<std::string, std::string>{
        {"Authorization",
         "Bearer " + auth.login(username, "correct horse battery", "10.0.0.1").token}};
  };
  // Everything in the fixture is in shangzhou: the office there sees it, the one in luonan
  // sees none of it, whatever it asks for.
  const char* lists[] = {
      "/api/v1/entries",
      "/api/v1/entries?status=suspended",
      "/api/v1/inspections",
      "/api/v1/inspections?kind=review",
      "/api/v1/complaints",
      "/api/v1/objections",
      "/api/v1/appeals",
      "/api/v1/notices",
      "/api/v1/users?role=inspector",
  };
  for (const char* list : lists) {
    CAPTURE(list);
    auto here = server.client().get(list, as("here"));
    auto there = server.client().get(list, as("there"));
    REQUIRE(here.status == 200);
    REQUIRE(there.status == 200);
    CHECK(here.json()["total"].get<int>() >= 1);
    CHECK(there.json()["total"] == 0);
  }
  CHECK(server.client().get("/api/v1/entries?county=shangzhou", as("there")).status == 403);
  CHECK(server.client().get("/api/v1/entries?county=luonan", as("here")).status == 403);
  auto mine = server.client().get("/api/v1/entries", as("owner")).json();
  CHECK(mine["total"] == 1);
  CHECK(server.client().get("/api/v1/entries", as("other")).json()["total"] == 0);
  CHECK(server.client()
            .send("PATCH", "/api/v1/users/" + std::to_string(fixture.user), R"({"disabled": true})",
                  as("there"))
            .status == 403);
}
