#include "storage/SqlRecords.h"

#include "certificates/CivilDate.h"
#include "domain/WorkflowJson.h"
#include "storage/WorkflowRows.h"

namespace tisheng::storage {

namespace {

using Json = nlohmann::ordered_json;
using certificates::isoDate;
using namespace domain;

class SqlInspectionRecords : public InspectionRecords, SqlRecords {
 public:
  using SqlRecords::SqlRecords;

  std::int64_t addInspection(const Inspection& i, const Stamp& stamp) override {
    std::int64_t id =
        db_.prepare(
               "INSERT INTO inspections (entry_id, kind, standard_id, standard_version, "
               "certificate_id, complaint_id, status, scheduled_on, created_by, created_at, "
               "updated_at) VALUES (?, ?, ?, ?, ?, ?, 'scheduled', ?, ?, ?, ?) RETURNING id")
            .bind(1, i.entryId)
            .bind(2, domain::toString(i.kind))
            .bind(3, i.standardId)
            .bind(4, i.standardVersion)
            .bind(5, i.certificateId)
            .bind(6, i.complaintId)
            .bind(7, isoDate(i.scheduledOn))
            .bind(8, stamp.actor)
            .bind(9, stamp.at)
            .bind(10, stamp.at)
            .insertedId();
    replaceAssignees(id, i.assignees);
    audit(stamp, "inspection.create", "inspection:" + std::to_string(id), std::nullopt,
          toJson(*inspection(id)));
    return id;
  }

  std::optional<Inspection> inspection(std::int64_t id) override {
    auto row = db_.prepare("SELECT " + kInspectionColumns + " FROM inspections i WHERE i.id = ?");
    row.bind(1, id);
    auto found = readOne<Inspection>(row, [this](const Statement& r) { return readInspection(r); });
    if (found) found->assignees = assigneesOf(id);
    return found;
  }

  std::vector<Inspection> inspections(const InspectionFilter& f) override {
    auto row = db_.prepare(
        "SELECT " + kInspectionColumns +
        " FROM inspections i JOIN entries e ON e.id = i.entry_id"
        " WHERE (CAST(?1 AS TEXT) IS NULL OR e.county_code = ?1) AND (CAST(?2 AS BIGINT) IS NULL "
        "OR i.entry_id = ?2)"
        " AND (CAST(?3 AS TEXT) IS NULL OR i.status = ?3)"
        " AND (CAST(?4 AS BIGINT) IS NULL OR EXISTS (SELECT 1 FROM inspection_assignees a"
        "      WHERE a.inspection_id = i.id AND a.user_id = ?4)"
        "      OR (CAST(?5 AS TEXT) IS NOT NULL AND e.county_code = ?5 AND NOT EXISTS"
        "          (SELECT 1 FROM inspection_assignees a WHERE a.inspection_id = i.id)))"
        " ORDER BY i.scheduled_on, i.id");
    std::optional<std::string_view> status;
    if (f.status) status = domain::toString(*f.status);
    row.bind(1, f.county).bind(2, f.entryId).bind(3, status).bind(4, f.assignee);
    row.bind(5, f.queueCounty);
    auto found = readAll<Inspection>(row, [this](const Statement& r) { return readInspection(r); });
    for (auto& i : found) i.assignees = assigneesOf(i.id);
    return found;
  }

  void updateDraft(const Inspection& i, const Stamp& stamp) override {
    Json before = toJson(*inspection(i.id));
    db_.prepare(
           "UPDATE inspections SET scheduled_on = ?, scores = ?, notes = ?, updated_at = ? "
           "WHERE id = ?")
        .bind(1, isoDate(i.scheduledOn))
        .bind(2, i.scores.dump())
        .bind(3, i.notes.dump())
        .bind(4, stamp.at)
        .bind(5, i.id)
        .run();
    replaceAssignees(i.id, i.assignees);
    audit(stamp, "inspection.update", "inspection:" + std::to_string(i.id), before,
          toJson(*inspection(i.id)));
  }

