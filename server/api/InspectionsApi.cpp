#include "api/InspectionsApi.h"

#include "api/Access.h"
#include "api/BodyReader.h"
#include "api/EntryJson.h"
#include "api/EvaluationJson.h"
#include "api/Paging.h"
#include "certificates/CivilDate.h"
#include "domain/WorkflowJson.h"
#include "rules/Evaluator.h"

namespace tisheng::api {

namespace {

using http::Json;
using security::Role;

std::int64_t inspectionId(const http::HttpRequest& request) {
  return idParam(request.params.at("id"), "inspection");
}

Json evidenceJson(const domain::Evidence& evidence) {
  Json out = domain::toJson(evidence);
  out["url"] = "/api/v1/inspections/" + std::to_string(evidence.inspectionId) + "/evidence/" +
               std::to_string(evidence.id);
  return out;
}

Json outcomeJson(const services::InspectionOutcome& outcome,
                 const rules::StandardRegistry& standards, const std::string& lang) {
  Json out{{"result", outcome.result},
           {"inspection", inspectionJson(outcome.inspection, standards, lang)}};
  if (outcome.notice) out["notice"] = domain::toJson(*outcome.notice);
  if (outcome.certificate)
    out["certificate"] = {{"serial", outcome.certificate->serial},
                          {"grade", outcome.certificate->grade},
                          {"valid_until", certificates::isoDate(outcome.certificate->validUntil)}};
  if (outcome.decision) out["decision"] = domain::toJson(*outcome.decision);
  if (outcome.rectification) out["rectification"] = domain::toJson(*outcome.rectification);
  return out;
}

const char* const kKinds = "initial, review, spot_check, complaint or reinspection";
const char* const kStatuses = "scheduled, submitted, confirmed, refused or cancelled";

}  // namespace

Json inspectionJson(const domain::Inspection& inspection, const rules::StandardRegistry& standards,
                    const std::string& lang) {
  Json out = domain::toJson(inspection);
  auto standard = standards.find(inspection.standardId, inspection.standardVersion);
  if (inspection.result && standard)
    out["evaluation"] = toJson(
        rules::evaluate(*standard, rules::scoreSheetFromJson(inspection.scores)), *standard, lang);
  return out;
}

void addInspectionRoutes(http::Router& router, services::InspectionService& inspections,
                         const rules::StandardRegistry& standards,
                         storage::RegistryRepository& registry) {
  router.add("GET", "/api/v1/inspections", [&](http::HttpRequest& request) {
    const auto& p = requireLogin(request);
    auto overdue = request.queryValue("overdue");
    if (overdue && *overdue != "true" && *overdue != "false")
      throw http::ValidationError("overdue", "true or false");
    services::InspectionQuery query{
        .entryId = integerQuery(request.queryValue("entry_id"), "entry_id"),
        .status = wordQuery(request.queryValue("status"), "status",
                            domain::inspectionStatusFromString, kStatuses),
        .kind =
            wordQuery(request.queryValue("kind"), "kind", domain::inspectionKindFromString, kKinds),
        .overdue = overdue == "true"};
    Page page = readPage(request);
    EntryNames names(registry);
    return http::jsonResponse(pageJson("inspections", inspections.list(p, query), page,
                                       [&](const domain::Inspection& inspection) {
                                         Json item = domain::toJson(inspection);
                                         item["entry"] = names(inspection.entryId);
                                         return item;
                                       }));
  });

  router.add("POST", "/api/v1/inspections", [&](http::HttpRequest& request) {
    const auto& p = requireRole(request, {Role::CityAdmin, Role::CountyAdmin, Role::Business});
    Json body = http::parseJsonObject(request);
    BodyReader reader(body, {"kind", "entry_id", "standard", "scheduled_on", "inspectors"});
    services::InspectionRequest open;
    open.kind = reader.word("kind", domain::inspectionKindFromString, kKinds, true)
                    .value_or(domain::InspectionKind::Initial);
    open.entryId = reader.integer("entry_id", true).value_or(0);
    open.standardId = reader.text("standard");
    open.scheduledOn = reader.date("scheduled_on");
    open.inspectors = reader.strings("inspectors").value_or(std::vector<std::string>{});
    reader.finish();
    return http::jsonResponse(
        {{"inspection", inspectionJson(inspections.open(p, open), standards, request.lang())}},
        201);
  });

  router.add("GET", "/api/v1/inspections/{id}", [&](http::HttpRequest& request) {
    const auto& p = requireLogin(request);
    auto include = request.queryValue("include");
    if (include && *include != "standard") throw http::ValidationError("include", "standard");
    auto [inspection, evidence] = inspections.get(p, inspectionId(request));
    Json evidenceList = Json::array();
    for (const auto& item : evidence) evidenceList.push_back(evidenceJson(item));
    Json out = inspectionJson(inspection, standards, request.lang());
    out["entry"] = EntryNames(registry)(inspection.entryId);
    Json reply{{"inspection", out}, {"evidence", evidenceList}};
    // The sheet on a phone needs both; one round trip instead of two on 3G.
    if (include == "standard")
      if (auto standard = standards.find(inspection.standardId, inspection.standardVersion))
        reply["standard"] = standard->document;
    return http::jsonResponse(reply);
  });

  router.add("PATCH", "/api/v1/inspections/{id}", [&](http::HttpRequest& request) {
    const auto& p = requireRole(request, {Role::CityAdmin, Role::CountyAdmin});
    Json body = http::parseJsonObject(request);
    BodyReader reader(body, {"inspectors", "scheduled_on"});
    auto inspectors = reader.strings("inspectors");
    auto scheduledOn = reader.date("scheduled_on");
    reader.finish();
    return http::jsonResponse(
        {{"inspection",
          inspectionJson(inspections.assign(p, inspectionId(request), inspectors, scheduledOn),
                         standards, request.lang())}});
  });

  router.add("PUT", "/api/v1/inspections/{id}/scores", [&](http::HttpRequest& request) {
    const auto& p = requireRole(request, {Role::Inspector});
    Json body = http::parseJsonObject(request);
    BodyReader reader(body, {"scores", "notes"});
    Json scores = reader.object("scores").value_or(Json::object());
    Json notes = reader.object("notes").value_or(Json::object());
    reader.finish();
    return http::jsonResponse(
        {{"inspection",
          inspectionJson(inspections.saveScores(p, inspectionId(request), scores, notes), standards,
                         request.lang())}});
  });

  router.add("POST", "/api/v1/inspections/{id}/evidence", [&](http::HttpRequest& request) {
    const auto& p = requireRole(request, {Role::Inspector});
    auto evidence =
        inspections.addEvidence(p, inspectionId(request), request.queryValue("item"), request.body);
    return http::jsonResponse({{"evidence", evidenceJson(evidence)}}, 201);
  });

  router.add("GET", "/api/v1/inspections/{id}/evidence/{evidence}",
             [&](http::HttpRequest& request) {
               const auto& p = requireLogin(request);
               auto [evidence, bytes] = inspections.evidenceFile(
                   p, inspectionId(request), idParam(request.params.at("evidence"), "evidence"));
               http::HttpResponse response;
               response.contentType = evidence.contentType;
               response.body = std::move(bytes);
               response.setHeader("Cache-Control", "private, max-age=3600");
               response.setHeader("X-Content-SHA256", evidence.sha256);
               return response;
             });

  router.add("POST", "/api/v1/inspections/{id}/submit", [&](http::HttpRequest& request) {
    const auto& p = requireRole(request, {Role::Inspector});
    return http::jsonResponse(
        {{"inspection", inspectionJson(inspections.submit(p, inspectionId(request)), standards,
                                       request.lang())}});
  });

  router.add("POST", "/api/v1/inspections/{id}/decision", [&](http::HttpRequest& request) {
    const auto& p = requireRole(request, {Role::CityAdmin, Role::CountyAdmin});
    Json body = http::parseJsonObject(request);
    BodyReader reader(body, {"decision", "reason", "findings", "deadline"});
    services::InspectionVerdict verdict;
    verdict.decision = reader.text("decision", true).value_or("");
    verdict.reason = reader.text("reason").value_or("");
    verdict.findings = reader.text("findings");
    verdict.deadline = reader.date("deadline");
    reader.finish();
    return http::jsonResponse(outcomeJson(inspections.decide(p, inspectionId(request), verdict),
                                          standards, request.lang()));
  });
}

}  // namespace tisheng::api
