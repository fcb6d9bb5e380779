// What confirming an inspection leads to: a public notice or a refusal for an application; for a
// supervision inspection, keeping, renewing, raising (by notice) or lowering the certificate,
// suspension with rectification, or removal — by the standard's exit rules.
#include "certificates/CivilDate.h"
#include "services/Errors.h"
#include "services/InspectionService.h"

namespace tisheng::services {

namespace {

int rankOf(const rules::Standard& standard, const std::string& grade) {
  const rules::Grade* found = standard.findGrade(grade);
  return found ? static_cast<int>(found - standard.grades.data()) + 1 : 0;
}

}  // namespace

void InspectionService::confirm(WorkflowEffects& effects, storage::WorkflowStore& store,
                                const InspectionVerdict& verdict, InspectionOutcome& outcome) {
  const domain::Inspection& inspection = outcome.inspection;
  const rules::Standard& standard =
      effects.standard(inspection.standardId, inspection.standardVersion);
  auto entry = *store.entries().entry(inspection.entryId);
  const std::optional<std::string>& grade = inspection.grade;
  int limit = standard.exitRules.rectificationMaxDays;
  if (verdict.deadline &&
      (*verdict.deadline <= effects.today() || *verdict.deadline > effects.today() + limit))
    throw Invalid("deadline", "after today and within " + std::to_string(limit) +
                                  " days, as the standard allows");
  int day = context_.settings.programme.calendar.dayOf(
      inspection.submittedAt.value_or(effects.stamp().at));

  if (!domain::policyOf(inspection.kind).supervises) {
    if (grade) {
      outcome.result = "notice";
      outcome.notice = effects.openNotice(inspection, *grade);
    } else {
      outcome.result = "refused";
      outcome.decision = effects.decide({.entryId = entry.id,
                                         .inspectionId = inspection.id,
                                         .kind = domain::DecisionKind::Refusal,
                                         .reason = "no_grade",
                                         .note = verdict.reason});
    }
    return;
  }

  auto current = store.certificates().certificate(inspection.certificateId.value_or(0));
  if (!current || !current->isCurrent())
    throw Conflict("the certificate under inspection is no longer current");
  store.certificates().setLastInspection(current->id, day, effects.stamp());
  current = store.certificates().certificate(current->id);
  int rank = grade ? rankOf(standard, *grade) : 0;
  bool renewal = domain::policyOf(inspection.kind).renews;
  std::optional<int> keepValidity =
      renewal ? std::nullopt : std::optional<int>(current->validUntil);

  auto rectification = store.rectifications().openRectification(current->id);
  if (!grade) {
    const rules::ExitRule* rule = standard.exitRules.ruleFor(rules::Finding::NoGrade);
    if (rectification) {
      // Still not put right: the rectification runs on to its deadline, suspended meanwhile.
      outcome.result = "not_passed";
      if (current->status == domain::CertificateStatus::Active) {
        outcome.decision = effects.suspend(*current, rectification->findings, inspection.id);
        outcome.result = "suspended";
      }
    } else if (rule && rule->action == rules::ExitAction::Revoke) {
      outcome.result = "revoked";
      outcome.decision = effects.revoke(*current, "failed_review", verdict.findings.value_or(""),
                                        effects.today(), inspection.id);
    } else {
      outcome.result = "suspended";
      int deadline = verdict.deadline.value_or(effects.defaultDeadline(standard));
      outcome.rectification = effects.rectify(
          *current, verdict.findings.value_or("复核未达到任何等级 / no grade reached"), deadline,
          true, inspection.id);
    }
    return;
  }
  // Any passed inspection shows the findings put right.
  if (rectification) {
    store.rectifications().closeRectification(rectification->id,
                                              domain::RectificationStatus::Passed, effects.stamp());
    outcome.result = "rectification_passed";
  }
  if (current->status == domain::CertificateStatus::Suspended) {
    store.certificates().setCertificateStatus(current->serial, domain::CertificateStatus::Active,
                                              std::nullopt, effects.stamp());
    outcome.result = "reinstated";
  }
  current = store.certificates().certificate(current->id);

  if (rank == current->gradeRank) {
    if (renewal) {
      outcome.result = "renewed";
      outcome.certificate = effects.issue(entry, standard, *grade, std::nullopt, day, current);
    } else if (outcome.result.empty()) {
      outcome.result = "kept";
    }
  } else if (rank < current->gradeRank) {
    outcome.result = "raise_notice";
    outcome.notice = effects.openNotice(inspection, *grade);
  } else {
    outcome.result = "downgraded";
    outcome.certificate = effects.issue(entry, standard, *grade, keepValidity, day, current);
    outcome.decision = effects.decide({.entryId = entry.id,
                                       .certificateId = outcome.certificate->id,
                                       .inspectionId = inspection.id,
                                       .kind = domain::DecisionKind::Downgrade,
                                       .reason = "regraded",
                                       .note = verdict.reason,
                                       .previousGrade = current->grade});
  }
}

}  // namespace tisheng::services
