#include "services/Scheduler.h"

#include "certificates/CivilDate.h"

namespace tisheng::services {

using domain::CertificateStatus;

void Scheduler::each(std::int64_t now, TickReport& report, const std::string& what,
                     const std::function<void(storage::WorkflowStore&, WorkflowEffects&)>& step) {
  try {
    workflow_.write([&](storage::WorkflowStore& store) {
      WorkflowEffects effects(store, context_, {"system", now});
      step(store, effects);
    });
  } catch (const std::exception& error) {
    report.errors.push_back(what + ": " + error.what());
  }
}

TickReport Scheduler::tick(std::int64_t now) {
  TickReport report;
  int today = context_.settings.programme.calendar.dayOf(now);
  std::vector<domain::Notice> notices;
  std::vector<domain::Decision> revocations;
  std::vector<domain::Rectification> missed;
  std::vector<domain::Certificate> expired, active;
  workflow_.read([&](storage::WorkflowStore& store) {
    notices = store.notices().notices(domain::NoticeStatus::Open, std::nullopt);
    revocations = store.decisions().dueRevocations(today);
    missed = store.rectifications().overdueRectifications(today);
    expired = store.certificates().activePastValidity(today);
    active = store.certificates().activeWithoutOpenInspection();
    for (const auto& inspection :
         store.inspections().inspections({.status = domain::InspectionStatus::Scheduled}))
      if (inspection.scheduledOn < today) ++report.inspectionsOverdue;
  });

  for (const auto& listed : notices) {
    if (listed.endsOn >= today) continue;  // objections are taken through the whole last day
    each(now, report, "notice " + std::to_string(listed.id), [&](auto& store, auto& effects) {
      auto notice = store.notices().notice(listed.id);
      if (!notice || notice->status != domain::NoticeStatus::Open) return;
      for (const auto& objection : store.notices().objectionsTo(notice->id))
        if (objection.status == domain::ObjectionStatus::Open) {
          ++report.noticesHeld;
          return;
        }
      auto entry = *store.entries().entry(notice->entryId);
      auto current = store.certificates().currentCertificate(entry.id);
      if (current && current->status == CertificateStatus::Suspended) {
        ++report.noticesHeld;  // a better grade waits until the suspension is resolved
        return;
      }
      auto inspection = *store.inspections().inspection(notice->inspectionId);
      int inspected =
          context_.settings.programme.calendar.dayOf(inspection.submittedAt.value_or(now));
      auto certificate =
          effects.issue(entry, effects.standard(notice->standardId, notice->standardVersion),
                        notice->grade, std::nullopt, inspected, current);
      store.notices().closeNotice(notice->id, domain::NoticeStatus::Issued, certificate.id,
                                  effects.stamp());
      ++report.noticesIssued;
    });
  }

  for (const auto& due : revocations)
    each(now, report, "revocation " + std::to_string(due.id), [&](auto& store, auto& effects) {
      auto decision = store.decisions().decision(due.id);
      if (!decision || decision->state != domain::DecisionState::Pending) return;
      effects.applyRevocation(*decision);
      ++report.revocationsApplied;
    });

  for (const auto& overdue : missed)
    each(now, report, "rectification " + std::to_string(overdue.id),
         [&](auto& store, auto& effects) {
           auto certificate = store.certificates().certificate(overdue.certificateId);
           auto open = certificate ? store.rectifications().openRectification(certificate->id)
                                   : std::nullopt;
           if (!open || open->id != overdue.id) return;
           store.rectifications().closeRectification(open->id, domain::RectificationStatus::Missed,
                                                     effects.stamp());
           if (certificate->isCurrent())
             effects.revoke(*certificate, "missed_rectification",
                            "整改期限 " + certificates::isoDate(open->deadline) + " 已过",
                            effects.today(), open->inspectionId);
           ++report.rectificationsMissed;
         });

  for (const auto& certificate : expired)
    each(now, report, "expiry " + certificate.serial, [&](auto& store, auto& effects) {
      auto current = store.certificates().certificate(certificate.id);
      if (!current || current->status != CertificateStatus::Active || current->validUntil >= today)
        return;
      store.certificates().setCertificateStatus(
          current->serial, CertificateStatus::Expired,
          "有效期至 " + certificates::isoDate(current->validUntil), effects.stamp());
      // Its supervision ends with it: the entry applies again to be certified.
      effects.cancelOpenInspections(current->entryId, current->id, "certificate expired");
      ++report.certificatesExpired;
    });

  for (const auto& certificate : active) {
    auto standard = context_.standards.latest(certificate.standardId);
    if (!standard || standard->reviewIntervalMonths <= 0 || certificate.validUntil < today)
      continue;
    int due = certificates::addMonths(certificate.lastInspectionOn.value_or(certificate.issuedOn),
                                      standard->reviewIntervalMonths);
    if (due - context_.settings.workflow.reviewLeadDays > today) continue;
    each(now, report, "review " + certificate.serial, [&](auto& store, auto& effects) {
      auto current = store.certificates().certificate(certificate.id);
      if (!current || current->status != CertificateStatus::Active) return;
      for (const auto& open : store.inspections().inspections({.entryId = current->entryId}))
        if (open.isOpen()) return;
      domain::Inspection review;
      review.entryId = current->entryId;
      review.kind = domain::InspectionKind::Review;
      review.standardId = standard->id;
      review.standardVersion = standard->version;
      review.certificateId = current->id;
      review.scheduledOn = std::max(due, effects.today());
      store.inspections().addInspection(review, effects.stamp());
      ++report.reviewsOpened;
    });
  }
  return report;
}

std::string summary(const TickReport& r) {
  return "notices issued " + std::to_string(r.noticesIssued) + ", held by objections " +
         std::to_string(r.noticesHeld) + "; revocations applied " +
         std::to_string(r.revocationsApplied) + "; rectifications missed " +
         std::to_string(r.rectificationsMissed) + "; certificates expired " +
         std::to_string(r.certificatesExpired) + "; reviews opened " +
         std::to_string(r.reviewsOpened) + "; inspections overdue " +
         std::to_string(r.inspectionsOverdue) + "; errors " + std::to_string(r.errors.size());
}

}  // namespace tisheng::services
