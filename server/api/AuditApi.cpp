#include "api/AuditApi.h"

#include "certificates/CivilDate.h"
#include "http/HttpError.h"
#include "http/Json.h"

namespace tisheng::api {

void addAuditRoutes(http::Router& router, services::AuditService& audit) {
  router.add("GET", "/api/v1/public/audit/checkpoints", [&audit](http::HttpRequest&) {
    http::Json list = http::Json::array();
    for (const auto& c : audit.recent(30))
      list.push_back({{"id", c.id},
                      {"at", certificates::isoTime(c.at)},
                      {"rows", c.head.rows},
                      {"head", c.head.hash},
                      {"jws", c.jws}});
    return http::jsonResponse({{"checkpoints", list}});
  });
  router.add("GET", "/api/v1/public/audit/checkpoints/latest", [&audit](http::HttpRequest&) {
    auto latest = audit.recent(1);
    if (latest.empty()) throw http::NotFound("no checkpoint has been made yet");
    http::HttpResponse response;
    response.contentType = "application/jose";
    response.body = latest[0].jws;
    return response;
  });
}

}  // namespace tisheng::api
