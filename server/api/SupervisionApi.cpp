#include "api/SupervisionApi.h"

#include "api/Access.h"
#include "api/BodyReader.h"
#include "api/EntryJson.h"
#include "api/InspectionsApi.h"
#include "api/Paging.h"
#include "certificates/CivilDate.h"
#include "domain/WorkflowJson.h"

namespace tisheng::api {

namespace {

using http::Json;
using security::Role;

template <typename T>
Json listJson(const std::vector<T>& items) {
  Json out = Json::array();
  for (const auto& item : items) out.push_back(domain::toJson(item));
  return out;
}

/// The body of a decision on an objection or appeal: {"decision": ..., "resolution": ...}.
std::pair<std::string, std::string> readResolution(const http::HttpRequest& request) {
  Json body = http::parseJsonObject(request);
  BodyReader reader(body, {"decision", "resolution"});
  auto decision = reader.text("decision", true);
  auto resolution = reader.text("resolution", true);
  reader.finish();
  return {*decision, *resolution};
}

}  // namespace

void addSupervisionRoutes(http::Router& router, services::SupervisionService& supervision,
                          const rules::StandardRegistry& standards,
                          storage::RegistryRepository& registry) {
  router.add("POST", "/api/v1/certificates/{serial}/rectifications",
             [&](http::HttpRequest& request) {
               const auto& p = requireRole(request, {Role::CityAdmin, Role::CountyAdmin});
               Json body = http::parseJsonObject(request);
               BodyReader reader(body, {"findings", "deadline", "suspend"});
               auto findings = reader.text("findings", true);
               auto deadline = reader.date("deadline", true);
               auto suspend = reader.boolean("suspend");
               reader.finish();
               auto rectification = supervision.rectify(p, request.params.at("serial"), *findings,
                                                        *deadline, suspend.value_or(false));
               return http::jsonResponse({{"rectification", domain::toJson(rectification)}}, 201);
             });

  router.add("POST", "/api/v1/certificates/{serial}/revocation", [&](http::HttpRequest& request) {
    const auto& p = requireRole(request, {Role::CityAdmin, Role::CountyAdmin});
    Json body = http::parseJsonObject(request);
    BodyReader reader(body, {"reason", "note", "effective_on"});
    auto reason = reader.text("reason", true);
    auto note = reader.text("note");
    auto effectiveOn = reader.date("effective_on");
    reader.finish();
    auto decision =
        supervision.revoke(p, request.params.at("serial"), *reason, note.value_or(""), effectiveOn);
    return http::jsonResponse({{"decision", domain::toJson(decision)}}, 201);
  });

  router.add("GET", "/api/v1/complaints", [&](http::HttpRequest& request) {
    const auto& p = requireRole(request, {Role::CityAdmin, Role::CountyAdmin});
    Page page = readPage(request);
    EntryNames names(registry);
    return http::jsonResponse(pageJson(
        "complaints",
        supervision.complaints(
            p, wordQuery(request.queryValue("status"), "status", domain::complaintStatusFromString,
                         "new, dismissed, upheld or inspect")),
        page, [&](const domain::Complaint& complaint) {
          Json item = domain::toJson(complaint);
          item["entry"] = names(complaint.entryId);
          return item;
        }));
  });

  router.add("POST", "/api/v1/complaints/{id}/triage", [&](http::HttpRequest& request) {
    const auto& p = requireRole(request, {Role::CityAdmin, Role::CountyAdmin});
    Json body = http::parseJsonObject(request);
    BodyReader reader(body, {"decision", "note", "scheduled_on", "inspectors"});
    services::ComplaintTriage triage;
    triage.decision = reader.text("decision", true).value_or("");
    triage.note = reader.text("note").value_or("");
    triage.scheduledOn = reader.date("scheduled_on");
    triage.inspectors = reader.strings("inspectors").value_or(std::vector<std::string>{});
    reader.finish();
    auto [complaint, inspection, decision] =
        supervision.triage(p, idParam(request.params.at("id"), "complaint"), triage);
    Json out{{"complaint", domain::toJson(complaint)}};
    if (inspection) out["inspection"] = domain::toJson(*inspection);
    if (decision) out["decision"] = domain::toJson(*decision);
    return http::jsonResponse(out);
  });

  router.add("GET", "/api/v1/objections", [&](http::HttpRequest& request) {
    const auto& p = requireRole(request, {Role::CityAdmin, Role::CountyAdmin});
    Page page = readPage(request);
    EntryNames names(registry);
    return http::jsonResponse(
        pageJson("objections",
                 supervision.objections(
                     p, wordQuery(request.queryValue("status"), "status",
                                  domain::objectionStatusFromString, "open, dismissed or upheld")),
                 page, [&](const std::pair<domain::Objection, domain::Notice>& found) {
                   Json item = domain::toJson(found.first);
                   item["notice"] = domain::toJson(found.second);
                   item["entry"] = names(found.second.entryId);
                   return item;
                 }));
  });

  router.add("POST", "/api/v1/objections/{id}/decision", [&](http::HttpRequest& request) {
    const auto& p = requireRole(request, {Role::CityAdmin, Role::CountyAdmin});
    auto [decision, resolution] = readResolution(request);
    auto objection = supervision.resolveObjection(p, idParam(request.params.at("id"), "objection"),
                                                  decision, resolution);
    return http::jsonResponse({{"objection", domain::toJson(objection)}});
  });

  router.add("POST", "/api/v1/decisions/{id}/appeals", [&](http::HttpRequest& request) {
    const auto& p = requireRole(request, {Role::CityAdmin, Role::CountyAdmin, Role::Business});
    Json body = http::parseJsonObject(request);
    BodyReader reader(body, {"grounds"});
    auto grounds = reader.text("grounds", true);
    reader.finish();
    auto appeal = supervision.appeal(p, idParam(request.params.at("id"), "decision"), *grounds);
    return http::jsonResponse({{"appeal", domain::toJson(appeal)}}, 201);
  });

  router.add("GET", "/api/v1/appeals", [&](http::HttpRequest& request) {
    const auto& p = requireRole(request, {Role::CityAdmin, Role::CountyAdmin});
    Page page = readPage(request);
    EntryNames names(registry);
    return http::jsonResponse(
        pageJson("appeals",
                 supervision.appeals(
                     p, wordQuery(request.queryValue("status"), "status",
                                  domain::appealStatusFromString, "open, granted or rejected")),
                 page, [&](const std::pair<domain::Appeal, domain::Decision>& found) {
                   Json item = domain::toJson(found.first);
                   item["decision"] = domain::toJson(found.second);
                   item["entry"] = names(found.second.entryId);
                   return item;
                 }));
  });

  router.add("POST", "/api/v1/appeals/{id}/decision", [&](http::HttpRequest& request) {
    const auto& p = requireRole(request, {Role::CityAdmin, Role::CountyAdmin});
    auto [decision, resolution] = readResolution(request);
    auto appeal = supervision.decideAppeal(p, idParam(request.params.at("id"), "appeal"), decision,
                                           resolution);
    return http::jsonResponse({{"appeal", domain::toJson(appeal)}});
  });

  router.add("GET", "/api/v1/entries/{id}/record", [&](http::HttpRequest& request) {
    const auto& p = requireLogin(request);
    auto record = supervision.record(p, idParam(request.params.at("id"), "entry"));
    Json certificatesJson = Json::array();
    for (const auto& c : record.certificates) certificatesJson.push_back(certificateJson(c));
    Json inspectionsJson = Json::array();
    for (const auto& i : record.inspections)
      inspectionsJson.push_back(inspectionJson(i, standards, request.lang()));
    Json decisions = Json::array();
    for (const auto& [decision, appeal] : record.decisions) {
      Json item = domain::toJson(decision);
      item["appeal"] = appeal ? domain::toJson(*appeal) : Json();
      decisions.push_back(item);
    }
    return http::jsonResponse({{"certificates", certificatesJson},
                               {"inspections", inspectionsJson},
                               {"notices", listJson(record.notices)},
                               {"rectifications", listJson(record.rectifications)},
                               {"decisions", decisions},
                               {"complaints", listJson(record.complaints)},
                               {"objections", listJson(record.objections)}});
  });
}

}  // namespace tisheng::api
