#include "storage/SqlRecords.h"

#include "certificates/CivilDate.h"
#include "domain/WorkflowJson.h"
#include "storage/WorkflowRows.h"

namespace tisheng::storage {

namespace {

using Json = nlohmann::ordered_json;
using certificates::isoDate;
using namespace domain;

class SqlComplaintRecords : public ComplaintRecords, SqlRecords {
 public:
  using SqlRecords::SqlRecords;

  std::optional<Complaint> complaint(std::int64_t id) override {
    auto row = db_.prepare("SELECT " + kComplaintColumns + " FROM complaints c WHERE c.id = ?");
    row.bind(1, id);
    return readOne<Complaint>(row, readComplaint);
  }

  std::vector<Complaint> complaints(const std::optional<std::string>& county,
                                    std::optional<domain::ComplaintStatus> status,
                                    std::optional<std::int64_t> entryId) override {
    auto row = db_.prepare("SELECT " + kComplaintColumns +
                           " FROM complaints c JOIN entries e ON e.id = c.entry_id"
                           " WHERE (CAST(?1 AS TEXT) IS NULL OR e.county_code = ?1)"
                           " AND (CAST(?2 AS TEXT) IS NULL OR c.status = ?2) AND (CAST(?3 AS "
                           "BIGINT) IS NULL OR c.entry_id = ?3)"
                           " ORDER BY c.id");
    std::optional<std::string_view> word;
    if (status) word = domain::toString(*status);
    row.bind(1, county).bind(2, word).bind(3, entryId);
    return readAll<Complaint>(row, readComplaint);
  }

  void triageComplaint(const Complaint& c, const Stamp& stamp) override {
    db_.prepare(
           "UPDATE complaints SET status = ?, triage_note = ?, triaged_by = ?, triaged_at = ? "
           "WHERE id = ?")
        .bind(1, domain::toString(c.status))
        .bind(2, c.triageNote)
        .bind(3, stamp.actor)
        .bind(4, stamp.at)
        .bind(5, c.id)
        .run();
    audit(stamp, "complaint.triage", "complaint:" + std::to_string(c.id),
          Json{{"status", domain::ComplaintStatus::New}},
          Json{{"status", c.status}, {"note", nullable(c.triageNote)}});
  }

  int upheldComplaintsSince(std::int64_t entryId, std::int64_t since) override {
    auto row = db_.prepare(
        "SELECT COUNT(*) FROM complaints WHERE entry_id = ? AND status = 'upheld' AND "
        "triaged_at >= ?");
    row.bind(1, entryId).bind(2, since).step();
    return static_cast<int>(row.integer(0));
  }
};

}  // namespace

std::unique_ptr<ComplaintRecords> sqlComplaintRecords(Connection& db) {
  return std::make_unique<SqlComplaintRecords>(db);
}

}  // namespace tisheng::storage