  void recordSubmission(const Inspection& i, const Stamp& stamp) override {
    Json before = toJson(*inspection(i.id));
    db_.prepare(
           "UPDATE inspections SET status = ?, result = ?, grade = ?, submitted_by = ?, "
           "submitted_at = ?, updated_at = ? WHERE id = ?")
        .bind(1, domain::toString(i.status))
        .bind(2, i.result ? std::optional(i.result->dump()) : std::nullopt)
        .bind(3, i.grade)
        .bind(4, stamp.actor)
        .bind(5, stamp.at)
        .bind(6, stamp.at)
        .bind(7, i.id)
        .run();
    audit(stamp, "inspection.submit", "inspection:" + std::to_string(i.id), before,
          toJson(*inspection(i.id)));
  }

  void recordDecision(const Inspection& i, const Stamp& stamp) override {
    Json before = toJson(*inspection(i.id));
    db_.prepare(
           "UPDATE inspections SET status = ?, decided_by = ?, decided_at = ?, "
           "decision_reason = ?, updated_at = ? WHERE id = ?")
        .bind(1, domain::toString(i.status))
        .bind(2, stamp.actor)
        .bind(3, stamp.at)
        .bind(4, i.decisionReason)
        .bind(5, stamp.at)
        .bind(6, i.id)
        .run();
    audit(stamp, "inspection." + std::string(domain::toString(i.status)),
          "inspection:" + std::to_string(i.id), before, toJson(*inspection(i.id)));
  }

  std::int64_t addEvidence(const Evidence& e, const Stamp& stamp) override {
    Evidence stored = e;
    stored.id =
        db_.prepare(
               "INSERT INTO evidence (inspection_id, item_id, path, sha256, content_type, bytes, "
               "uploaded_by, uploaded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id")
            .bind(1, e.inspectionId)
            .bind(2, e.itemId)
            .bind(3, e.path)
            .bind(4, e.sha256)
            .bind(5, e.contentType)
            .bind(6, e.bytes)
            .bind(7, stamp.actor)
            .bind(8, stamp.at)
            .insertedId();
    stored.uploadedBy = stamp.actor;
    stored.uploadedAt = stamp.at;
    audit(stamp, "evidence.add", "inspection:" + std::to_string(e.inspectionId), std::nullopt,
          toJson(stored));
    return stored.id;
  }

  std::vector<Evidence> evidenceOf(std::int64_t inspectionId) override {
    auto row = db_.prepare(
        "SELECT id, inspection_id, item_id, path, sha256, content_type, bytes, uploaded_by, "
        "uploaded_at FROM evidence WHERE inspection_id = ? ORDER BY id");
    row.bind(1, inspectionId);
    return readAll<Evidence>(row, [](const Statement& r) {
      return Evidence{r.integer(0), r.integer(1), r.optionalText(2), r.text(3),   r.text(4),
                      r.text(5),    r.integer(6), r.text(7),         r.integer(8)};
    });
  }

 private:
  std::vector<std::int64_t> assigneesOf(std::int64_t inspectionId) {
    auto row = db_.prepare(
        "SELECT user_id FROM inspection_assignees WHERE inspection_id = ? ORDER BY user_id");
    row.bind(1, inspectionId);
    return readAll<std::int64_t>(row, [](const Statement& r) { return r.integer(0); });
  }

  void replaceAssignees(std::int64_t inspectionId, const std::vector<std::int64_t>& users) {
    db_.prepare("DELETE FROM inspection_assignees WHERE inspection_id = ?")
        .bind(1, inspectionId)
        .run();
    for (std::int64_t user : users)
      db_.prepare("INSERT INTO inspection_assignees (inspection_id, user_id) VALUES (?, ?)")
          .bind(1, inspectionId)
          .bind(2, user)
          .run();
  }
};

}  // namespace

std::unique_ptr<InspectionRecords> sqlInspectionRecords(Connection& db) {
  return std::make_unique<SqlInspectionRecords>(db);
}

}  // namespace tisheng::storage
