#include "api/PlaqueReportsApi.h"

#include "api/Access.h"
#include "api/BodyReader.h"
#include "api/Paging.h"
#include "api/ServiceErrors.h"
#include "certificates/CivilDate.h"
#include "http/Form.h"
#include "http/Json.h"
#include "services/Errors.h"
#include "web/ReportPage.h"

namespace tisheng::api {

namespace {

using http::Json;

Json reportJson(const domain::PlaqueReport& r) {
  auto optional = [](const auto& value) { return value ? Json(*value) : Json(); };
  return Json{
      {"id", r.id},
      {"reference", services::PlaqueReportService::referenceOf(r.id)},
      {"county", r.countyCode},
      {"place_name", r.placeName},
      {"address", r.address},
      {"seen", r.seen},
      {"code_seen", optional(r.codeSeen)},
      {"photo_url",
       r.photo ? Json("/api/v1/plaque-reports/" + std::to_string(r.id) + "/photo") : Json()},
      {"contact", optional(r.contact)},
      {"status", domain::toString(r.status)},
      {"triage_note", optional(r.triageNote)},
      {"triaged_by", optional(r.triagedBy)},
      {"created_at", certificates::isoTime(r.createdAt)}};
}

std::string field(const std::map<std::string, std::string>& fields, const std::string& name) {
  auto it = fields.find(name);
  return it == fields.end() ? "" : it->second;
}

}  // namespace

void addPlaqueReportRoutes(http::Router& router, services::PlaqueReportService& reports,
                           services::CountyService& counties, const domain::Programme& programme,
                           std::size_t maxPhotoBytes) {
  router.add("GET", "/report", [&](http::HttpRequest& request) {
    services::PlaqueReportForm form;
    form.codeSeen = request.queryValue("code").value_or("").substr(0, 400);
    return web::reportForm(web::pageRequest(request), 200, programme, counties.list(), form, {});
  });

  router.add("POST", "/report", [&, maxPhotoBytes](http::HttpRequest& request) {
    auto page = web::pageRequest(request);
    auto fields = http::parseFormBody(request.header("content-type"), request.body, maxPhotoBytes);
    services::PlaqueReportForm form{field(fields, "county"),  field(fields, "place_name"),
                                    field(fields, "address"), field(fields, "seen"),
                                    field(fields, "contact"), field(fields, "code"),
                                    field(fields, "photo")};
    try {
      if (fields.contains("photo.too_large")) throw services::Invalid("photo", "too large");
      auto filed = reports.file(form, request.remoteAddress);
      return web::reportFiled(page, programme,
                              services::PlaqueReportService::referenceOf(filed.id));
    } catch (const services::ServiceError& refusal) {
      http::HttpError error = asHttp(refusal);
      form.photo.clear();
      return web::reportForm(page, error.status(), programme, counties.list(), form, error.fields(),
                             error.status() == 400 ? "" : error.what());
    }
  });

  router.add("GET", "/api/v1/plaque-reports", [&](http::HttpRequest& request) {
    const auto& caller = requireLogin(request);
    auto status = wordQuery(request.queryValue("status"), "status",
                            domain::plaqueReportStatusFromString, "new, confirmed or dismissed");
    Page page = readPage(request);
    return http::jsonResponse(pageJson("reports", reports.list(caller, status), page, reportJson));
  });

  router.add("POST", "/api/v1/plaque-reports/{id}/triage", [&](http::HttpRequest& request) {
    const auto& caller = requireLogin(request);
    auto id = idParam(request.params.at("id"), "report");
    reports.get(caller, id);  // who may decide it, before what the body says
    Json body = http::parseJsonObject(request);
    BodyReader reader(body, {"decision", "resolution"});
    auto decision = reader.text("decision", true);
    auto note = reader.text("resolution", true);
    reader.finish();
    auto status = domain::plaqueReportStatusFromString(*decision);
    if (!status || *status == domain::PlaqueReportStatus::New)
      throw http::ValidationError("decision", "confirmed or dismissed");
    auto report = reports.triage(caller, id, *status, *note);
    return http::jsonResponse({{"report", reportJson(report)}});
  });

  router.add("GET", "/api/v1/plaque-reports/{id}/photo", [&](http::HttpRequest& request) {
    const auto& caller = requireLogin(request);
    http::HttpResponse response;
    response.body = reports.photo(caller, idParam(request.params.at("id"), "report"));
    response.contentType =
        services::MediaStore::imageType(response.body).value_or("application/octet-stream");
    response.setHeader("Cache-Control", "private, max-age=3600");
    return response;
  });
}

}  // namespace tisheng::api
