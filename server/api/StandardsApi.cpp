#include "api/StandardsApi.h"

#include <Poco/NumberParser.h>

#include "api/EvaluationJson.h"
#include "http/HttpError.h"
#include "http/Json.h"
#include "rules/Evaluator.h"
#include "rules/Problem.h"

namespace tisheng::api {

namespace {

using http::HttpRequest;
using http::Json;

/// The standard named in the path, at ?version= or the latest.
std::shared_ptr<const rules::Standard> standardFor(const HttpRequest& request,
                                                   const rules::StandardRegistry& registry) {
  const std::string& id = request.params.at("id");
  std::shared_ptr<const rules::Standard> standard;
  if (auto version = request.queryValue("version")) {
    int number = 0;
    if (!Poco::NumberParser::tryParse(*version, number) || number < 1)
      throw http::ValidationError("version", "expected a positive integer");
    standard = registry.find(id, number);
    if (!standard && registry.latest(id))
      throw http::NotFound("standard '" + id + "' has no version " + *version);
  } else {
    standard = registry.latest(id);
  }
  if (!standard) throw http::NotFound("no standard '" + id + "'");
  return standard;
}

rules::ScoreSheet sheetFrom(const HttpRequest& request) {
  Json body = http::parseJsonObject(request);
  std::vector<http::FieldError> unknown;
  for (const auto& [key, value] : body.items())
    if (key != "scores") unknown.push_back({key, "unknown field"});
  if (!unknown.empty()) throw http::ValidationError(unknown);
  if (!body.contains("scores")) throw http::ValidationError("scores", "required field is missing");
  return rules::scoreSheetFromJson(body["scores"]);
}

http::ValidationError sheetError(const rules::InvalidScoreSheet& invalid) {
  std::vector<http::FieldError> fields;
  for (const auto& problem : invalid.problems())
    fields.push_back({rules::scoreField(problem), problem.message});
  return http::ValidationError(fields);
}

}  // namespace

void addStandardsRoutes(http::Router& router, const rules::StandardRegistry& registry) {
  router.add("GET", "/api/v1/standards", [&registry](HttpRequest& request) {
    Json list = Json::array();
    for (const auto& standard : registry.latestOfEach())
      list.push_back(summaryJson(*standard, registry.versions(standard->id), request.lang()));
    return http::jsonResponse(Json{{"standards", list}});
  });

  router.add("GET", "/api/v1/standards/{id}", [&registry](HttpRequest& request) {
    return http::jsonResponse(standardFor(request, registry)->document);
  });

  router.add("POST", "/api/v1/standards/{id}/evaluate", [&registry](HttpRequest& request) {
    auto standard = standardFor(request, registry);
    try {
      rules::ScoreSheet sheet = sheetFrom(request);
      return http::jsonResponse(
          toJson(rules::evaluate(*standard, sheet), *standard, request.lang()));
    } catch (const rules::InvalidScoreSheet& invalid) {
      throw sheetError(invalid);
    }
  });
}

}  // namespace tisheng::api
