#include "storage/SqlRecords.h"

#include "certificates/CivilDate.h"
#include "domain/WorkflowJson.h"
#include "storage/WorkflowRows.h"

namespace tisheng::storage {

namespace {

using Json = nlohmann::ordered_json;
using certificates::isoDate;
using namespace domain;

class SqlDecisionRecords : public DecisionRecords, SqlRecords {
 public:
  using SqlRecords::SqlRecords;

  std::int64_t addDecision(const Decision& d, const Stamp& stamp) override {
    std::int64_t id =
        db_.prepare(
               "INSERT INTO decisions (entry_id, certificate_id, inspection_id, kind, reason, "
               "note, "
               "effective_on, appeal_until, bar_until, state, previous_grade, decided_by, "
               "decided_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id")
            .bind(1, d.entryId)
            .bind(2, d.certificateId)
            .bind(3, d.inspectionId)
            .bind(4, domain::toString(d.kind))
            .bind(5, d.reason)
            .bind(6, d.note)
            .bind(7, isoDate(d.effectiveOn))
            .bind(8, isoDate(d.appealUntil))
            .bind(9, optionalIsoDate(d.barUntil))
            .bind(10, domain::toString(d.state))
            .bind(11, d.previousGrade)
            .bind(12, stamp.actor)
            .bind(13, stamp.at)
            .insertedId();
    audit(stamp, "decision." + std::string(domain::toString(d.kind)),
          "entry:" + std::to_string(d.entryId), std::nullopt, toJson(*decision(id)));
    return id;
  }

  std::optional<Decision> decision(std::int64_t id) override {
    auto row = db_.prepare("SELECT " + kDecisionColumns + " FROM decisions d WHERE d.id = ?");
    row.bind(1, id);
    return readOne<Decision>(row, readDecision);
  }

  std::vector<Decision> decisionsOf(std::int64_t entryId) override {
    auto row = db_.prepare("SELECT " + kDecisionColumns +
                           " FROM decisions d WHERE d.entry_id = ? ORDER BY d.id");
    row.bind(1, entryId);
    return readAll<Decision>(row, readDecision);
  }

  std::vector<Decision> dueRevocations(int today) override {
    auto row = db_.prepare("SELECT " + kDecisionColumns +
                           " FROM decisions d WHERE d.kind = 'revocation' AND d.state = 'pending'"
                           " AND d.effective_on <= ? ORDER BY d.id");
    row.bind(1, isoDate(today));
    return readAll<Decision>(row, readDecision);
  }

  void markApplied(std::int64_t decisionId, const Stamp& stamp) override {
    Json before = toJson(*decision(decisionId));
    db_.prepare("UPDATE decisions SET state = 'applied' WHERE id = ?").bind(1, decisionId).run();
    audit(stamp, "decision.applied", "decision:" + std::to_string(decisionId), before,
          toJson(*decision(decisionId)));
  }

  void recordBarredApplication(std::int64_t entryId, std::int64_t decisionId,
                               const Stamp& stamp) override {
    audit(stamp, "application.barred", "entry:" + std::to_string(entryId), std::nullopt,
          Json{{"decision_id", decisionId}});
  }

  void liftDecision(std::int64_t decisionId, const Stamp& stamp) override {
    Json before = toJson(*decision(decisionId));
    db_.prepare("UPDATE decisions SET state = 'lifted', bar_until = NULL WHERE id = ?")
        .bind(1, decisionId)
        .run();
    audit(stamp, "decision.lifted", "decision:" + std::to_string(decisionId), before,
          toJson(*decision(decisionId)));
  }

  std::int64_t addAppeal(const Appeal& a, const Stamp& stamp) override {
    std::int64_t id =
        db_.prepare(
               "INSERT INTO appeals (decision_id, grounds, filed_by, filed_at, status) "
               "VALUES (?, ?, ?, ?, 'open') RETURNING id")
            .bind(1, a.decisionId)
            .bind(2, a.grounds)
            .bind(3, stamp.actor)
            .bind(4, stamp.at)
            .insertedId();
    audit(stamp, "appeal.file", "decision:" + std::to_string(a.decisionId), std::nullopt,
          toJson(*appeal(id)));
    return id;
  }

  std::optional<Appeal> appeal(std::int64_t id) override {
    auto row = db_.prepare("SELECT " + kAppealColumns + " FROM appeals a WHERE a.id = ?");
    row.bind(1, id);
    return readOne<Appeal>(row, readAppeal);
  }

  std::optional<Appeal> appealOf(std::int64_t decisionId) override {
    auto row = db_.prepare("SELECT " + kAppealColumns + " FROM appeals a WHERE a.decision_id = ?");
    row.bind(1, decisionId);
    return readOne<Appeal>(row, readAppeal);
  }

  std::vector<Appeal> appeals(const std::optional<std::string>& county,
                              std::optional<domain::AppealStatus> status) override {
    auto row = db_.prepare("SELECT " + kAppealColumns +
                           " FROM appeals a JOIN decisions d ON d.id = a.decision_id"
                           " JOIN entries e ON e.id = d.entry_id"
                           " WHERE (CAST(?1 AS TEXT) IS NULL OR e.county_code = ?1)"
                           " AND (CAST(?2 AS TEXT) IS NULL OR a.status = ?2) ORDER BY a.id");
    std::optional<std::string_view> word;
    if (status) word = domain::toString(*status);
    row.bind(1, county).bind(2, word);
    return readAll<Appeal>(row, readAppeal);
  }

  void decideAppeal(const Appeal& a, const Stamp& stamp) override {
    Json before = toJson(*appeal(a.id));
    db_.prepare(
           "UPDATE appeals SET status = ?, decided_by = ?, decided_at = ?, resolution = ? "
           "WHERE id = ?")
        .bind(1, domain::toString(a.status))
        .bind(2, stamp.actor)
        .bind(3, stamp.at)
        .bind(4, a.resolution)
        .bind(5, a.id)
        .run();
    audit(stamp, "appeal." + std::string(domain::toString(a.status)),
          "decision:" + std::to_string(a.decisionId), before, toJson(*appeal(a.id)));
  }
};

}  // namespace

std::unique_ptr<DecisionRecords> sqlDecisionRecords(Connection& db) {
  return std::make_unique<SqlDecisionRecords>(db);
}

}  // namespace tisheng::storage
