#include <catch2/catch.hpp>
#include <regex>

#include "support/Fixture.h"

using tisheng::test::Fixture;
using tisheng::test::TestServer;
using Json = nlohmann::ordered_json;

namespace {

/// One write endpoint, a body it would accept, and the fields to spoil.
struct Endpoint {
  const char* method;
  const char* route;   ///< as registered; ids are filled from the fixture
  const char* caller;  ///< a fixture user allowed to call it, or "" for anyone
  const char* validBody;
  const char* first;        ///< a top-level field of validBody, to spoil
  const char* textField;    ///< a top-level string field, for U+0000 ("" when none)
  bool requiresFields;      ///< {} is refused
  const char* illegalBody;  ///< accepted in shape but not now (409), or nullptr
};

const Endpoint kEndpoints[] = {
    {"POST", "/api/v1/login", "", R"({"username": "city", "password": "not the password"})",
     "username", "password", true, nullptr},
    {"POST", "/api/v1/users", "city",
     R"({"username": "new.user", "display_name": "新用户", "role": "inspector", "county": "shangzhou", "password": "Qinling-2026-ok"})",
     "username", "display_name", true, nullptr},
    {"POST", "/api/v1/counties", "city", R"({"code": "shanyang", "name": {"zh": "山阳县"}})",
     "code", "code", true, R"({"code": "shangzhou", "name": {"zh": "商州区"}})"},
    {"PATCH", "/api/v1/counties/{code}", "city", R"({"name": {"zh": "商州区"}})", "name", "", true,
     nullptr},
    {"POST", "/api/v1/entries", "city",
     R"({"category": "restaurant", "name": {"zh": "新店"}, "county": "shangzhou"})", "category",
     "county", true, nullptr},
    {"PATCH", "/api/v1/entries/{id}", "city", R"({"contact": "0914-1234567"})", "contact",
     "contact", false, nullptr},
    {"PUT", "/api/v1/entries/{id}/reply", "owner", R"({"text": "欢迎监督"})", "text", "text", true,
     nullptr},
    {"POST", "/api/v1/public/complaints", "",
     R"({"serial": "{serial}", "category": "service", "description": "服务态度恶劣，拒绝开具发票"})",
     "serial", "description", true, nullptr},
    {"POST", "/api/v1/public/notices/{id}/objections", "", R"({"text": "公示异议"})", "text",
     "text", true, nullptr},
    {"POST", "/api/v1/inspections", "city", R"({"kind": "spot_check", "entry_id": 1})", "kind",
     "kind", true, R"({"kind": "initial", "entry_id": 1})"},
    {"PATCH", "/api/v1/inspections/{id}", "city", R"({"scheduled_on": "2027-01-05"})",
     "scheduled_on", "scheduled_on", false, nullptr},
    {"PUT", "/api/v1/inspections/{id}/scores", "insp", R"({"scores": {"m.licences": "pass"}})",
     "scores", "", false, nullptr},
    {"POST", "/api/v1/inspections/{id}/decision", "city",
     R"({"decision": "cancel", "reason": "测试"})", "decision", "reason", true,
     R"({"decision": "confirm"})"},
    {"POST", "/api/v1/complaints/{id}/triage", "city",
     R"({"decision": "dismissed", "note": "核实"})", "decision", "note", true, nullptr},
    {"POST", "/api/v1/objections/{id}/decision", "city",
     R"({"decision": "dismissed", "resolution": "核实无误"})", "decision", "resolution", true,
     nullptr},
    {"POST", "/api/v1/decisions/{id}/appeals", "owner", R"({"grounds": "申诉理由"})", "grounds",
     "grounds", true, R"({"grounds": "再次申诉"})"},
    {"POST", "/api/v1/appeals/{id}/decision", "city",
     R"({"decision": "rejected", "resolution": "维持"})", "decision", "resolution", true, nullptr},
    {"POST", "/api/v1/certificates/{serial}/rectifications", "city",
     R"({"findings": "整改", "deadline": "2026-12-01"})", "findings", "findings", true, nullptr},
    {"POST", "/api/v1/certificates/{serial}/revocation", "city",
     R"({"reason": "closure", "effective_on": "2027-06-01"})", "reason", "note", true, nullptr},
};

/// body with field set to raw JSON text (which need not be valid JSON: 1e400).
std::string withRaw(const std::string& body, const std::string& field, const std::string& raw) {
  Json doc = Json::parse(body);
  doc[field] = "@@RAW@@";
  std::string text = doc.dump();
  return text.replace(text.find("\"@@RAW@@\""), 9, raw);
}

struct Case {
  std::string what;
  std::string target;
  std::string body;
  int status;
  std::string field;  ///< a field the error must name ("" for none)
  std::string fieldPrefix;
};

std::vector<Case> casesFor(const Endpoint& e, const std::string& target,
                           const std::string& unknownTarget, const std::string& valid) {
  const std::string first = e.first;
  std::vector<Case> cases{
      {"malformed", target, valid.substr(0, valid.size() / 2), 400, "body", ""},
      {"deep nesting", target,
       withRaw(valid, first, std::string(100000, '[') + std::string(100000, ']')), 400, "",
       first + "[0][0]"},
      {"huge number", target, withRaw(valid, first, "1e400"), 400, first, ""},
      {"negative huge number", target, withRaw(valid, first, "-1e400"), 400, first, ""},
      {"wrong type", target, withRaw(valid, first, "[]"), 400, first, ""},
      {"oversize", target, withRaw(valid, first, "\"" + std::string(1100000, 'x') + "\""), 413, "",
       ""},
      {"duplicate key", target,
       "{\"" + first + "\": " + Json::parse(valid)[first].dump() + ", " + valid.substr(1), 400,
       first, ""},
      {"unknown field", target, withRaw(valid, "colour", "\"red\""), 400, "colour", ""},
      {"not an object", target, "[" + valid + "]", 400, "body", ""},
  };
  if (e.requiresFields) cases.push_back({"missing", target, "{}", 400, "", ""});
  if (*e.textField)
    cases.push_back(
        {"NUL", target, withRaw(valid, e.textField, R"("a\u0000b")"), 400, e.textField, ""});
  if (!unknownTarget.empty()) cases.push_back({"unknown id", unknownTarget, valid, 404, "", ""});
  if (e.illegalBody) cases.push_back({"illegal now", target, e.illegalBody, 409, "", ""});
  return cases;
}

}  // namespace

