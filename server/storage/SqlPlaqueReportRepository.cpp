#include "storage/SqlPlaqueReportRepository.h"

#include <nlohmann/json.hpp>

namespace tisheng::storage {

namespace {

using Json = nlohmann::ordered_json;

const std::string kColumns =
    "SELECT id, county_code, place_name, address, seen, code_seen, photo, contact, status, "
    "triage_note, triaged_by, created_at FROM plaque_reports";

domain::PlaqueReport readReport(const Statement& row) {
  domain::PlaqueReport r;
  r.id = row.integer(0);
  r.countyCode = row.text(1);
  r.placeName = row.text(2);
  r.address = row.text(3);
  r.seen = row.text(4);
  r.codeSeen = row.optionalText(5);
  r.photo = row.optionalText(6);
  r.contact = row.optionalText(7);
  r.status =
      domain::plaqueReportStatusFromString(row.text(8)).value_or(domain::PlaqueReportStatus::New);
  r.triageNote = row.optionalText(9);
  r.triagedBy = row.optionalText(10);
  r.createdAt = row.integer(11);
  return r;
}

}  // namespace

std::int64_t SqlPlaqueReportRepository::add(const domain::PlaqueReport& r,
                                            const std::string& sourceAddress, const Stamp& stamp) {
  auto db = pool_.acquire();
  Transaction transaction(*db);
  std::int64_t id = db->prepare(
                          "INSERT INTO plaque_reports (county_code, place_name, address, seen, "
                          "code_seen, photo, contact, source_address, created_at) "
                          "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id")
                        .bind(1, r.countyCode)
                        .bind(2, r.placeName)
                        .bind(3, r.address)
                        .bind(4, r.seen)
                        .bind(5, r.codeSeen)
                        .bind(6, r.photo)
                        .bind(7, r.contact)
                        .bind(8, sourceAddress)
                        .bind(9, stamp.at)
                        .insertedId();
  appendAudit(*db, stamp,
              {"plaque_report.file", "plaque_report:" + std::to_string(id), std::nullopt,
               Json{{"county", r.countyCode}, {"place_name", r.placeName}}.dump()});
  transaction.commit();
  return id;
}

std::optional<domain::PlaqueReport> SqlPlaqueReportRepository::report(std::int64_t id) {
  auto db = pool_.acquire();
  auto row = db->prepare(kColumns + " WHERE id = ?");
  row.bind(1, id);
  if (!row.step()) return std::nullopt;
  return readReport(row);
}

std::vector<domain::PlaqueReport> SqlPlaqueReportRepository::reports(
    const std::optional<std::string>& county,
    const std::optional<domain::PlaqueReportStatus>& status) {
  auto db = pool_.acquire();
  auto rows = db->prepare(kColumns +
                          " WHERE (CAST(?1 AS TEXT) IS NULL OR county_code = ?1)"
                          " AND (CAST(?2 AS TEXT) IS NULL OR status = ?2) ORDER BY id DESC");
  rows.bind(1, county);
  if (status)
    rows.bind(2, toString(*status));
  else
    rows.bindNull(2);
  std::vector<domain::PlaqueReport> out;
  while (rows.step()) out.push_back(readReport(rows));
  return out;
}

bool SqlPlaqueReportRepository::triage(std::int64_t id, domain::PlaqueReportStatus status,
                                       const std::string& note, const Stamp& stamp) {
  auto db = pool_.acquire();
  Transaction transaction(*db);
  auto current = db->prepare("SELECT status FROM plaque_reports WHERE id = ?");
  current.bind(1, id);
  if (!current.step() || current.text(0) != "new") return false;
  db->prepare(
        "UPDATE plaque_reports SET status = ?, triage_note = ?, triaged_by = ?, triaged_at = ? "
        "WHERE id = ?")
      .bind(1, toString(status))
      .bind(2, note)
      .bind(3, stamp.actor)
      .bind(4, stamp.at)
      .bind(5, id)
      .run();
  appendAudit(
      *db, stamp,
      {"plaque_report.triage", "plaque_report:" + std::to_string(id),
       Json{{"status", "new"}}.dump(), Json{{"status", toString(status)}, {"note", note}}.dump()});
  transaction.commit();
  return true;
}

int SqlPlaqueReportRepository::countFromAddressSince(std::string_view address, std::int64_t since) {
  auto db = pool_.acquire();
  auto row = db->prepare(
      "SELECT COUNT(*) FROM plaque_reports WHERE source_address = ? AND created_at >= ?");
  row.bind(1, address).bind(2, since).step();
  return static_cast<int>(row.integer(0));
}

}  // namespace tisheng::storage
