#include "services/SupervisionService.h"

#include <algorithm>

#include "certificates/CivilDate.h"
#include "domain/Text.h"
#include "services/Errors.h"
#include "services/Scope.h"

namespace tisheng::services {

namespace {

using domain::CertificateStatus;
using security::Role;

void requireText(const std::string& field, const std::string& text, std::size_t max) {
  if (const char* problem = domain::textProblem(text, true)) throw Invalid(field, problem);
  if (domain::isBlank(text)) throw Invalid(field, "required, and not only spaces");
  if (domain::characterCount(text) > max)
    throw Invalid(field, "at most " + std::to_string(max) + " characters");
}

void requireOffice(const security::Principal& p) {
  if (!p.isOffice()) throw Forbidden("offices only");
}

}  // namespace

SupervisionService::SupervisionService(storage::WorkflowRepository& workflow,
                                       InspectionService& inspections,
                                       const WorkflowContext& context, const domain::Clock& clock)
    : workflow_(workflow), inspections_(inspections), context_(context), clock_(clock) {}

std::pair<std::vector<domain::CertifiedEntry>, std::vector<PendingNotice>>
SupervisionService::directory() {
  std::pair<std::vector<domain::CertifiedEntry>, std::vector<PendingNotice>> out;
  workflow_.read([&](storage::WorkflowStore& store) {
    out.first = store.certificates().certifiedEntries(
        context_.settings.programme.calendar.dayOf(clock_.now()));
    for (auto& notice : store.notices().notices(domain::NoticeStatus::Open, std::nullopt))
      out.second.push_back({notice, *store.entries().entry(notice.entryId)});
  });
  return out;
}

domain::Objection SupervisionService::object(std::int64_t noticeId, const std::string& text,
                                             const std::optional<std::string>& contact,
                                             const std::string& address) {
  requireText("text", text, 1000);
  if (contact && (domain::characterCount(*contact) > 100 || domain::textProblem(*contact, false)))
    throw Invalid("contact", "at most 100 characters on one line");
  domain::Objection objection;
  workflow_.write([&](storage::WorkflowStore& store) {
    auto notice = store.notices().notice(noticeId);
    if (!notice) throw NotFound("no notice " + std::to_string(noticeId));
    if (notice->status != domain::NoticeStatus::Open)
      throw Conflict("the notice period has ended (" +
                     std::string(domain::toString(notice->status)) + ")");
    std::int64_t now = clock_.now();
    if (context_.settings.programme.calendar.dayOf(now) > notice->endsOn)
      throw Conflict("the notice period ended on " + certificates::isoDate(notice->endsOn));
    if (store.notices().objectionsFromAddressSince(address, now - 3600) >=
        kObjectionsPerAddressPerHour)
      throw RateLimited(3600);
    objection.noticeId = noticeId;
    objection.text = text;
    objection.contact = contact;
    objection.createdAt = now;
    objection.id = store.notices().addObjection(objection, address, {"public:" + address, now});
  });
  return objection;
}

std::vector<std::pair<domain::Objection, domain::Notice>> SupervisionService::objections(
    const security::Principal& p, std::optional<domain::ObjectionStatus> status) {
  requireOffice(p);
  std::vector<std::pair<domain::Objection, domain::Notice>> out;
  workflow_.read([&](storage::WorkflowStore& store) {
    for (auto noticeStatus : {domain::NoticeStatus::Open, domain::NoticeStatus::Issued,
                              domain::NoticeStatus::Withdrawn})
      for (const auto& notice : store.notices().notices(noticeStatus, std::nullopt)) {
        auto entry = store.entries().entry(notice.entryId);
        if (!entry || !isOfficeOf(p, *entry)) continue;
        for (auto& objection : store.notices().objectionsTo(notice.id))
          if (!status || objection.status == *status)
            out.emplace_back(std::move(objection), notice);
      }
  });
  return out;
}

domain::Objection SupervisionService::resolveObjection(const security::Principal& p,
                                                       std::int64_t id, const std::string& decision,
                                                       const std::string& resolution) {
  auto outcome = domain::objectionStatusFromString(decision);
  if (!outcome || *outcome == domain::ObjectionStatus::Open)
    throw Invalid("decision", "upheld or dismissed");
  requireText("resolution", resolution, 1000);
  domain::Objection resolved;
  workflow_.write([&](storage::WorkflowStore& store) {
    auto objection = store.notices().objection(id);
    if (!objection) throw NotFound("no objection " + std::to_string(id));
    auto notice = *store.notices().notice(objection->noticeId);
    auto entry = *store.entries().entry(notice.entryId);
    if (!isOfficeOf(p, entry)) throw Forbidden("only the entry's offices resolve objections");
    if (objection->status != domain::ObjectionStatus::Open)
      throw Conflict("objection " + std::to_string(id) + " is already " +
                     std::string(domain::toString(objection->status)));
    WorkflowEffects effects(store, context_, stamp(p));
    objection->status = *outcome;
    objection->resolution = resolution;
    store.notices().resolveObjection(*objection, effects.stamp());
    if (*outcome == domain::ObjectionStatus::Upheld &&
        notice.status == domain::NoticeStatus::Open) {
      store.notices().closeNotice(notice.id, domain::NoticeStatus::Withdrawn, std::nullopt,
                                  effects.stamp());
      effects.decide({.entryId = entry.id,
                      .inspectionId = notice.inspectionId,
                      .kind = domain::DecisionKind::Refusal,
                      .reason = "objection_upheld",
                      .note = resolution});
    }
    resolved = *store.notices().objection(id);
  });
  return resolved;
}

domain::Rectification SupervisionService::rectify(const security::Principal& p,
                                                  const std::string& serial,
                                                  const std::string& findings, int deadline,
                                                  bool suspend) {
  requireText("findings", findings, 2000);
  domain::Rectification rectification;
  workflow_.write([&](storage::WorkflowStore& store) {
    auto certificate = store.certificates().certificateBySerial(serial);
    if (!certificate) throw NotFound("no certificate " + serial);
    if (!isOfficeOf(p, *store.entries().entry(certificate->entryId)))
      throw Forbidden("only the entry's offices order rectification");
    if (!certificate->isCurrent())
      throw Conflict("certificate " + serial + " is " +
                     std::string(certificates::toString(certificate->status)));
    WorkflowEffects effects(store, context_, stamp(p));
    int limit = effects.standard(certificate->standardId, certificate->standardVersion)
                    .exitRules.rectificationMaxDays;
    if (deadline <= effects.today() || deadline > effects.today() + limit)
      throw Invalid("deadline", "after today and within " + std::to_string(limit) +
                                    " days, as the standard allows");
    rectification = effects.rectify(*certificate, findings, deadline, suspend, std::nullopt);
  });
  return rectification;
}

domain::Decision SupervisionService::revoke(const security::Principal& p, const std::string& serial,
                                            const std::string& reason, const std::string& note,
                                            std::optional<int> effectiveOn) {
  const auto& reasons = domain::revocationReasons();
  if (std::find(reasons.begin(), reasons.end(), reason) == reasons.end()) {
    std::string list;
    for (const auto& known : reasons) list += (list.empty() ? "" : ", ") + known;
    throw Invalid("reason", "one of " + list);
  }
  if (domain::characterCount(note) > 1000) throw Invalid("note", "at most 1000 characters");
  domain::Decision decision;
  workflow_.write([&](storage::WorkflowStore& store) {
    auto certificate = store.certificates().certificateBySerial(serial);
    if (!certificate) throw NotFound("no certificate " + serial);
    if (!isOfficeOf(p, *store.entries().entry(certificate->entryId)))
      throw Forbidden("only the entry's offices remove it from the list");
    if (!certificate->isCurrent())
      throw Conflict("certificate " + serial + " is already " +
                     std::string(certificates::toString(certificate->status)));
    WorkflowEffects effects(store, context_, stamp(p));
    for (const auto& earlier : store.decisions().decisionsOf(certificate->entryId))
      if (earlier.kind == domain::DecisionKind::Revocation &&
          earlier.state == domain::DecisionState::Pending)
        throw Conflict("a revocation effective " + certificates::isoDate(earlier.effectiveOn) +
                       " is already pending");
    int day = effectiveOn.value_or(effects.today());
    if (day < effects.today() || day > effects.today() + 365)
      throw Invalid("effective_on", "from today to a year ahead");
    decision = effects.revoke(*certificate, reason, note, day, std::nullopt);
  });
  return decision;
}

std::vector<domain::Complaint> SupervisionService::complaints(
    const security::Principal& p, std::optional<domain::ComplaintStatus> status) {
  requireOffice(p);
  std::vector<domain::Complaint> out;
  workflow_.read([&](storage::WorkflowStore& store) {
    out = store.complaints().complaints(p.role == Role::CityAdmin ? std::nullopt : p.county, status,
                                        std::nullopt);
  });
  return out;
}

std::tuple<domain::Complaint, std::optional<domain::Inspection>, std::optional<domain::Decision>>
SupervisionService::triage(const security::Principal& p, std::int64_t id,
                           const ComplaintTriage& triage) {
  auto outcome = domain::complaintStatusFromString(triage.decision);
  if (!outcome || *outcome == domain::ComplaintStatus::New)
    throw Invalid("decision", "dismissed, upheld or inspect");
  if (domain::characterCount(triage.note) > 1000) throw Invalid("note", "at most 1000 characters");
  domain::Complaint complaint;
  std::optional<domain::Inspection> inspection;
  std::optional<domain::Decision> decision;
  workflow_.write([&](storage::WorkflowStore& store) {
    auto found = store.complaints().complaint(id);
    if (!found) throw NotFound("no complaint " + std::to_string(id));
    auto entry = *store.entries().entry(found->entryId);
    if (!isOfficeOf(p, entry)) throw Forbidden("only the entry's offices triage complaints");
    if (found->status != domain::ComplaintStatus::New)
      throw Conflict("complaint " + std::to_string(id) + " is already " +
                     std::string(domain::toString(found->status)));
    WorkflowEffects effects(store, context_, stamp(p));
    found->status = *outcome;
    found->triageNote = triage.note.empty() ? std::nullopt : std::optional(triage.note);
    store.complaints().triageComplaint(*found, effects.stamp());
    if (*outcome == domain::ComplaintStatus::Inspect)
      inspection = inspections_.openOn(store, p,
                                       {.kind = domain::InspectionKind::Complaint,
                                        .entryId = entry.id,
                                        .scheduledOn = triage.scheduledOn,
                                        .inspectors = triage.inspectors,
                                        .complaintId = id});
    auto current = store.certificates().currentCertificate(entry.id);
    if (*outcome == domain::ComplaintStatus::Upheld && current &&
        current->status == CertificateStatus::Active) {
      const rules::Standard& standard =
          effects.standard(current->standardId, current->standardVersion);
      const rules::ExitRule* rule = standard.exitRules.ruleFor(rules::Finding::UpheldComplaints);
      std::int64_t window = static_cast<std::int64_t>(rule ? rule->withinMonths : 0) * 30 * 86400;
      int upheld =
          rule ? store.complaints().upheldComplaintsSince(entry.id, effects.stamp().at - window)
               : 0;
      if (rule && upheld >= rule->count) {
        std::string findings = std::to_string(upheld) + " 起投诉经查属实（" +
                               std::to_string(rule->withinMonths) + " 个月内）";
        if (rule->action == rules::ExitAction::Revoke) {
          decision = effects.revoke(*current, "upheld_complaints", findings, effects.today(),
                                    std::nullopt);
        } else if (store.rectifications().openRectification(current->id)) {
          decision = effects.suspend(*current, findings, std::nullopt);
        } else {
          effects.rectify(*current, findings, effects.defaultDeadline(standard), true,
                          std::nullopt);
          decision = store.decisions().decisionsOf(entry.id).back();
        }
      }
    }
    complaint = *store.complaints().complaint(id);
  });
  return {complaint, inspection, decision};
}

domain::Appeal SupervisionService::appeal(const security::Principal& p, std::int64_t decisionId,
                                          const std::string& grounds) {
  requireText("grounds", grounds, 2000);
  domain::Appeal appeal;
  workflow_.write([&](storage::WorkflowStore& store) {
    auto decision = store.decisions().decision(decisionId);
    if (!decision) throw NotFound("no decision " + std::to_string(decisionId));
    auto entry = *store.entries().entry(decision->entryId);
    if (!isOwnerOf(p, entry) && !isOfficeOf(p, entry))
      throw Forbidden("only the entry's owner (or an office on its behalf) may appeal");
    WorkflowEffects effects(store, context_, stamp(p));
    if (effects.today() > decision->appealUntil)
      throw Conflict("the appeal window closed on " + certificates::isoDate(decision->appealUntil));
    if (decision->state == domain::DecisionState::Lifted)
      throw Conflict("the decision has been lifted");
    if (store.decisions().appealOf(decisionId))
      throw Conflict("decision " + std::to_string(decisionId) + " has already been appealed");
    appeal.decisionId = decisionId;
    appeal.grounds = grounds;
    appeal.id = store.decisions().addAppeal(appeal, effects.stamp());
    appeal = *store.decisions().appeal(appeal.id);
  });
  return appeal;
}

std::vector<std::pair<domain::Appeal, domain::Decision>> SupervisionService::appeals(
    const security::Principal& p, std::optional<domain::AppealStatus> status) {
  requireOffice(p);
  std::vector<std::pair<domain::Appeal, domain::Decision>> out;
  workflow_.read([&](storage::WorkflowStore& store) {
    for (auto& appeal :
         store.decisions().appeals(p.role == Role::CityAdmin ? std::nullopt : p.county, status))
      if (auto decision = store.decisions().decision(appeal.decisionId))
        out.emplace_back(std::move(appeal), std::move(*decision));
  });
  return out;
}

domain::Appeal SupervisionService::decideAppeal(const security::Principal& p, std::int64_t id,
                                                const std::string& decision,
                                                const std::string& resolution) {
  auto outcome = domain::appealStatusFromString(decision);
  if (!outcome || *outcome == domain::AppealStatus::Open)
    throw Invalid("decision", "granted or rejected");
  requireText("resolution", resolution, 2000);
  domain::Appeal decided;
  workflow_.write([&](storage::WorkflowStore& store) {
    auto appeal = store.decisions().appeal(id);
    if (!appeal) throw NotFound("no appeal " + std::to_string(id));
    auto original = *store.decisions().decision(appeal->decisionId);
    if (!isOfficeOf(p, *store.entries().entry(original.entryId)))
      throw Forbidden("only the entry's offices hear appeals");
    if (original.decidedBy == p.username)
      throw Forbidden("you made the decision; another admin must hear the appeal");
    if (appeal->status != domain::AppealStatus::Open)
      throw Conflict("appeal " + std::to_string(id) + " is already " +
                     std::string(domain::toString(appeal->status)));
    WorkflowEffects effects(store, context_, stamp(p));
    appeal->status = *outcome;
    appeal->resolution = resolution;
    store.decisions().decideAppeal(*appeal, effects.stamp());
    if (*outcome == domain::AppealStatus::Granted) {
      grant(effects, store, original);
      store.decisions().liftDecision(original.id, effects.stamp());
    }
    decided = *store.decisions().appeal(id);
  });
  return decided;
}

void SupervisionService::grant(WorkflowEffects& effects, storage::WorkflowStore& store,
                               const domain::Decision& decision) {
  auto entry = *store.entries().entry(decision.entryId);
  auto certificate = store.certificates().certificate(decision.certificateId.value_or(0));
  if (decision.kind == domain::DecisionKind::Refusal) {
    auto inspection = store.inspections().inspection(decision.inspectionId.value_or(0));
    if (store.certificates().currentCertificate(entry.id) ||
        !store.notices().notices(domain::NoticeStatus::Open, entry.id).empty())
      return;
    if (inspection && inspection->grade) {
      effects.openNotice(*inspection, *inspection->grade);
    } else if (inspection) {
      domain::Inspection again;
      again.entryId = entry.id;
      again.kind = domain::InspectionKind::Initial;
      again.standardId = inspection->standardId;
      again.standardVersion = inspection->standardVersion;
      again.scheduledOn = effects.today() + 14;
      store.inspections().addInspection(again, effects.stamp());
    }
  } else if (decision.kind == domain::DecisionKind::Downgrade && certificate &&
             certificate->isCurrent() && decision.previousGrade) {
    effects.issue(entry, effects.standard(certificate->standardId, certificate->standardVersion),
                  *decision.previousGrade, certificate->validUntil, certificate->lastInspectionOn,
                  certificate);
  } else if (decision.kind == domain::DecisionKind::Suspension && certificate) {
    if (certificate->status == CertificateStatus::Suspended)
      store.certificates().setCertificateStatus(certificate->serial, CertificateStatus::Active,
                                                std::nullopt, effects.stamp());
    if (auto rectification = store.rectifications().openRectification(certificate->id))
      store.rectifications().closeRectification(
          rectification->id, domain::RectificationStatus::Withdrawn, effects.stamp());
  } else if (decision.kind == domain::DecisionKind::Revocation && certificate &&
             decision.state == domain::DecisionState::Applied &&
             certificate->validUntil >= effects.today()) {
    // A revoked certificate stays revoked; the entry gets a new one for the rest of the term.
    effects.issue(entry, effects.standard(certificate->standardId, certificate->standardVersion),
                  certificate->grade, certificate->validUntil, certificate->lastInspectionOn,
                  std::nullopt);
  }
}

EntryRecord SupervisionService::record(const security::Principal& p, std::int64_t entryId) {
  EntryRecord record;
  workflow_.read([&](storage::WorkflowStore& store) {
    auto entry = store.entries().entry(entryId);
    if (!entry) throw NotFound("no entry " + std::to_string(entryId));
    bool office = isOfficeOf(p, *entry);
    bool inspector = p.role == Role::Inspector && p.coversCounty(entry->countyCode);
    if (!office && !inspector && !isOwnerOf(p, *entry)) throw Forbidden("not your entry or county");
    record.certificates = store.certificates().certificatesOf(entryId);
    for (auto& inspection : store.inspections().inspections({.entryId = entryId}))
      if (office || inspector || inspection.ownerMaySee())
        record.inspections.push_back(std::move(inspection));
    for (auto status : {domain::NoticeStatus::Open, domain::NoticeStatus::Issued,
                        domain::NoticeStatus::Withdrawn})
      for (auto& notice : store.notices().notices(status, entryId)) {
        if (office)
          for (auto& objection : store.notices().objectionsTo(notice.id))
            record.objections.push_back(std::move(objection));
        record.notices.push_back(std::move(notice));
      }
    record.rectifications = store.rectifications().rectificationsOf(entryId);
    for (auto& decision : store.decisions().decisionsOf(entryId))
      record.decisions.emplace_back(decision, store.decisions().appealOf(decision.id));
    if (office)
      record.complaints = store.complaints().complaints(std::nullopt, std::nullopt, entryId);
  });
  return record;
}

}  // namespace tisheng::services
