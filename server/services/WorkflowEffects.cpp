#include "services/WorkflowEffects.h"

#include <algorithm>

#include "certificates/CivilDate.h"
#include "domain/PublicRecord.h"
#include "services/Errors.h"

namespace tisheng::services {

using domain::Certificate;
using domain::CertificateStatus;

WorkflowEffects::WorkflowEffects(storage::WorkflowStore& store, const WorkflowContext& context,
                                 storage::Stamp stamp)
    : store_(store),
      context_(context),
      stamp_(std::move(stamp)),
      today_(context.settings.programme.calendar.dayOf(stamp_.at)) {}

const rules::Standard& WorkflowEffects::standard(const std::string& id, int version) const {
  auto found = context_.standards.find(id, version);
  if (!found)
    throw Conflict("standard '" + id + "' version " + std::to_string(version) +
                   " is no longer loaded");
  return *found;
}

Certificate WorkflowEffects::issue(const domain::Entry& entry, const rules::Standard& standard,
                                   const std::string& grade, std::optional<int> validUntil,
                                   std::optional<int> lastInspectionOn,
                                   const std::optional<Certificate>& replaces) {
  if (replaces)
    store_.certificates().setCertificateStatus(replaces->serial, CertificateStatus::Superseded,
                                               "re-graded or renewed", stamp_);
  Certificate draft =
      context_.certificates.draft(entry, standard, grade, today_, validUntil, lastInspectionOn);
  auto sign = context_.certificates.signer(entry.category, draft.keyId);
  return store_.certificates().issueCertificate(
      std::move(draft), context_.settings.programme.serialPrefix, sign, stamp_);
}

domain::Notice WorkflowEffects::openNotice(const domain::Inspection& inspection,
                                           const std::string& grade) {
  domain::Notice notice;
  notice.entryId = inspection.entryId;
  notice.inspectionId = inspection.id;
  notice.standardId = inspection.standardId;
  notice.standardVersion = inspection.standardVersion;
  notice.grade = grade;
  notice.startsAt = stamp_.at;
  notice.endsOn = today_ + context_.settings.workflow.noticeDays;
  notice.id = store_.notices().addNotice(notice, stamp_);
  return notice;
}

domain::Decision WorkflowEffects::decide(domain::Decision decision) {
  decision.appealUntil = today_ + context_.settings.workflow.appealDays;
  decision.decidedBy = stamp_.actor;
  decision.decidedAt = stamp_.at;
  if (decision.effectiveOn == 0) decision.effectiveOn = today_;
  decision.id = store_.decisions().addDecision(decision, stamp_);
  return decision;
}

domain::Rectification WorkflowEffects::rectify(const Certificate& certificate,
                                               const std::string& findings, int deadline,
                                               bool suspending,
                                               std::optional<std::int64_t> inspectionId) {
  if (store_.rectifications().openRectification(certificate.id))
    throw Conflict("certificate " + certificate.serial + " already has an open rectification");
  domain::Rectification rectification;
  rectification.certificateId = certificate.id;
  rectification.inspectionId = inspectionId;
  rectification.findings = findings;
  rectification.deadline = deadline;
  rectification.suspended = suspending && certificate.status == CertificateStatus::Active;
  rectification.id = store_.rectifications().addRectification(rectification, stamp_);
  if (rectification.suspended) suspend(certificate, findings, inspectionId);
  return rectification;
}

domain::Decision WorkflowEffects::suspend(const Certificate& certificate,
                                          const std::string& findings,
                                          std::optional<std::int64_t> inspectionId) {
  auto rectification = store_.rectifications().openRectification(certificate.id);
  std::optional<int> deadline;
  if (rectification) deadline = rectification->deadline;
  store_.certificates().setCertificateStatus(certificate.serial, CertificateStatus::Suspended,
                                             domain::suspensionStatusReason(deadline, findings),
                                             stamp_);
  domain::Decision decision;
  decision.entryId = certificate.entryId;
  decision.certificateId = certificate.id;
  decision.inspectionId = inspectionId;
  decision.kind = domain::DecisionKind::Suspension;
  decision.reason = "rectification";
  decision.note = findings;
  return decide(decision);
}

domain::Decision WorkflowEffects::revoke(const Certificate& certificate, const std::string& reason,
                                         const std::string& note, int effectiveOn,
                                         std::optional<std::int64_t> inspectionId) {
  const rules::Standard& rules = standard(certificate.standardId, certificate.standardVersion);
  domain::Decision decision;
  decision.entryId = certificate.entryId;
  decision.certificateId = certificate.id;
  decision.inspectionId = inspectionId;
  decision.kind = domain::DecisionKind::Revocation;
  decision.reason = reason;
  decision.note = note;
  decision.effectiveOn = effectiveOn;
  decision.state =
      effectiveOn <= today_ ? domain::DecisionState::Applied : domain::DecisionState::Pending;
  if (domain::barsReapplication(reason))
    decision.barUntil = certificates::addMonths(effectiveOn, rules.exitRules.reapplyBarMonths);
  decision = decide(decision);
  if (decision.state == domain::DecisionState::Applied) applyRevocation(decision);
  return decision;
}

void WorkflowEffects::applyRevocation(const domain::Decision& decision) {
  auto certificate = store_.certificates().certificate(decision.certificateId.value_or(0));
  if (!certificate) throw Conflict("the revocation names no certificate");
  if (certificate->isCurrent())
    store_.certificates().setCertificateStatus(
        certificate->serial, CertificateStatus::Revoked,
        domain::revocationStatusReason(decision.reason, decision.note), stamp_);
  if (auto rectification = store_.rectifications().openRectification(certificate->id))
    store_.rectifications().closeRectification(rectification->id,
                                               domain::RectificationStatus::Withdrawn, stamp_);
  cancelOpenInspections(certificate->entryId, std::nullopt, "certificate revoked");
  for (const auto& notice :
       store_.notices().notices(domain::NoticeStatus::Open, certificate->entryId))
    store_.notices().closeNotice(notice.id, domain::NoticeStatus::Withdrawn, std::nullopt, stamp_);
  if (decision.state == domain::DecisionState::Pending)
    store_.decisions().markApplied(decision.id, stamp_);
}

void WorkflowEffects::cancelOpenInspections(std::int64_t entryId,
                                            std::optional<std::int64_t> certificateId,
                                            const std::string& reason) {
  for (auto inspection : store_.inspections().inspections({.entryId = entryId}))
    if (inspection.isOpen() && (!certificateId || inspection.certificateId == certificateId)) {
      inspection.status = domain::InspectionStatus::Cancelled;
      inspection.decisionReason = reason;
      store_.inspections().recordDecision(inspection, stamp_);
    }
}

int WorkflowEffects::defaultDeadline(const rules::Standard& standard) const {
  int limit = standard.exitRules.rectificationMaxDays;
  return today_ + (limit > 0 ? std::min(30, limit) : 30);
}

}  // namespace tisheng::services
