#include "storage/SqlWorkflowRepository.h"

#include "certificates/CivilDate.h"
#include "domain/WorkflowJson.h"
#include "storage/WorkflowRows.h"

namespace tisheng::storage {

namespace {

using Json = nlohmann::ordered_json;
using certificates::isoDate;
using namespace domain;

class SqlWorkflowStore : public WorkflowStore {
 public:
  explicit SqlWorkflowStore(Connection& db) : db_(db) {}

  std::optional<Entry> entry(std::int64_t id) override {
    auto row = db_.prepare("SELECT " + kEntryColumns + kEntriesWithCounty + " WHERE e.id = ?");
    row.bind(1, id);
    return readOne<Entry>(row, [](const Statement& r) { return readEntry(r); });
  }

  std::optional<Certificate> certificate(std::int64_t id) override {
    auto row = db_.prepare("SELECT " + kCertificateColumns + " FROM certificates c WHERE c.id = ?");
    row.bind(1, id);
    return readOne<Certificate>(row, [](const Statement& r) { return readCertificate(r); });
  }

  std::optional<Certificate> certificateBySerial(const std::string& serial) override {
    auto row =
        db_.prepare("SELECT " + kCertificateColumns + " FROM certificates c WHERE c.serial = ?");
    row.bind(1, serial);
    return readOne<Certificate>(row, [](const Statement& r) { return readCertificate(r); });
  }

  /// The newest certificate that Certificate::isCurrent() accepts.
  std::optional<Certificate> currentCertificate(std::int64_t entryId) override {
    auto row = db_.prepare("SELECT " + kCertificateColumns +
                           " FROM certificates c WHERE c.entry_id = ? AND c.status IN "
                           "('active', 'suspended') ORDER BY c.id DESC LIMIT 1");
    row.bind(1, entryId);
    return readOne<Certificate>(row, [](const Statement& r) { return readCertificate(r); });
  }

  std::vector<Certificate> certificatesOf(std::int64_t entryId) override {
    auto row = db_.prepare("SELECT " + kCertificateColumns +
                           " FROM certificates c WHERE c.entry_id = ? ORDER BY c.id");
    row.bind(1, entryId);
    return readAll<Certificate>(row, [](const Statement& r) { return readCertificate(r); });
  }

  Certificate issueCertificate(Certificate draft, const std::string& serialPrefix,
                               const CertificateSigner& sign, const Stamp& stamp) override {
    return insertCertificate(db_, std::move(draft), serialPrefix, sign, stamp);
  }

  void setCertificateStatus(const std::string& serial, CertificateStatus status,
                            const std::optional<std::string>& reason, const Stamp& stamp) override {
    if (!updateCertificateStatus(db_, serial, status, reason, stamp))
      throw ConstraintError("no certificate " + serial);
  }

  void setLastInspection(std::int64_t certificateId, int day, const Stamp& stamp) override {
    auto current = certificate(certificateId);
    if (!current) throw ConstraintError("no certificate " + std::to_string(certificateId));
    db_.prepare("UPDATE certificates SET last_inspection_on = ? WHERE id = ?")
        .bind(1, isoDate(day))
        .bind(2, certificateId)
        .run();
    audit(stamp, "certificate.last_inspection", "certificate:" + current->serial,
          Json{{"last_inspection_on", nullable(optionalIsoDate(current->lastInspectionOn))}},
          Json{{"last_inspection_on", isoDate(day)}});
  }

  std::vector<CertifiedEntry> certifiedEntries(int today) override {
    auto row = db_.prepare("SELECT " + kCertificateColumns + ", " + kEntryColumns +
                           " FROM certificates c JOIN entries e ON e.id = c.entry_id"
                           " JOIN counties k ON k.code = e.county_code"
                           " WHERE c.status = 'active' AND c.valid_until >= ? ORDER BY e.id");
    row.bind(1, isoDate(today));
    return readAll<CertifiedEntry>(row, [](const Statement& r) {
      return CertifiedEntry{readCertificate(r), readEntry(r, kCertificateColumnCount)};
    });
  }

  std::vector<Certificate> activePastValidity(int today) override {
    auto row = db_.prepare("SELECT " + kCertificateColumns +
                           " FROM certificates c WHERE c.status = 'active' AND c.valid_until < ? "
                           "ORDER BY c.id");
    row.bind(1, isoDate(today));
    return readAll<Certificate>(row, [](const Statement& r) { return readCertificate(r); });
  }

  std::vector<Certificate> activeWithoutOpenInspection() override {
    auto row = db_.prepare(
        "SELECT " + kCertificateColumns +
        " FROM certificates c WHERE c.status = 'active' AND NOT EXISTS (SELECT 1 FROM "
        "inspections i WHERE i.entry_id = c.entry_id AND i.status IN ('scheduled', 'submitted')) "
        "ORDER BY c.id");
    return readAll<Certificate>(row, [](const Statement& r) { return readCertificate(r); });
  }

  std::optional<User> account(const std::string& username) override {
    auto row = db_.prepare(
        "SELECT id, username, display_name, role, county_code, disabled FROM users "
        "WHERE lower(username) = lower(?)");
    row.bind(1, username);
    return readOne<User>(row, [](const Statement& r) {
      User user;
      user.id = r.integer(0);
      user.username = r.text(1);
      user.displayName = r.text(2);
      user.role = security::roleFromString(r.text(3)).value_or(security::Role::Business);
      user.county = r.optionalText(4);
      user.disabled = r.integer(5) != 0;
      return user;
    });
  }

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

 private:
  void audit(const Stamp& stamp, const std::string& action, const std::string& subject,
             const std::optional<Json>& before, const Json& after) {
    appendAudit(
        db_, stamp,
        {action, subject, before ? std::optional(before->dump()) : std::nullopt, after.dump()});
  }

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

  Connection& db_;
};

}  // namespace

void SqlWorkflowRepository::write(const std::function<void(WorkflowStore&)>& work) {
  auto db = pool_.acquire();
  Transaction transaction(*db);
  SqlWorkflowStore store(*db);
  work(store);
  transaction.commit();
}

void SqlWorkflowRepository::read(const std::function<void(WorkflowStore&)>& work) {
  auto db = pool_.acquire();
  readSnapshot(*db, [&] {
    SqlWorkflowStore store(*db);
    work(store);
  });
}

}  // namespace tisheng::storage
