#include "api/CountiesApi.h"

#include "api/Access.h"
#include "api/BodyReader.h"
#include "api/LocalizedJson.h"

namespace tisheng::api {

namespace {

using http::Json;
using security::Role;

Json countyJson(const domain::County& county) {
  return {{"code", county.code}, {"name", text(county.name)}};
}

}  // namespace

void addCountyRoutes(http::Router& router, services::CountyService& counties) {
  router.add("GET", "/api/v1/counties", [&counties](http::HttpRequest&) {
    Json list = Json::array();
    for (const auto& county : counties.list()) list.push_back(countyJson(county));
    return http::jsonResponse({{"counties", list}});
  });

  router.add("POST", "/api/v1/counties", [&counties](http::HttpRequest& request) {
    const auto& actor = requireRole(request, {Role::CityAdmin});
    Json body = http::parseJsonObject(request);
    BodyReader reader(body, {"code", "name"});
    std::string code = reader.text("code", true).value_or("");
    auto name = reader.localized("name", true);
    reader.finish();
    auto added = counties.add(actor, {code, *name});
    return http::jsonResponse({{"county", countyJson(added)}}, 201);
  });

  router.add("PATCH", "/api/v1/counties/{code}", [&counties](http::HttpRequest& request) {
    const auto& actor = requireRole(request, {Role::CityAdmin});
    Json body = http::parseJsonObject(request);
    BodyReader reader(body, {"name"});
    auto name = reader.localized("name", true);
    reader.finish();
    auto renamed = counties.rename(actor, {request.params.at("code"), *name});
    return http::jsonResponse({{"county", countyJson(renamed)}});
  });
}

}  // namespace tisheng::api