TEST_CASE("Bad input to every write endpoint is refused naming the field, writing nothing",
          "[http]") {
  TestServer server;
  Fixture fixture = tisheng::test::makeFixture(server);
  auto& auth = server.app().auth();
  std::string before = tisheng::test::databaseDump(server);
  int checked = 0;
  for (const Endpoint& e : kEndpoints) {
    std::string target =
        std::regex_replace(e.route, std::regex("\\{serial\\}"), fixture.certificate.serial);
    target = std::regex_replace(target, std::regex("\\{code\\}"), "shangzhou");
    std::string unknown;
    if (target.find("{id}") != std::string::npos) {
      unknown = std::regex_replace(target, std::regex("\\{id\\}"), "999999");
      target = std::regex_replace(target, std::regex("\\{id\\}"), fixture.idFor(target));
    } else if (std::string(e.route).find("{serial}") != std::string::npos) {
      unknown = std::regex_replace(e.route, std::regex("\\{serial\\}"), "SL-MS-2026-999999");
    } else if (std::string(e.route).find("{code}") != std::string::npos) {
      unknown = std::regex_replace(e.route, std::regex("\\{code\\}"), "nowhere");
    }
    std::string valid =
        std::regex_replace(e.validBody, std::regex("\\{serial\\}"), fixture.certificate.serial);
    std::map<std::string, std::string> headers;
    if (*e.caller)
      headers["Authorization"] =
          "Bearer " + auth.login(e.caller, "correct horse battery", "10.9.8.7").token;
    for (const Case& c : casesFor(e, target, unknown, valid)) {
      CAPTURE(e.method, c.target, c.what);
      auto reply = server.client().send(e.method, c.target, c.body, headers);
      CAPTURE(reply.body.substr(0, 400));
      CHECK(reply.status == c.status);
      auto fields = reply.status == 400 ? reply.errorFields() : std::vector<std::string>{};
      if (!c.field.empty()) CHECK(std::find(fields.begin(), fields.end(), c.field) != fields.end());
      if (!c.fieldPrefix.empty()) CHECK((!fields.empty() && fields[0].starts_with(c.fieldPrefix)));
      if (c.what == "missing") CHECK_FALSE(fields.empty());
      CHECK(tisheng::test::databaseDump(server) == before);
      ++checked;
    }
  }
  CHECK(checked > 200);
}
