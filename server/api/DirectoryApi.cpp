#include "api/DirectoryApi.h"

#include "api/BodyReader.h"
#include "api/LocalizedJson.h"
#include "api/ServiceErrors.h"
#include "certificates/CivilDate.h"
#include "domain/WorkflowJson.h"

namespace tisheng::api {

namespace {

using http::Json;

Json entrySummary(const domain::Entry& e) {
  return Json{{"id", e.id},
              {"category", rules::toString(e.category)},
              {"category_title", text(domain::categoryTitle(e.category))},
              {"name", text(e.name)},
              {"county", e.countyCode},
              {"county_name", text(e.countyName)},
              {"address", text(e.address)},
              {"reply", e.reply ? Json(*e.reply) : Json()}};
}

/// The directory as JSON, filtered by the request's county and category.
Json directoryJson(const http::HttpRequest& request, services::SupervisionService& supervision,
                   const services::CertificateService& certificates,
                   const rules::StandardRegistry& standards) {
  auto county = request.queryValue("county");
  std::optional<rules::Category> category;
  if (auto value = request.queryValue("category")) {
    category = rules::categoryFromString(*value);
    if (!category) throw http::ValidationError("category", "homestay, restaurant or product");
  }
  auto keep = [&](const domain::Entry& e) {
    return (!county || e.countyCode == *county) && (!category || e.category == *category);
  };
  auto [certified, pending] = supervision.directory();
  Json listed = Json::array();
  for (const auto& [c, e] : certified) {
    if (!keep(e)) continue;
    Json item = entrySummary(e);
    item["status"] = "certified";
    item["grade"] = c.grade;
    item["grade_title"] = text(standards.gradeTitle(c.standardId, c.standardVersion, c.grade));
    item["serial"] = c.serial;
    item["valid_until"] = certificates::isoDate(c.validUntil);
    item["verify_url"] = certificates.verificationUrl(c);
    listed.push_back(item);
  }
  Json notices = Json::array();
  for (const auto& [n, e] : pending) {
    if (!keep(e)) continue;
    Json item = entrySummary(e);
    item["status"] = "pending";
    item["notice_id"] = n.id;
    item["grade"] = n.grade;
    item["grade_title"] = text(standards.gradeTitle(n.standardId, n.standardVersion, n.grade));
    item["notice_ends_on"] = certificates::isoDate(n.endsOn);
    item["objections_url"] = "/api/v1/public/notices/" + std::to_string(n.id) + "/objections";
    notices.push_back(item);
  }
  return Json{{"certified", listed}, {"pending", notices}};
}

}  // namespace

void addDirectoryRoutes(http::Router& router, services::SupervisionService& supervision,
                        const services::CertificateService& certificates,
                        const rules::StandardRegistry& standards) {
  router.add("GET", "/api/v1/public/directory", [&](http::HttpRequest& request) {
    http::HttpResponse response =
        http::jsonResponse(directoryJson(request, supervision, certificates, standards));
    response.setHeader("Cache-Control", "public, max-age=60");
    return response;
  });

  router.add("POST", "/api/v1/public/notices/{id}/objections", [&](http::HttpRequest& request) {
    Json body = http::parseJsonObject(request);
    BodyReader reader(body, {"text", "contact"});
    auto objectionText = reader.text("text", true);
    auto contact = reader.text("contact");
    reader.finish();
    auto objection = supervision.object(idParam(request.params.at("id"), "notice"), *objectionText,
                                        contact, request.remoteAddress);
    return http::jsonResponse(
        {{"objection",
          {{"id", objection.id}, {"notice_id", objection.noticeId}, {"status", "open"}}},
         {"message",
          {{"zh", "异议已收到，办公室将在公示期结束前核查。"},
           {"en", "Objection received; the office will look into it before the notice ends."}}}},
        201);
  });
}

}  // namespace tisheng::api
