#include "api/ReportsApi.h"

#include "api/Access.h"
#include "api/ReportJson.h"
#include "http/HttpError.h"
#include "web/BulletinPage.h"

namespace tisheng::api {

using http::Json;

namespace {

int yearParam(const std::string& text) {
  if (text.size() != 4 || text.find_first_not_of("0123456789") != std::string::npos)
    throw http::NotFound("no targets for '" + text + "' (a year such as 2026)");
  return std::stoi(text);
}

/// {"targets": [{"county": "shangnan", "category": "homestay", "target": 20}, ...]}, every
/// problem named by its place in the list.
std::vector<storage::FactTarget> readTargets(const Json& body) {
  std::vector<http::FieldError> problems;
  for (const auto& [key, value] : body.items())
    if (key != "targets") problems.push_back({key, "unknown field"});
  if (!body.contains("targets") || !body["targets"].is_array())
    problems.push_back({"targets", "a list of {county, category, target}"});
  std::vector<storage::FactTarget> rows;
  if (problems.empty())
    for (std::size_t i = 0; i < body["targets"].size(); ++i) {
      const Json& row = body["targets"][i];
      std::string at = "targets[" + std::to_string(i) + "]";
      if (!row.is_object()) {
        problems.push_back({at, "an object {county, category, target}"});
        continue;
      }
      storage::FactTarget target;
      if (row.contains("county") && row["county"].is_string())
        target.county = row["county"].get<std::string>();
      else
        problems.push_back({at + ".county", "a county code"});
      auto category = row.contains("category") && row["category"].is_string()
                          ? rules::categoryFromString(row["category"].get<std::string>())
                          : std::nullopt;
      if (category)
        target.category = *category;
      else
        problems.push_back({at + ".category", "homestay, restaurant or product"});
      if (row.contains("target") && row["target"].is_number_integer())
        target.target = static_cast<int>(
            std::clamp<std::int64_t>(row["target"].get<std::int64_t>(), -1, 1000000));
      else
        problems.push_back({at + ".target", "a whole number"});
      for (const auto& [key, value] : row.items())
        if (key != "county" && key != "category" && key != "target")
          problems.push_back({at + "." + key, "unknown field"});
      rows.push_back(std::move(target));
    }
  if (!problems.empty()) throw http::ValidationError(std::move(problems));
  return rows;
}

Json targetsJson(int year, const std::vector<storage::FactTarget>& rows) {
  Json list = Json::array();
  for (const auto& row : rows)
    list.push_back({{"county", row.county},
                    {"category", rules::toString(row.category)},
                    {"target", row.target}});
  return {{"year", year}, {"targets", list}};
}

}  // namespace

void addReportRoutes(http::Router& router, services::ReportService& reports) {
  router.add("GET", "/api/v1/reports", [&reports](http::HttpRequest& request) {
    const auto& caller = requireLogin(request);
    std::string format = request.queryValue("format").value_or("json");
    if (format != "json" && format != "csv") throw http::ValidationError("format", "json or csv");
    auto report = reports.report(caller, request.queryValue("period").value_or(""),
                                 request.queryValue("county"));
    http::HttpResponse response;
    if (format == "csv") {
      response.contentType = "text/csv; charset=utf-8";
      response.body = reportCsv(report);
      response.setHeader("Content-Disposition",
                         "attachment; filename=\"tisheng-report-" + report.period.id() +
                             (report.county ? "-" + *report.county : "") + ".csv\"");
    } else {
      response = http::jsonResponse(reportJson(report));
    }
    response.setHeader("Cache-Control", "private, no-store");
    return response;
  });

  router.add("GET", "/api/v1/reports/bulletin", [&reports](http::HttpRequest& request) {
    const auto& caller = requireLogin(request);
    std::string format = request.queryValue("format").value_or("html");
    if (format != "html" && format != "pdf") throw http::ValidationError("format", "html or pdf");
    auto report = reports.report(caller, request.queryValue("period").value_or(""),
                                 request.queryValue("county"));
    bool english = request.lang() == "en";
    auto content = reports.bulletin(report, english);
    http::HttpResponse response;
    if (format == "pdf") {
      response.contentType = "application/pdf";
      response.body = certificates::renderBulletinPdf(content);
      response.setHeader("Content-Disposition",
                         "inline; filename=\"tisheng-bulletin-" + report.period.id() +
                             (report.county ? "-" + *report.county : "") + ".pdf\"");
    } else {
      response = web::bulletinHtml(content, english);
    }
    response.setHeader("Cache-Control", "private, no-store");
    return response;
  });

  router.add("GET", "/api/v1/targets/{year}", [&reports](http::HttpRequest& request) {
    const auto& caller = requireLogin(request);
    int year = yearParam(request.params.at("year"));
    return http::jsonResponse(targetsJson(year, reports.targets(caller, year)));
  });

  router.add("PUT", "/api/v1/targets/{year}", [&reports](http::HttpRequest& request) {
    const auto& caller = requireRole(request, {security::Role::CityAdmin});
    int year = yearParam(request.params.at("year"));
    auto rows = readTargets(http::parseJsonObject(request));
    reports.setTargets(caller, year, rows);
    return http::jsonResponse(targetsJson(year, reports.targets(caller, year)));
  });
}

}  // namespace tisheng::api
