#include "domain/WorkflowJson.h"

#include "certificates/CivilDate.h"

namespace tisheng::domain {

namespace {

using Json = nlohmann::ordered_json;
using certificates::isoDate;
using certificates::isoTime;

template <typename T>
Json optional(const std::optional<T>& value) {
  return value ? Json(*value) : Json();
}

Json optionalTime(const std::optional<std::int64_t>& at) {
  return at ? Json(isoTime(*at)) : Json();
}

}  // namespace

Json toJson(const Inspection& i) {
  return Json{{"id", i.id},
              {"entry_id", i.entryId},
              {"kind", toString(i.kind)},
              {"standard", {{"id", i.standardId}, {"version", i.standardVersion}}},
              {"certificate_id", optional(i.certificateId)},
              {"complaint_id", optional(i.complaintId)},
              {"status", toString(i.status)},
              {"scheduled_on", isoDate(i.scheduledOn)},
              {"assignees", i.assignees},
              {"scores", i.scores},
              {"notes", i.notes},
              {"result", i.result ? *i.result : Json()},
              {"grade", optional(i.grade)},
              {"submitted_by", optional(i.submittedBy)},
              {"submitted_at", optionalTime(i.submittedAt)},
              {"decided_by", optional(i.decidedBy)},
              {"decided_at", optionalTime(i.decidedAt)},
              {"decision_reason", optional(i.decisionReason)},
              {"created_by", i.createdBy},
              {"created_at", isoTime(i.createdAt)}};
}

Json toJson(const Evidence& e) {
  return Json{{"id", e.id},
              {"inspection_id", e.inspectionId},
              {"item", optional(e.itemId)},
              {"sha256", e.sha256},
              {"content_type", e.contentType},
              {"bytes", e.bytes},
              {"uploaded_by", e.uploadedBy},
              {"uploaded_at", isoTime(e.uploadedAt)}};
}

Json toJson(const Notice& n) {
  return Json{{"id", n.id},
              {"entry_id", n.entryId},
              {"inspection_id", n.inspectionId},
              {"standard", {{"id", n.standardId}, {"version", n.standardVersion}}},
              {"grade", n.grade},
              {"starts_at", isoTime(n.startsAt)},
              {"ends_on", isoDate(n.endsOn)},
              {"status", n.status},
              {"certificate_id", optional(n.certificateId)}};
}

Json toJson(const Objection& o) {
  return Json{{"id", o.id},
              {"notice_id", o.noticeId},
              {"text", o.text},
              {"contact", optional(o.contact)},
              {"status", o.status},
              {"resolution", optional(o.resolution)},
              {"resolved_by", optional(o.resolvedBy)},
              {"created_at", isoTime(o.createdAt)}};
}

Json toJson(const Rectification& r) {
  return Json{{"id", r.id},
              {"certificate_id", r.certificateId},
              {"inspection_id", optional(r.inspectionId)},
              {"findings", r.findings},
              {"deadline", isoDate(r.deadline)},
              {"suspended", r.suspended},
              {"status", r.status},
              {"created_by", r.createdBy},
              {"created_at", isoTime(r.createdAt)}};
}

Json toJson(const Decision& d) {
  return Json{{"id", d.id},
              {"entry_id", d.entryId},
              {"certificate_id", optional(d.certificateId)},
              {"inspection_id", optional(d.inspectionId)},
              {"kind", d.kind},
              {"reason", d.reason},
              {"note", d.note},
              {"effective_on", isoDate(d.effectiveOn)},
              {"appeal_until", isoDate(d.appealUntil)},
              {"bar_until", d.barUntil ? Json(isoDate(*d.barUntil)) : Json()},
              {"state", d.state},
              {"previous_grade", optional(d.previousGrade)},
              {"decided_by", d.decidedBy},
              {"decided_at", isoTime(d.decidedAt)}};
}

Json toJson(const Appeal& a) {
  return Json{{"id", a.id},
              {"decision_id", a.decisionId},
              {"grounds", a.grounds},
              {"filed_by", a.filedBy},
              {"filed_at", isoTime(a.filedAt)},
              {"status", a.status},
              {"decided_by", optional(a.decidedBy)},
              {"decided_at", optionalTime(a.decidedAt)},
              {"resolution", optional(a.resolution)}};
}

Json toJson(const Complaint& c) {
  return Json{{"id", c.id},
              {"entry_id", c.entryId},
              {"certificate_id", optional(c.certificateId)},
              {"category", c.category},
              {"description", c.description},
              {"contact", optional(c.contact)},
              {"status", c.status},
              {"triage_note", optional(c.triageNote)},
              {"triaged_by", optional(c.triagedBy)},
              {"created_at", isoTime(c.createdAt)}};
}

}  // namespace tisheng::domain
