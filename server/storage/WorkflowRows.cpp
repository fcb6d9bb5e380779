#include "storage/WorkflowRows.h"

#include "certificates/CivilDate.h"

namespace tisheng::storage {

using Json = nlohmann::ordered_json;
using certificates::isoDate;
using namespace domain;

int dateColumn(const Statement& row, int column) {
  return certificates::parseIsoDate(row.text(column)).value_or(0);
}

std::optional<int> optionalDateColumn(const Statement& row, int column) {
  if (row.isNull(column)) return std::nullopt;
  return certificates::parseIsoDate(row.text(column));
}

std::optional<std::string> optionalIsoDate(const std::optional<int>& day) {
  if (!day) return std::nullopt;
  return isoDate(*day);
}

Json nullable(const std::optional<std::string>& text) { return text ? Json(*text) : Json(); }

const std::string kInspectionColumns =
    "i.id, i.entry_id, i.kind, i.standard_id, i.standard_version, i.certificate_id, "
    "i.complaint_id, i.status, i.scheduled_on, i.scores, i.notes, i.result, i.grade, "
    "i.submitted_by, i.submitted_at, i.decided_by, i.decided_at, i.decision_reason, "
    "i.created_by, i.created_at";

const std::string kNoticeColumns =
    "id, entry_id, inspection_id, standard_id, standard_version, grade, starts_at, ends_on, "
    "status, certificate_id";

const std::string kObjectionColumns =
    "id, notice_id, text, contact, status, resolution, resolved_by, created_at";

const std::string kRectificationColumns =
    "r.id, r.certificate_id, r.inspection_id, r.findings, r.deadline, r.suspended, r.status, "
    "r.created_by, r.created_at";

const std::string kDecisionColumns =
    "d.id, d.entry_id, d.certificate_id, d.inspection_id, d.kind, d.reason, d.note, "
    "d.effective_on, d.appeal_until, d.bar_until, d.state, d.previous_grade, d.decided_by, "
    "d.decided_at";

const std::string kAppealColumns =
    "a.id, a.decision_id, a.grounds, a.filed_by, a.filed_at, a.status, a.decided_by, "
    "a.decided_at, a.resolution";

const std::string kComplaintColumns =
    "c.id, c.entry_id, c.certificate_id, c.category, c.description, c.contact, c.status, "
    "c.triage_note, c.triaged_by, c.created_at";

Notice readNotice(const Statement& row) {
  Notice n;
  n.id = row.integer(0);
  n.entryId = row.integer(1);
  n.inspectionId = row.integer(2);
  n.standardId = row.text(3);
  n.standardVersion = static_cast<int>(row.integer(4));
  n.grade = row.text(5);
  n.startsAt = row.integer(6);
  n.endsOn = dateColumn(row, 7);
  n.status = wordColumn(row, 8, domain::noticeStatusFromString);
  n.certificateId = row.optionalInteger(9);
  return n;
}

Objection readObjection(const Statement& row) {
  Objection o;
  o.id = row.integer(0);
  o.noticeId = row.integer(1);
  o.text = row.text(2);
  o.contact = row.optionalText(3);
  o.status = wordColumn(row, 4, domain::objectionStatusFromString);
  o.resolution = row.optionalText(5);
  o.resolvedBy = row.optionalText(6);
  o.createdAt = row.integer(7);
  return o;
}

Rectification readRectification(const Statement& row) {
  Rectification r;
  r.id = row.integer(0);
  r.certificateId = row.integer(1);
  r.inspectionId = row.optionalInteger(2);
  r.findings = row.text(3);
  r.deadline = dateColumn(row, 4);
  r.suspended = row.integer(5) != 0;
  r.status = wordColumn(row, 6, domain::rectificationStatusFromString);
  r.createdBy = row.text(7);
  r.createdAt = row.integer(8);
  return r;
}

Decision readDecision(const Statement& row) {
  Decision d;
  d.id = row.integer(0);
  d.entryId = row.integer(1);
  d.certificateId = row.optionalInteger(2);
  d.inspectionId = row.optionalInteger(3);
  d.kind = wordColumn(row, 4, domain::decisionKindFromString);
  d.reason = row.text(5);
  d.note = row.text(6);
  d.effectiveOn = dateColumn(row, 7);
  d.appealUntil = dateColumn(row, 8);
  d.barUntil = optionalDateColumn(row, 9);
  d.state = wordColumn(row, 10, domain::decisionStateFromString);
  d.previousGrade = row.optionalText(11);
  d.decidedBy = row.text(12);
  d.decidedAt = row.integer(13);
  return d;
}

Appeal readAppeal(const Statement& row) {
  Appeal a;
  a.id = row.integer(0);
  a.decisionId = row.integer(1);
  a.grounds = row.text(2);
  a.filedBy = row.text(3);
  a.filedAt = row.integer(4);
  a.status = wordColumn(row, 5, domain::appealStatusFromString);
  a.decidedBy = row.optionalText(6);
  a.decidedAt = row.optionalInteger(7);
  a.resolution = row.optionalText(8);
  return a;
}

Complaint readComplaint(const Statement& row) {
  Complaint c;
  c.id = row.integer(0);
  c.entryId = row.integer(1);
  c.certificateId = row.optionalInteger(2);
  c.category = row.text(3);
  c.description = row.text(4);
  c.contact = row.optionalText(5);
  c.status = wordColumn(row, 6, domain::complaintStatusFromString);
  c.triageNote = row.optionalText(7);
  c.triagedBy = row.optionalText(8);
  c.createdAt = row.integer(9);
  return c;
}

Inspection readInspection(const Statement& row) {
  Inspection i;
  i.id = row.integer(0);
  i.entryId = row.integer(1);
  i.kind = wordColumn(row, 2, domain::inspectionKindFromString);
  i.standardId = row.text(3);
  i.standardVersion = static_cast<int>(row.integer(4));
  i.certificateId = row.optionalInteger(5);
  i.complaintId = row.optionalInteger(6);
  i.status = wordColumn(row, 7, domain::inspectionStatusFromString);
  i.scheduledOn = dateColumn(row, 8);
  i.scores = Json::parse(row.text(9));
  i.notes = Json::parse(row.text(10));
  if (auto result = row.optionalText(11)) i.result = Json::parse(*result);
  i.grade = row.optionalText(12);
  i.submittedBy = row.optionalText(13);
  i.submittedAt = row.optionalInteger(14);
  i.decidedBy = row.optionalText(15);
  i.decidedAt = row.optionalInteger(16);
  i.decisionReason = row.optionalText(17);
  i.createdBy = row.text(18);
  i.createdAt = row.integer(19);
  return i;
}

}  // namespace tisheng::storage
