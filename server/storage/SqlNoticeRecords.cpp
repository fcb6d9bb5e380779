#include "storage/SqlRecords.h"

#include "certificates/CivilDate.h"
#include "domain/WorkflowJson.h"
#include "storage/WorkflowRows.h"

namespace tisheng::storage {

namespace {

using Json = nlohmann::ordered_json;
using certificates::isoDate;
using namespace domain;

class SqlNoticeRecords : public NoticeRecords, SqlRecords {
 public:
  using SqlRecords::SqlRecords;

  std::int64_t addNotice(const Notice& n, const Stamp& stamp) override {
    std::int64_t id =
        db_.prepare(
               "INSERT INTO notices (entry_id, inspection_id, standard_id, standard_version, "
               "grade, "
               "starts_at, ends_on, status) VALUES (?, ?, ?, ?, ?, ?, ?, 'open') RETURNING id")
            .bind(1, n.entryId)
            .bind(2, n.inspectionId)
            .bind(3, n.standardId)
            .bind(4, n.standardVersion)
            .bind(5, n.grade)
            .bind(6, n.startsAt)
            .bind(7, isoDate(n.endsOn))
            .insertedId();
    audit(stamp, "notice.open", "notice:" + std::to_string(id), std::nullopt, toJson(*notice(id)));
    return id;
  }

  std::optional<Notice> notice(std::int64_t id) override {
    auto row = db_.prepare("SELECT " + kNoticeColumns + " FROM notices WHERE id = ?");
    row.bind(1, id);
    return readOne<Notice>(row, readNotice);
  }

  std::vector<Notice> notices(domain::NoticeStatus status,
                              std::optional<std::int64_t> entryId) override {
    auto row = db_.prepare(
        "SELECT " + kNoticeColumns +
        " FROM notices WHERE status = ? AND (CAST(?2 AS BIGINT) IS NULL OR entry_id = ?2)"
        " ORDER BY ends_on, id");
    row.bind(1, domain::toString(status)).bind(2, entryId);
    return readAll<Notice>(row, readNotice);
  }

  void closeNotice(std::int64_t id, domain::NoticeStatus status,
                   std::optional<std::int64_t> certificateId, const Stamp& stamp) override {
    Json before = toJson(*notice(id));
    db_.prepare("UPDATE notices SET status = ?, certificate_id = ?, closed_at = ? WHERE id = ?")
        .bind(1, domain::toString(status))
        .bind(2, certificateId)
        .bind(3, stamp.at)
        .bind(4, id)
        .run();
    audit(stamp, "notice." + std::string(domain::toString(status)), "notice:" + std::to_string(id),
          before, toJson(*notice(id)));
  }

  std::int64_t addObjection(const Objection& o, const std::string& sourceAddress,
                            const Stamp& stamp) override {
    std::int64_t id =
        db_.prepare(
               "INSERT INTO objections (notice_id, text, contact, source_address, created_at) "
               "VALUES (?, ?, ?, ?, ?) RETURNING id")
            .bind(1, o.noticeId)
            .bind(2, o.text)
            .bind(3, o.contact)
            .bind(4, sourceAddress)
            .bind(5, stamp.at)
            .insertedId();
    audit(stamp, "objection.file", "notice:" + std::to_string(o.noticeId), std::nullopt,
          Json{{"objection_id", id}});
    return id;
  }

  std::optional<Objection> objection(std::int64_t id) override {
    auto row = db_.prepare("SELECT " + kObjectionColumns + " FROM objections WHERE id = ?");
    row.bind(1, id);
    return readOne<Objection>(row, readObjection);
  }

  std::vector<Objection> objectionsTo(std::int64_t noticeId) override {
    auto row = db_.prepare("SELECT " + kObjectionColumns +
                           " FROM objections WHERE notice_id = ? ORDER BY id");
    row.bind(1, noticeId);
    return readAll<Objection>(row, readObjection);
  }

  void resolveObjection(const Objection& o, const Stamp& stamp) override {
    db_.prepare("UPDATE objections SET status = ?, resolution = ?, resolved_by = ? WHERE id = ?")
        .bind(1, domain::toString(o.status))
        .bind(2, o.resolution)
        .bind(3, stamp.actor)
        .bind(4, o.id)
        .run();
    audit(
        stamp, "objection." + std::string(domain::toString(o.status)),
        "notice:" + std::to_string(o.noticeId),
        Json{{"objection_id", o.id}, {"status", domain::ObjectionStatus::Open}},
        Json{{"objection_id", o.id}, {"status", o.status}, {"resolution", nullable(o.resolution)}});
  }

  int objectionsFromAddressSince(const std::string& address, std::int64_t since) override {
    auto row =
        db_.prepare("SELECT COUNT(*) FROM objections WHERE source_address = ? AND created_at >= ?");
    row.bind(1, address).bind(2, since).step();
    return static_cast<int>(row.integer(0));
  }
};

}  // namespace

std::unique_ptr<NoticeRecords> sqlNoticeRecords(Connection& db) {
  return std::make_unique<SqlNoticeRecords>(db);
}

}  // namespace tisheng::storage
