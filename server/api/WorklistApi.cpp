#include "api/WorklistApi.h"

#include "api/Access.h"
#include "api/EntryJson.h"
#include "api/Paging.h"
#include "certificates/CivilDate.h"
#include "domain/WorkflowJson.h"

namespace tisheng::api {

namespace {

using http::Json;
using security::Role;

/// Where each office count leads: the list route and its query.
const std::map<std::string, std::string> kCountLists{
    {"awaiting_confirmation", "/api/v1/inspections?status=submitted"},
    {"notices_ending", "/api/v1/notices?ending_before={soon}"},
    {"objections_open", "/api/v1/objections?status=open"},
    {"reviews_due", "/api/v1/inspections?kind=review&status=scheduled"},
    {"reviews_overdue", "/api/v1/inspections?kind=review&status=scheduled&overdue=true"},
    {"rectifications_due", "/api/v1/rectifications?due_before={week}"},
    {"complaints_new", "/api/v1/complaints?status=new"},
    {"plaque_reports_new", "/api/v1/plaque-reports?status=new"},
    {"appeals_open", "/api/v1/appeals?status=open"},
};

std::string expand(std::string text, const std::string& name, const std::string& value) {
  if (auto at = text.find(name); at != std::string::npos) text.replace(at, name.size(), value);
  return text;
}

}  // namespace

void addWorklistRoutes(http::Router& router, services::WorklistService& worklist,
                       services::InspectionService& inspections,
                       storage::RegistryRepository& registry, storage::UserRepository& users) {
  router.add("GET", "/api/v1/worklist", [&](http::HttpRequest& request) {
    const auto& p = requireLogin(request);
    int today = worklist.today();
    Json out{{"role", security::toString(p.role)}, {"today", certificates::isoDate(today)}};
    if (p.isOffice()) {
      std::string soon =
          certificates::isoDate(today + services::WorklistService::kNoticeEndingDays + 1);
      std::string week =
          certificates::isoDate(today + services::WorklistService::kDeadlineSoonDays + 1);
      Json counts = Json::array();
      for (const auto& [key, count] : worklist.officeCounts(p))
        counts.push_back(
            {{"key", key},
             {"count", count},
             {"list", expand(expand(kCountLists.at(key), "{soon}", soon), "{week}", week)}});
      out["counts"] = counts;
    } else if (p.role == Role::Inspector) {
      EntryNames names(registry);
      Json assigned = Json::array(), queue = Json::array();
      auto open = inspections.list(p, {.status = domain::InspectionStatus::Scheduled});
      std::stable_sort(open.begin(), open.end(),
                       [](const auto& a, const auto& b) { return a.scheduledOn < b.scheduledOn; });
      for (const auto& inspection : open) {
        Json item = domain::toJson(inspection);
        item["entry"] = names(inspection.entryId);
        bool mine = std::find(inspection.assignees.begin(), inspection.assignees.end(), p.userId) !=
                    inspection.assignees.end();
        (mine ? assigned : queue).push_back(item);
      }
      out["assigned"] = assigned;
      out["queue"] = queue;
    } else {
      Json entries = Json::array();
      for (const auto& status : worklist.entries(p, {}))
        entries.push_back(entryStatusJson(status, users));
      out["entries"] = entries;
    }
    return http::jsonResponse(out);
  });

  router.add("GET", "/api/v1/rectifications", [&](http::HttpRequest& request) {
    const auto& p = requireRole(request, {Role::CityAdmin, Role::CountyAdmin});
    auto dueBefore = dateQuery(request, "due_before");
    Page page = readPage(request);
    EntryNames names(registry);
    return http::jsonResponse(pageJson("rectifications", worklist.rectifications(p, dueBefore),
                                       page, [&](const services::OpenRectification& open) {
                                         Json item = domain::toJson(open.rectification);
                                         item["certificate"] = certificateJson(open.certificate);
                                         item["entry"] = names(open.certificate.entryId);
                                         return item;
                                       }));
  });

  router.add("GET", "/api/v1/notices", [&](http::HttpRequest& request) {
    const auto& p = requireRole(request, {Role::CityAdmin, Role::CountyAdmin});
    auto endingBefore = dateQuery(request, "ending_before");
    Page page = readPage(request);
    EntryNames names(registry);
    return http::jsonResponse(pageJson("notices", worklist.notices(p, endingBefore), page,
                                       [&](const services::OpenNotice& open) {
                                         Json item = domain::toJson(open.notice);
                                         item["open_objections"] = open.openObjections;
                                         item["entry"] = names(open.notice.entryId);
                                         return item;
                                       }));
  });
}

}  // namespace tisheng::api
