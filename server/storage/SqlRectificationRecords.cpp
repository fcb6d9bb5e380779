#include "storage/SqlRecords.h"

#include "certificates/CivilDate.h"
#include "domain/WorkflowJson.h"
#include "storage/WorkflowRows.h"

namespace tisheng::storage {

namespace {

using Json = nlohmann::ordered_json;
using certificates::isoDate;
using namespace domain;

class SqlRectificationRecords : public RectificationRecords, SqlRecords {
 public:
  using SqlRecords::SqlRecords;

  std::int64_t addRectification(const Rectification& r, const Stamp& stamp) override {
    Rectification stored = r;
    stored.id =
        db_.prepare(
               "INSERT INTO rectifications (certificate_id, inspection_id, findings, deadline, "
               "suspended, status, created_by, created_at) VALUES (?, ?, ?, ?, ?, 'open', ?, ?) "
               "RETURNING id")
            .bind(1, r.certificateId)
            .bind(2, r.inspectionId)
            .bind(3, r.findings)
            .bind(4, isoDate(r.deadline))
            .bind(5, r.suspended ? 1 : 0)
            .bind(6, stamp.actor)
            .bind(7, stamp.at)
            .insertedId();
    stored.createdBy = stamp.actor;
    stored.createdAt = stamp.at;
    audit(stamp, "rectification.open", "rectification:" + std::to_string(stored.id), std::nullopt,
          toJson(stored));
    return stored.id;
  }

  std::optional<Rectification> openRectification(std::int64_t certificateId) override {
    auto row = db_.prepare("SELECT " + kRectificationColumns +
                           " FROM rectifications r WHERE r.certificate_id = ? AND "
                           "r.status = 'open' ORDER BY r.id DESC LIMIT 1");
    row.bind(1, certificateId);
    return readOne<Rectification>(row, readRectification);
  }

  std::vector<Rectification> rectificationsOf(std::int64_t entryId) override {
    auto row = db_.prepare("SELECT " + kRectificationColumns +
                           " FROM rectifications r JOIN certificates c ON c.id = r.certificate_id"
                           " WHERE c.entry_id = ? ORDER BY r.id");
    row.bind(1, entryId);
    return readAll<Rectification>(row, readRectification);
  }

  std::vector<Rectification> openRectifications(const std::optional<std::string>& county) override {
    auto row =
        db_.prepare("SELECT " + kRectificationColumns +
                    " FROM rectifications r JOIN certificates c ON c.id = r.certificate_id"
                    " JOIN entries e ON e.id = c.entry_id WHERE r.status = 'open' AND"
                    " (CAST(?1 AS TEXT) IS NULL OR e.county_code = ?1) ORDER BY r.deadline, r.id");
    row.bind(1, county);
    return readAll<Rectification>(row, readRectification);
  }

  std::vector<Rectification> overdueRectifications(int today) override {
    auto row = db_.prepare("SELECT " + kRectificationColumns +
                           " FROM rectifications r WHERE r.status = 'open' AND r.deadline < ?"
                           " ORDER BY r.id");
    row.bind(1, isoDate(today));
    return readAll<Rectification>(row, readRectification);
  }

  void closeRectification(std::int64_t id, domain::RectificationStatus status,
                          const Stamp& stamp) override {
    db_.prepare("UPDATE rectifications SET status = ?, closed_at = ? WHERE id = ?")
        .bind(1, domain::toString(status))
        .bind(2, stamp.at)
        .bind(3, id)
        .run();
    audit(stamp, "rectification." + std::string(domain::toString(status)),
          "rectification:" + std::to_string(id),
          Json{{"status", domain::RectificationStatus::Open}}, Json{{"status", status}});
  }
};

}  // namespace

std::unique_ptr<RectificationRecords> sqlRectificationRecords(Connection& db) {
  return std::make_unique<SqlRectificationRecords>(db);
}

}  // namespace tisheng::storage
