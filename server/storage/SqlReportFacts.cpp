// The reports' one query layer: every fact a programme report counts, read as it stood at the
// window's end. Rows that only became so later (a complaint triaged after the period, an appeal
// decided after it) are read with the time they changed, so the figures can tell.

#include <nlohmann/json.hpp>

#include "certificates/CivilDate.h"
#include "certificates/StatusList.h"
#include "storage/ReportFacts.h"

namespace tisheng::storage {

namespace {

using Json = nlohmann::json;

int dayOf(const std::string& iso) { return certificates::parseIsoDate(iso).value_or(0); }

void loadRegistry(Connection& db, const ReportWindow& window, ReportFacts& facts) {
  auto counties = db.prepare("SELECT code, name_zh, name_en FROM counties ORDER BY code");
  while (counties.step())
    facts.counties.push_back({counties.text(0), {counties.text(1), counties.text(2)}});
  auto entries = db.prepare(
      "SELECT id, category, county_code, name_zh, name_en FROM entries WHERE created_at < ?");
  entries.bind(1, window.until);
  while (entries.step())
    facts.entries[entries.integer(0)] = {
        entries.integer(0),
        rules::categoryFromString(entries.text(1)).value_or(rules::Category{}),
        entries.text(2),
        {entries.text(3), entries.text(4)}};
  auto certificates = db.prepare(
      "SELECT id, serial, entry_id, standard_id, standard_version, grade, grade_rank, issued_on, "
      "valid_until FROM certificates WHERE created_at < ?");
  certificates.bind(1, window.until);
  while (certificates.step())
    facts.certificates[certificates.integer(0)] = {certificates.integer(0),
                                                   certificates.text(1),
                                                   certificates.integer(2),
                                                   certificates.text(3),
                                                   static_cast<int>(certificates.integer(4)),
                                                   certificates.text(5),
                                                   static_cast<int>(certificates.integer(6)),
                                                   dayOf(certificates.text(7)),
                                                   dayOf(certificates.text(8))};
}

void loadCertificateEvents(Connection& db, const ReportWindow& window, ReportFacts& facts) {
  std::map<std::string, std::int64_t> bySerial;
  for (const auto& [id, certificate] : facts.certificates) bySerial[certificate.serial] = id;
  auto rows = db.prepare(
      "SELECT at, action, subject, after FROM audit_log WHERE action IN ('certificate.issue', "
      "'certificate.status') AND at < ? ORDER BY id");
  rows.bind(1, window.until);
  const std::string prefix = "certificate:";
  while (rows.step()) {
    auto found = bySerial.find(rows.text(2).substr(prefix.size()));
    if (found == bySerial.end()) continue;
    FactCertificateEvent event{rows.integer(0), found->second, rows.text(1) == "certificate.issue"};
    if (!event.issued) {
      Json after = Json::parse(rows.optionalText(3).value_or("{}"), nullptr, false);
      if (!after.is_object() || !after.contains("status")) continue;
      auto status = certificates::certificateStatusFromString(after.value("status", ""));
      if (!status) continue;
      event.status = *status;
      if (after["reason"].is_string()) event.reason = after["reason"].get<std::string>();
    }
    facts.certificateEvents.push_back(std::move(event));
  }
}

FactInspection readInspection(const Statement& row, const ReportWindow& window) {
  FactInspection i;
  i.id = row.integer(0);
  i.entryId = row.integer(1);
  i.kind = domain::inspectionKindFromString(row.text(2)).value_or(i.kind);
  i.status = domain::inspectionStatusFromString(row.text(3)).value_or(i.status);
  i.standardId = row.text(4);
  i.standardVersion = static_cast<int>(row.integer(5));
  i.scheduledOn = dayOf(row.text(6));
  i.createdAt = row.integer(7);
  i.submittedAt = row.optionalInteger(8);
  i.decidedAt = row.optionalInteger(9);
  // What happened after the window's end is not yet known as of it.
  if (i.submittedAt && *i.submittedAt >= window.until) i.submittedAt.reset();
  if (i.decidedAt && *i.decidedAt >= window.until) i.decidedAt.reset();
  return i;
}

/// Inspections scheduled for a day of the window, applications opened in it and inspections
/// submitted in it, each read from an index that holds what is needed (the rows are long:
/// score sheets, notes, the engine's result); the score sheets only of those submitted.
void loadInspections(Connection& db, const ReportWindow& window, ReportFacts& facts) {
  const std::string columns =
      "SELECT id, entry_id, kind, status, standard_id, standard_version, scheduled_on, "
      "created_at, submitted_at, decided_at FROM inspections ";
  std::map<std::int64_t, FactInspection> found;
  auto scheduled = db.prepare(columns +
                              "WHERE scheduled_on >= ? AND scheduled_on <= ? AND "
                              "created_at < ?");
  scheduled.bind(1, certificates::isoDate(window.firstDay))
      .bind(2, certificates::isoDate(window.lastDay))
      .bind(3, window.until);
  while (scheduled.step())
    found.try_emplace(scheduled.integer(0), readInspection(scheduled, window));
  auto applications = db.prepare(
      "SELECT id, entry_id, created_at FROM inspections WHERE kind = 'initial' AND "
      "created_at >= ? AND created_at < ?");
  applications.bind(1, window.from).bind(2, window.until);
  while (applications.step()) {
    FactInspection i{applications.integer(0), applications.integer(1)};
    i.createdAt = applications.integer(2);
    found.try_emplace(i.id, std::move(i));
  }
  auto submitted = db.prepare(columns + "WHERE submitted_at >= ? AND submitted_at < ?");
  submitted.bind(1, window.from).bind(2, window.until);
  while (submitted.step()) {
    auto i = readInspection(submitted, window);
    auto scores = db.prepare("SELECT scores FROM inspections WHERE id = ?");
    scores.bind(1, i.id);
    if (scores.step()) i.scores = scores.text(0);
    found[i.id] = std::move(i);
  }
  for (auto& [id, inspection] : found) facts.inspections.push_back(std::move(inspection));
  auto last = db.prepare(
      "SELECT certificate_id, MAX(submitted_at) FROM inspections WHERE certificate_id IS NOT NULL "
      "AND submitted_at < ? GROUP BY certificate_id");
  last.bind(1, window.until);
  while (last.step()) facts.lastSupervision[last.integer(0)] = last.integer(1);
}

/// Cases opened before the window's end and still open at its start, or settled in it. sql
/// selects id, entry id, opened, outcome, settled (and a deadline) with ?1 = from, ?2 = until.
std::vector<FactCase> readCases(Connection& db, const std::string& sql,
                                const ReportWindow& window) {
  std::vector<FactCase> out;
  auto rows = db.prepare(sql);
  rows.bind(1, window.from).bind(2, window.until);
  while (rows.step()) {
    FactCase c{rows.integer(0), rows.integer(1), rows.integer(2), rows.text(3),
               rows.optionalInteger(4)};
    if (rows.columnCount() > 5) c.deadline = dayOf(rows.text(5));
    if (c.settledAt && *c.settledAt >= window.until) c.settledAt.reset();
    out.push_back(std::move(c));
  }
  return out;
}

void loadCases(Connection& db, const ReportWindow& window, ReportFacts& facts) {
  auto within = [&](const std::string& opened, const std::string& settled) {
    return " WHERE " + opened + " < ?2 AND (" + opened + " >= ?1 OR " + settled + " IS NULL OR " +
           settled + " >= ?1)";
  };
  facts.complaints =
      readCases(db,
                "SELECT id, entry_id, created_at, status, triaged_at FROM complaints" +
                    within("created_at", "triaged_at"),
                window);
  facts.notices = readCases(db,
                            "SELECT id, entry_id, starts_at, status, closed_at FROM notices" +
                                within("starts_at", "closed_at"),
                            window);
  facts.appeals = readCases(db,
                            "SELECT a.id, d.entry_id, a.filed_at, a.status, a.decided_at FROM "
                            "appeals a JOIN decisions d ON d.id = a.decision_id" +
                                within("a.filed_at", "a.decided_at"),
                            window);
  facts.rectifications =
      readCases(db,
                "SELECT r.id, c.entry_id, r.created_at, r.status, r.closed_at, r.deadline FROM "
                "rectifications r JOIN certificates c ON c.id = r.certificate_id" +
                    within("r.created_at", "r.closed_at"),
                window);

  // Objections keep no time of resolution of their own: the audit trail has it.
  std::map<std::int64_t, std::int64_t> resolvedAt;
  auto resolutions = db.prepare(
      "SELECT at, before FROM audit_log WHERE action IN ('objection.dismissed', "
      "'objection.upheld') AND at < ?");
  resolutions.bind(1, window.until);
  while (resolutions.step()) {
    Json before = Json::parse(resolutions.optionalText(1).value_or("{}"), nullptr, false);
    if (before.is_object() && before["objection_id"].is_number_integer())
      resolvedAt[before["objection_id"].get<std::int64_t>()] = resolutions.integer(0);
  }
  auto objections = db.prepare(
      "SELECT o.id, n.entry_id, o.created_at, o.status FROM objections o JOIN notices n ON n.id = "
      "o.notice_id WHERE o.created_at < ?");
  objections.bind(1, window.until);
  while (objections.step()) {
    FactCase c{objections.integer(0), objections.integer(1), objections.integer(2),
               objections.text(3)};
    if (auto at = resolvedAt.find(c.id); at != resolvedAt.end()) c.settledAt = at->second;
    if (c.settledAt || c.openedAt >= window.from || c.outcome == "open")
      facts.objections.push_back(std::move(c));
  }
}

void loadBarsAndTargets(Connection& db, const ReportWindow& window, ReportFacts& facts) {
  auto barred = db.prepare(
      "SELECT subject FROM audit_log WHERE action = 'application.barred' AND at >= ? AND at < ?");
  barred.bind(1, window.from).bind(2, window.until);
  const std::string prefix = "entry:";
  while (barred.step())
    facts.barredApplications.push_back(std::stoll(barred.text(0).substr(prefix.size())));
  auto targets =
      db.prepare("SELECT county_code, category, target FROM county_targets WHERE year = ?");
  targets.bind(1, window.year);
  while (targets.step())
    facts.targets.push_back({targets.text(0),
                             rules::categoryFromString(targets.text(1)).value_or(rules::Category{}),
                             static_cast<int>(targets.integer(2))});
}

}  // namespace

ReportFacts loadReportFacts(Connection& db, const ReportWindow& window) {
  ReportFacts facts;
  readSnapshot(db, [&] {
    loadRegistry(db, window, facts);
    loadCertificateEvents(db, window, facts);
    loadInspections(db, window, facts);
    loadCases(db, window, facts);
    loadBarsAndTargets(db, window, facts);
  });
  return facts;
}

}  // namespace tisheng::storage
