#include "api/AuthApi.h"

#include "api/Access.h"
#include "api/BodyReader.h"
#include "api/Paging.h"
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
          {"county", user.county ? Json(*user.county) : Json()},
          {"disabled", user.disabled}};
}

/// The session token the request was authenticated by.
std::string sessionToken(const http::HttpRequest& request) {
  std::string bearer = request.header("authorization");
  return bearer.starts_with("Bearer ") ? bearer.substr(7) : request.cookie(kSessionCookie);
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
    auth.logout(sessionToken(request));
    auto response = http::jsonResponse({{"logged_out", true}});
    response.setHeader("Set-Cookie",
                       std::string(kSessionCookie) + "=" + attributes + "; Max-Age=0");
    return response;
  });

  router.add("GET", "/api/v1/session", [&auth](http::HttpRequest& request) {
    const auto& principal = requireLogin(request);
    auto session = auth.authenticate(sessionToken(request));
    return http::jsonResponse({{"user",
                                {{"id", principal.userId},
                                 {"username", principal.username},
                                 {"role", security::toString(principal.role)},
                                 {"county", principal.county ? Json(*principal.county) : Json()}}},
                               {"csrf_token", session ? session->csrfToken : ""}});
  });

  router.add("POST", "/api/v1/session/password", [&auth](http::HttpRequest& request) {
    const auto& principal = requireLogin(request);
    auto fields =
        stringFields(http::parseJsonObject(request), {"current_password", "new_password"}, {});
    auth.changePassword(principal, sessionToken(request), fields["current_password"],
                        fields["new_password"], request.remoteAddress);
    return http::jsonResponse({{"changed", true}});
  });

  router.add("GET", "/api/v1/users", [&auth](http::HttpRequest& request) {
    const auto& principal = requireRole(request, {Role::CityAdmin, Role::CountyAdmin});
    auto role = request.queryValue("role");
    if (role && !security::roleFromString(*role))
      throw http::ValidationError("role", "one of city_admin, county_admin, inspector, business");
    std::string needle = request.queryValue("q").value_or("");
    Page page = readPage(request);
    std::vector<storage::User> users;
    for (auto& user : auth.usersOf(principal))
      if ((!role || security::toString(user.role) == *role) &&
          (user.username.find(needle) != std::string::npos ||
           user.displayName.find(needle) != std::string::npos))
        users.push_back(std::move(user));
    return http::jsonResponse(pageJson("users", users, page, userJson));
  });

  router.add("PATCH", "/api/v1/users/{id}", [&auth](http::HttpRequest& request) {
    const auto& principal = requireRole(request, {Role::CityAdmin, Role::CountyAdmin});
    Json body = http::parseJsonObject(request);
    BodyReader reader(body, {"display_name", "disabled", "password"});
    services::UserChange change;
    change.displayName = reader.text("display_name");
    change.disabled = reader.boolean("disabled");
    change.password = reader.text("password");
    reader.finish();
    return http::jsonResponse(
        {{"user",
          userJson(auth.updateUser(principal, idParam(request.params.at("id"), "user"), change))}});
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
