#include "services/InspectionService.h"

#include <algorithm>

#include "certificates/CivilDate.h"
#include "certificates/Crypto.h"
#include "domain/Text.h"
#include "rules/Evaluator.h"
#include "rules/Problem.h"
#include "services/Errors.h"
#include "services/Scope.h"

namespace tisheng::services {

namespace {

using Json = nlohmann::ordered_json;
using domain::Inspection;
using domain::InspectionKind;
using domain::InspectionStatus;
using security::Role;

/// Turns the engine's complaints about a sheet into field errors ("scores.<item>").
Invalid sheetError(const rules::InvalidScoreSheet& error) {
  std::vector<FieldError> fields;
  for (const auto& problem : error.problems())
    fields.push_back({rules::scoreField(problem), problem.message});
  return Invalid(fields);
}

rules::ScoreSheet sheetOf(const Json& scores, const rules::Standard& standard, bool complete) {
  try {
    rules::ScoreSheet sheet = rules::scoreSheetFromJson(scores);
    if (!complete) rules::checkScores(standard, sheet);
    return sheet;
  } catch (const rules::InvalidScoreSheet& error) {
    throw sheetError(error);
  }
}

/// What the record keeps of an evaluation: enough to read the verdict without the engine.
Json resultJson(const rules::EvaluationResult& r) {
  Json sections = Json::array();
  for (const auto& s : r.sections)
    sections.push_back({{"id", s.sectionId},
                        {"score", s.score},
                        {"max", s.max},
                        {"share", s.share ? Json(*s.share) : Json()}});
  return Json{{"standard", {{"id", r.standardId}, {"version", r.standardVersion}}},
              {"total", r.total},
              {"max", r.max},
              {"share", r.share ? Json(*r.share) : Json()},
              {"conformity", r.conformity ? Json(*r.conformity) : Json()},
              {"grade", r.grade ? Json(*r.grade) : Json()},
              {"failed_mandatory", r.failedMandatory},
              {"failed_critical", r.failedCritical},
              {"sections", sections}};
}

std::shared_ptr<const rules::Standard> standardFor(const rules::StandardRegistry& standards,
                                                   const std::optional<std::string>& id,
                                                   rules::Category category) {
  if (id) {
    auto standard = standards.latest(*id);
    if (!standard) throw Invalid("standard", "no standard '" + *id + "'");
    if (standard->category != category)
      throw Invalid("standard", "standard '" + *id + "' is for " +
                                    std::string(rules::toString(standard->category)));
    return standard;
  }
  for (const auto& standard : standards.latestOfEach())
    if (standard->category == category) return standard;
  throw Conflict("no standard is loaded for " + std::string(rules::toString(category)));
}

}  // namespace

InspectionService::InspectionService(storage::WorkflowRepository& workflow, const MediaStore& media,
                                     const WorkflowContext& context, const domain::Clock& clock)
    : workflow_(workflow), media_(media), context_(context), clock_(clock) {}

std::vector<std::int64_t> InspectionService::inspectorIds(storage::WorkflowStore& store,
                                                          const std::vector<std::string>& usernames,
                                                          const domain::Entry& entry) {
  std::vector<std::int64_t> ids;
  for (const auto& name : usernames) {
    auto user = store.accounts().account(name);
    if (!user || user->role != Role::Inspector || user->disabled)
      throw Invalid("inspectors", "no inspector '" + name + "'");
    if (user->county && *user->county != entry.countyCode)
      throw Invalid("inspectors", "inspector '" + name + "' works in another county");
    if (std::find(ids.begin(), ids.end(), user->id) == ids.end()) ids.push_back(user->id);
  }
  return ids;
}

namespace {
/// A re-application refused because a removal's bar still runs: refused, and recorded.
class Barred : public Conflict {
 public:
  Barred(const std::string& message, std::int64_t entryId, std::int64_t decisionId)
      : Conflict(message), entryId(entryId), decisionId(decisionId) {}
  std::int64_t entryId;
  std::int64_t decisionId;
};
}  // namespace

Inspection InspectionService::open(const security::Principal& p, const InspectionRequest& request) {
  Inspection opened;
  try {
    workflow_.write([&](storage::WorkflowStore& store) { opened = openOn(store, p, request); });
  } catch (const Barred& barred) {
    workflow_.write([&](storage::WorkflowStore& store) {
      store.decisions().recordBarredApplication(barred.entryId, barred.decisionId, stamp(p));
    });
    throw;
  }
  return opened;
}

Inspection InspectionService::openOn(storage::WorkflowStore& store, const security::Principal& p,
                                     const InspectionRequest& request) {
  auto entry = store.entries().entry(request.entryId);
  if (!entry) throw NotFound("no entry " + std::to_string(request.entryId));
  bool office = isOfficeOf(p, *entry);
  const domain::InspectionPolicy& policy = domain::policyOf(request.kind);
  std::string kind(domain::toString(request.kind));
  if (policy.ownerMayOpen ? !office && !isOwnerOf(p, *entry) : !office)
    throw Forbidden(policy.ownerMayOpen
                        ? "only the entry's owner and offices may apply"
                        : "only the entry's county or city office may open a " + kind);
  if (!office && (!request.inspectors.empty() || request.scheduledOn))
    throw Invalid("inspectors", "the office assigns inspectors and dates");

  WorkflowEffects effects(store, context_, stamp(p));
  auto current = store.certificates().currentCertificate(entry->id);
  Inspection inspection;
  inspection.entryId = entry->id;
  inspection.kind = request.kind;
  inspection.complaintId = request.complaintId;
  std::shared_ptr<const rules::Standard> standard;
  if (!policy.supervises) {
    if (current)
      throw Conflict("entry " + std::to_string(entry->id) + " already holds certificate " +
                     current->serial + "; its reviews renew it");
    for (const auto& other : store.inspections().inspections({.entryId = entry->id}))
      if (other.kind == InspectionKind::Initial && other.isOpen())
        throw Conflict("an application is already in progress (inspection " +
                       std::to_string(other.id) + ")");
    if (!store.notices().notices(domain::NoticeStatus::Open, entry->id).empty())
      throw Conflict("the entry's result is on public notice");
    for (const auto& decision : store.decisions().decisionsOf(entry->id))
      if (decision.kind == domain::DecisionKind::Revocation && decision.barUntil &&
          *decision.barUntil >= effects.today())
        throw Barred("removed from the list (" + decision.reason + "); it may apply again from " +
                         certificates::isoDate(*decision.barUntil + 1),
                     entry->id, decision.id);
    standard = standardFor(context_.standards, request.standardId, entry->category);
  } else {
    if (!current)
      throw Conflict("entry " + std::to_string(entry->id) +
                     " has no current certificate to supervise");
    if (request.standardId && *request.standardId != current->standardId)
      throw Invalid("standard",
                    "a " + kind + " uses the certificate's standard '" + current->standardId + "'");
    inspection.certificateId = current->id;
    standard = standardFor(context_.standards, current->standardId, entry->category);
    if (policy.needsOpenRectification && !store.rectifications().openRectification(current->id))
      throw Conflict("certificate " + current->serial + " has no open rectification");
  }
  inspection.standardId = standard->id;
  inspection.standardVersion = standard->version;
  inspection.scheduledOn = request.scheduledOn.value_or(effects.today() + 14);
  if (inspection.scheduledOn < effects.today())
    throw Invalid("scheduled_on", "must be today or later");
  inspection.assignees = inspectorIds(store, request.inspectors, *entry);
  inspection.id = store.inspections().addInspection(inspection, effects.stamp());
  return *store.inspections().inspection(inspection.id);
}

Inspection InspectionService::visible(const security::Principal& p, storage::WorkflowStore& store,
                                      std::int64_t id, domain::Entry* entryOut) {
  auto inspection = store.inspections().inspection(id);
  if (!inspection) throw NotFound("no inspection " + std::to_string(id));
  auto entry = store.entries().entry(inspection->entryId);
  const auto& assignees = inspection->assignees;
  bool assigned = std::find(assignees.begin(), assignees.end(), p.userId) != assignees.end();
  bool allowed = isOfficeOf(p, *entry) ||
                 (p.role == Role::Inspector &&
                  (assigned || (assignees.empty() && p.coversCounty(entry->countyCode)))) ||
                 // Spot checks and the other unannounced kinds stay hidden from owners.
                 (isOwnerOf(p, *entry) && inspection->ownerMaySee());
  if (!allowed) throw Forbidden("not your inspection");
  if (entryOut) *entryOut = *entry;
  return *inspection;
}

std::pair<Inspection, std::vector<domain::Evidence>> InspectionService::get(
    const security::Principal& p, std::int64_t id) {
  std::pair<Inspection, std::vector<domain::Evidence>> found;
  workflow_.read([&](storage::WorkflowStore& store) {
    found = {visible(p, store, id), store.inspections().evidenceOf(id)};
  });
  return found;
}

std::vector<Inspection> InspectionService::list(const security::Principal& p,
                                                const InspectionQuery& query) {
  std::vector<Inspection> out;
  workflow_.read([&](storage::WorkflowStore& store) {
    storage::InspectionFilter filter{.entryId = query.entryId, .status = query.status};
    if (p.role == Role::Business) {
      auto entry = query.entryId ? store.entries().entry(*query.entryId) : std::nullopt;
      if (!entry || !isOwnerOf(p, *entry))
        throw Forbidden("businesses list the inspections of their own entry (entry_id)");
    } else if (p.role == Role::Inspector) {
      filter.assignee = p.userId;
      filter.queueCounty = p.county;
    } else if (p.role == Role::CountyAdmin) {
      filter.county = p.county;
    }
    int today = context_.settings.programme.calendar.dayOf(clock_.now());
    for (auto& inspection : store.inspections().inspections(filter)) {
      if (query.overdue &&
          !(inspection.status == InspectionStatus::Scheduled && inspection.scheduledOn < today))
        continue;
      if (query.kind && inspection.kind != *query.kind) continue;
      if (p.role == Role::Business && !inspection.ownerMaySee()) continue;
      out.push_back(std::move(inspection));
    }
  });
  return out;
}

Inspection InspectionService::assign(const security::Principal& p, std::int64_t id,
                                     const std::optional<std::vector<std::string>>& inspectors,
                                     std::optional<int> scheduledOn) {
  Inspection updated;
  workflow_.write([&](storage::WorkflowStore& store) {
    domain::Entry entry;
    Inspection inspection = visible(p, store, id, &entry);
    if (!isOfficeOf(p, entry)) throw Forbidden("only offices assign inspections");
    if (inspection.status != InspectionStatus::Scheduled)
      throw Conflict("inspection " + std::to_string(id) + " is " +
                     std::string(domain::toString(inspection.status)));
    if (inspectors) inspection.assignees = inspectorIds(store, *inspectors, entry);
    if (scheduledOn) {
      if (*scheduledOn < context_.settings.programme.calendar.dayOf(clock_.now()))
        throw Invalid("scheduled_on", "must be today or later");
      inspection.scheduledOn = *scheduledOn;
    }
    store.inspections().updateDraft(inspection, stamp(p));
    updated = *store.inspections().inspection(id);
  });
  return updated;
}

Inspection InspectionService::assignedDraft(const security::Principal& p,
                                            storage::WorkflowStore& store, std::int64_t id) {
  Inspection inspection = visible(p, store, id);
  auto& assignees = inspection.assignees;
  bool assigned = std::find(assignees.begin(), assignees.end(), p.userId) != assignees.end();
  if (p.role != Role::Inspector) throw Forbidden("only inspectors score inspections");
  if (inspection.status != InspectionStatus::Scheduled)
    throw Conflict("inspection " + std::to_string(id) + " is " +
                   std::string(domain::toString(inspection.status)) + "; its sheet is frozen");
  // An inspector who takes an unassigned inspection from the county queue is assigned to it.
  if (!assigned) assignees.push_back(p.userId);
  return inspection;
}

Inspection InspectionService::saveScores(const security::Principal& p, std::int64_t id,
                                         const Json& scores, const Json& notes) {
  Inspection saved;
  workflow_.write([&](storage::WorkflowStore& store) {
    Inspection inspection = assignedDraft(p, store, id);
    WorkflowEffects effects(store, context_, stamp(p));
    const rules::Standard& standard =
        effects.standard(inspection.standardId, inspection.standardVersion);
    for (const auto& [item, value] : scores.items()) {
      if (value.is_null())
        inspection.scores.erase(item);
      else
        inspection.scores[item] = value;
    }
    sheetOf(inspection.scores, standard, false);
    std::vector<FieldError> errors;
    for (const auto& [item, value] : notes.items()) {
      if (!standard.findItem(item))
        errors.push_back({"notes." + item, "unknown item in standard '" + standard.id + "'"});
      else if (value.is_null())
        inspection.notes.erase(item);
      else if (!value.is_string())
        errors.push_back({"notes." + item, "expected a string or null"});
      else if (domain::characterCount(value.get<std::string>()) > 1000)
        errors.push_back({"notes." + item, "at most 1000 characters"});
      else if (const char* problem = domain::textProblem(value.get<std::string>(), true))
        errors.push_back({"notes." + item, problem});
      else
        inspection.notes[item] = value;
    }
    if (!errors.empty()) throw Invalid(errors);
    store.inspections().updateDraft(inspection, effects.stamp());
    saved = *store.inspections().inspection(id);
  });
  return saved;
}

Inspection InspectionService::submit(const security::Principal& p, std::int64_t id) {
  Inspection submitted;
  workflow_.write([&](storage::WorkflowStore& store) {
    Inspection inspection = assignedDraft(p, store, id);
    WorkflowEffects effects(store, context_, stamp(p));
    const rules::Standard& standard =
        effects.standard(inspection.standardId, inspection.standardVersion);
    rules::EvaluationResult result;
    try {
      result = rules::evaluate(standard, sheetOf(inspection.scores, standard, true));
    } catch (const rules::InvalidScoreSheet& error) {
      throw sheetError(error);
    }
    store.inspections().updateDraft(inspection, effects.stamp());
    inspection.status = InspectionStatus::Submitted;
    inspection.result = resultJson(result);
    inspection.grade = result.grade;
    store.inspections().recordSubmission(inspection, effects.stamp());
    submitted = *store.inspections().inspection(id);
  });
  return submitted;
}

InspectionOutcome InspectionService::decide(const security::Principal& p, std::int64_t id,
                                            const InspectionVerdict& verdict) {
  if (verdict.decision != "confirm" && verdict.decision != "refuse" && verdict.decision != "cancel")
    throw Invalid("decision", "confirm, refuse or cancel");
  if (verdict.decision != "confirm" && verdict.reason.empty())
    throw Invalid("reason", "required to " + verdict.decision);
  InspectionOutcome outcome;
  workflow_.write([&](storage::WorkflowStore& store) {
    domain::Entry entry;
    Inspection inspection = visible(p, store, id, &entry);
    if (!isOfficeOf(p, entry)) throw Forbidden("only the entry's offices decide");
    bool submitted = inspection.status == InspectionStatus::Submitted;
    if (verdict.decision == "cancel" ? !inspection.isOpen() : !submitted)
      throw Conflict(
          "inspection " + std::to_string(id) + " is " +
          std::string(domain::toString(inspection.status)) +
          (inspection.status == InspectionStatus::Scheduled ? "; it must be submitted first" : ""));
    WorkflowEffects effects(store, context_, stamp(p));
    inspection.decisionReason =
        verdict.reason.empty() ? std::nullopt : std::optional(verdict.reason);
    if (verdict.decision == "confirm") {
      inspection.status = InspectionStatus::Confirmed;
      store.inspections().recordDecision(inspection, effects.stamp());
      outcome.inspection = inspection;
      confirm(effects, store, verdict, outcome);
    } else {
      inspection.status =
          verdict.decision == "refuse" ? InspectionStatus::Refused : InspectionStatus::Cancelled;
      store.inspections().recordDecision(inspection, effects.stamp());
      outcome.result = domain::toString(inspection.status);
      if (inspection.kind == InspectionKind::Initial &&
          inspection.status == InspectionStatus::Refused)
        outcome.decision = effects.decide({.entryId = entry.id,
                                           .inspectionId = inspection.id,
                                           .kind = domain::DecisionKind::Refusal,
                                           .reason = "result_refused",
                                           .note = verdict.reason});
    }
    outcome.inspection = *store.inspections().inspection(id);
  });
  return outcome;
}

}  // namespace tisheng::services
