#include "api/AuthApi.h"

#include "api/Access.h"
#include "http/HttpError.h"
#include "http/Json.h"

namespace tisheng::api {

namespace {

using http::Json;
using security::Role;

Json userJson(const storage::User& user) {
  return {{"id", user.id},
          {"username", user.username},
          {"display_name", user.displayName},
          {"role", security::toString(user.role)},
          {"county", user.county ? Json(*user.county) : Json()}};
}

/// The string fields of a JSON body: every key must be in `allowed`, every value a string.
std::map<std::string, std::string> stringFields(const Json& body,
                                                std::initializer_list<std::string> required,
                                                std::initializer_list<std::string> optional) {
  std::vector<http::FieldError> errors;
  std::map<std::string, std::string> out;
  for (const auto& [key, value] : body.items()) {
    bool known = std::find(required.begin(), required.end(), key) != required.end() ||
                 std::find(optional.begin(), optional.end(), key) != optional.end();
    if (!known)
      errors.push_back({key, "unknown field"});
    else if (!value.is_string())
      errors.push_back({key, "expected a string"});
    else
      out[key] = value.get<std::string>();
  }
  for (const auto& key : required)
    if (!body.contains(key)) errors.push_back({key, "required field is missing"});
  if (!errors.empty()) throw http::ValidationError(errors);
  return out;
}

}  // namespace

void addAuthRoutes(http::Router& router, services::AuthService& auth, int sessionSeconds,
                   bool secureCookie) {
  const std::string attributes =
      std::string("; Path=/; HttpOnly; SameSite=Strict") + (secureCookie ? "; Secure" : "");
  router.add(
      "POST", "/api/v1/login", [&auth, sessionSeconds, attributes](http::HttpRequest& request) {
        auto fields = stringFields(http::parseJsonObject(request), {"username", "password"}, {});
        auto result = auth.login(fields["username"], fields["password"], request.remoteAddress);
        auto response = http::jsonResponse({{"user", userJson(result.user)},
                                            {"token", result.token},
                                            {"csrf_token", result.csrfToken}});
        response.setHeader("Set-Cookie", std::string(kSessionCookie) + "=" + result.token +
                                             attributes +
                                             "; Max-Age=" + std::to_string(sessionSeconds));
        response.setHeader("Cache-Control", "no-store");
        return response;
      });

  router.add("POST", "/api/v1/logout", [&auth, attributes](http::HttpRequest& request) {
    requireLogin(request);
    std::string bearer = request.header("authorization");
    auth.logout(bearer.starts_with("Bearer ") ? bearer.substr(7) : request.cookie(kSessionCookie));
    auto response = http::jsonResponse({{"logged_out", true}});
    response.setHeader("Set-Cookie",
                       std::string(kSessionCookie) + "=" + attributes + "; Max-Age=0");
    return response;
  });

  router.add("GET", "/api/v1/session", [&auth](http::HttpRequest& request) {
    const auto& principal = requireLogin(request);
    std::string bearer = request.header("authorization");
    auto session = auth.authenticate(
        bearer.starts_with("Bearer ") ? bearer.substr(7) : request.cookie(kSessionCookie));
    return http::jsonResponse({{"user",
                                {{"id", principal.userId},
                                 {"username", principal.username},
                                 {"role", security::toString(principal.role)},
                                 {"county", principal.county ? Json(*principal.county) : Json()}}},
                               {"csrf_token", session ? session->csrfToken : ""}});
  });

  router.add("GET", "/api/v1/users", [&auth](http::HttpRequest& request) {
    const auto& principal = requireRole(request, {Role::CityAdmin, Role::CountyAdmin});
    Json list = Json::array();
    for (const auto& user : auth.users())
      if (principal.role == Role::CityAdmin ||
          (user.county && principal.coversCounty(*user.county)))
        list.push_back(userJson(user));
    return http::jsonResponse({{"users", list}});
  });

  router.add("POST", "/api/v1/users", [&auth](http::HttpRequest& request) {
    const auto& principal = requireRole(request, {Role::CityAdmin, Role::CountyAdmin});
    auto fields = stringFields(http::parseJsonObject(request),
                               {"username", "display_name", "role", "password"}, {"county"});
    services::NewUser user;
    user.username = fields["username"];
    user.displayName = fields["display_name"];
    user.password = fields["password"];
    auto role = security::roleFromString(fields["role"]);
    if (!role)
      throw http::ValidationError("role", "one of city_admin, county_admin, inspector, business");
    user.role = *role;
    if (fields.count("county")) user.county = fields["county"];
    if (principal.role == Role::CountyAdmin) {
      // A county office manages its own inspectors and businesses only.
      if (user.role != Role::Inspector && user.role != Role::Business)
        throw http::Forbidden("a county admin may create inspectors and businesses only");
      if (user.county && *user.county != *principal.county)
        throw http::Forbidden("a county admin may create users in its own county only");
      user.county = principal.county;
    }
    return http::jsonResponse({{"user", userJson(auth.createUser(user, principal.username))}}, 201);
  });
}

}  // namespace tisheng::api
