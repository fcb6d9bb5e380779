#include "api/ReportJson.h"

#include <cmath>

#include "api/LocalizedJson.h"
#include "api/PublicRecordJson.h"
#include "certificates/CivilDate.h"
#include "domain/PublicRecord.h"

namespace tisheng::api {

using http::Json;

namespace {

Json share(const std::optional<double>& value) {
  if (!value) return nullptr;
  return std::round(*value * 10000) / 10000;
}

Json flowsJson(const domain::Flows& f) {
  return {{"applications", f.applications}, {"newly_certified", f.newlyCertified},
          {"renewed", f.renewed},           {"upgraded", f.upgraded},
          {"downgraded", f.downgraded},     {"suspended", f.suspended},
          {"reinstated", f.reinstated},     {"removed", f.removed},
          {"expired", f.expired},           {"barred", f.barred}};
}

Json supervisionJson(const domain::Supervision& s) {
  Json kinds = Json::array();
  for (const auto& k : s.byKind)
    kinds.push_back(
        {{"kind", domain::toString(k.kind)}, {"due", k.due}, {"done", k.done}, {"made", k.made}});
  return {{"by_kind", kinds},
          {"overdue_reviews", s.overdueReviews},
          {"rectifications",
           {{"opened", s.rectificationsOpened},
            {"open", s.rectificationsOpen},
            {"overdue", s.rectificationsOverdue},
            {"closed_in_time", s.rectificationsClosedInTime},
            {"missed", s.rectificationsMissed}}}};
}

Json casesJson(const domain::ProgrammeReport& r) {
  const auto& c = r.complaints;
  const auto& n = r.notices;
  const auto& a = r.appeals;
  return {{"complaints",
           {{"received", c.received},
            {"dismissed", c.dismissed},
            {"upheld", c.upheld},
            {"inspected", c.inspected},
            {"untriaged", c.untriaged},
            {"median_hours_to_triage", share(c.medianHoursToTriage)}}},
          {"notices",
           {{"opened", n.noticesOpened},
            {"issued", n.noticesIssued},
            {"withdrawn", n.noticesWithdrawn},
            {"on_notice", n.onNotice},
            {"objections_filed", n.objectionsFiled},
            {"objections_dismissed", n.objectionsDismissed},
            {"objections_upheld", n.objectionsUpheld},
            {"objections_open", n.objectionsOpen}}},
          {"appeals",
           {{"filed", a.filed},
            {"granted", a.granted},
            {"rejected", a.rejected},
            {"open", a.open},
            {"granted_share", share(a.grantedShare)},
            {"median_days_to_decide", share(a.medianDaysToDecide)}}}};
}

Json qualityJson(const domain::ProgrammeReport& r) {
  Json sections = Json::array(), failed = Json::array();
  for (const auto& s : r.sections)
    sections.push_back({{"standard", s.standardId},
                        {"standard_version", s.standardVersion},
                        {"standard_title", text(s.standardTitle)},
                        {"section", s.sectionId},
                        {"title", text(s.title)},
                        {"inspections", s.inspections},
                        {"average_share", share(s.averageShare)}});
  for (const auto& f : r.mostFailed)
    failed.push_back({{"category", rules::toString(f.category)},
                      {"item", f.itemId},
                      {"title", text(f.title)},
                      {"section", text(f.section)},
                      {"failed", f.failed},
                      {"inspections", f.inspections}});
  return {{"sections", sections}, {"most_failed", failed}};
}

Json standingJson(const domain::ProgrammeReport& r) {
  Json targets = Json::array(), ranking = Json::array(), removals = Json::array();
  for (const auto& t : r.targets)
    targets.push_back({{"county", t.county},
                       {"category", rules::toString(t.category)},
                       {"target", t.target},
                       {"certified", t.certified}});
  for (const auto& k : r.ranking)
    ranking.push_back({{"rank", k.rank},
                       {"county", k.county},
                       {"certified", k.certified},
                       {"target", k.target},
                       {"progress", share(k.progress)},
                       {"newly_certified", k.newlyCertified},
                       {"removed", k.removed}});
  for (const auto& m : r.removals)
    removals.push_back(
        {{"entry_id", m.entryId},
         {"name", text(m.name)},
         {"county", m.county},
         {"category", rules::toString(m.category)},
         {"serial", m.serial},
         {"grade", m.grade},
         {"reason", {{"code", m.reason}, {"title", text(domain::revocationTitle(m.reason))}}},
         {"on", certificates::isoDate(m.day)}});
  return {{"targets", targets}, {"ranking", ranking}, {"removals", removals}};
}

}  // namespace

Json reportJson(const domain::ProgrammeReport& r) {
  Json counties = Json::array(), certified = Json::array(), flows = Json::array();
  for (const auto& c : r.counties) counties.push_back({{"code", c.code}, {"name", text(c.name)}});
  for (const auto& c : r.certified)
    certified.push_back({{"county", c.county},
                         {"category", rules::toString(c.category)},
                         {"grade", c.grade},
                         {"count", c.count},
                         {"previous", c.previous},
                         {"year_earlier", c.yearEarlier}});
  for (const auto& f : r.flows) {
    Json row = {{"county", f.county}, {"category", rules::toString(f.category)}};
    row.update(flowsJson(f.flows));
    flows.push_back(row);
  }
  auto total = r.totalCertified();
  Json removedByReason = Json::object();
  for (const auto& [reason, count] : r.removedByReason) removedByReason[reason] = count;
  Json out = {{"period",
               {{"id", r.period.id()},
                {"title", text(r.period.title())},
                {"first", certificates::isoDate(r.period.first())},
                {"last", certificates::isoDate(r.period.last())},
                {"previous", r.period.previous().id()},
                {"year_earlier", r.period.yearEarlier().id()}}},
              {"as_of", certificates::isoTime(r.asOf)},
              {"county", r.county ? Json(*r.county) : Json()},
              {"counties", counties},
              {"certified",
               {{"total", total.count},
                {"previous", total.previous},
                {"year_earlier", total.yearEarlier},
                {"suspended", r.suspendedAtEnd},
                {"rows", certified}}},
              {"flows", {{"total", flowsJson(r.totalFlows())}, {"rows", flows}}},
              {"removed_by_reason", removedByReason},
              {"supervision", supervisionJson(r.supervision)},
              {"quality", qualityJson(r)}};
  out.update(casesJson(r));
  out.update(standingJson(r));
  return out;
}

std::string reportCsv(const domain::ProgrammeReport& r) {
  std::string out =
      "\xEF\xBB\xBF"
      "family,measure,county,category,grade,kind,value\r\n";
  auto line = [&](const std::string& family, const std::string& measure, const Json& county,
                  const Json& category, const Json& grade, const Json& kind, const Json& value) {
    out += family + "," + measure + "," + csvField(county) + "," + csvField(category) + "," +
           csvField(grade) + "," + csvField(kind) + "," + csvField(value) + "\r\n";
  };
  Json json = reportJson(r);
  for (const auto& c : json["certified"]["rows"])
    for (const char* measure : {"count", "previous", "year_earlier"})
      line("certified", measure, c["county"], c["category"], c["grade"], nullptr, c[measure]);
  line("certified", "suspended", nullptr, nullptr, nullptr, nullptr, r.suspendedAtEnd);
  for (const auto& f : json["flows"]["rows"])
    for (const auto& [measure, value] : f.items())
      if (measure != "county" && measure != "category")
        line("flows", measure, f["county"], f["category"], nullptr, nullptr, value);
  for (const auto& [reason, count] : r.removedByReason)
    line("removed_by_reason", reason, nullptr, nullptr, nullptr, nullptr, count);
  for (const auto& k : json["supervision"]["by_kind"])
    for (const char* measure : {"due", "done", "made"})
      line("supervision", measure, nullptr, nullptr, nullptr, k["kind"], k[measure]);
  line("supervision", "overdue_reviews", nullptr, nullptr, nullptr, nullptr,
       r.supervision.overdueReviews);
  for (const char* family : {"complaints", "notices", "appeals"})
    for (const auto& [measure, value] : json[family].items())
      line(family, measure, nullptr, nullptr, nullptr, nullptr, value);
  for (const auto& [measure, value] : json["supervision"]["rectifications"].items())
    line("rectifications", measure, nullptr, nullptr, nullptr, nullptr, value);
  for (const auto& s : json["quality"]["sections"])
    line("section_share", s["section"].get<std::string>(), nullptr, nullptr, nullptr, s["standard"],
         s["average_share"]);
  for (const auto& f : json["quality"]["most_failed"])
    line("failed_item", f["item"].get<std::string>(), nullptr, f["category"], nullptr, nullptr,
         f["failed"]);
  for (const auto& t : json["targets"])
    for (const char* measure : {"target", "certified"})
      line("targets", measure, t["county"], t["category"], nullptr, nullptr, t[measure]);
  for (const auto& k : json["ranking"])
    line("ranking", "rank", k["county"], nullptr, nullptr, nullptr, k["rank"]);
  return out;
}

}  // namespace tisheng::api
