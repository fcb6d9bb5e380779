#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/Clock.h"
#include "domain/Workflow.h"
#include "security/Principal.h"
#include "services/MediaStore.h"
#include "services/WorkflowEffects.h"
#include "storage/WorkflowRepository.h"

namespace tisheng::services {

/// An application (kind initial) or a supervision inspection an office opens.
struct InspectionRequest {
  domain::InspectionKind kind = domain::InspectionKind::Initial;
  std::int64_t entryId = 0;
  /// Defaults to the latest standard of the entry's category (or of its certificate).
  std::optional<std::string> standardId{};
  /// Defaults to 14 days from today.
  std::optional<int> scheduledOn{};
  /// Usernames of inspectors; offices only.
  std::vector<std::string> inspectors{};
  std::optional<std::int64_t> complaintId{};
};

/// Which inspections to list; unset fields do not filter. overdue keeps only inspections still
/// scheduled before today.
struct InspectionQuery {
  std::optional<std::int64_t> entryId{};
  std::optional<domain::InspectionStatus> status{};
  std::optional<domain::InspectionKind> kind{};
  bool overdue = false;
};

/// An office's verdict on a submitted inspection. For a failed supervision inspection the
/// office may set the rectification's findings and deadline (else defaults apply).
struct InspectionVerdict {
  std::string decision{};  ///< confirm | refuse | cancel
  std::string reason{};    ///< required to refuse or cancel
  std::optional<std::string> findings{};
  std::optional<int> deadline{};
};

/// What confirming an inspection led to.
struct InspectionOutcome {
  /// notice, refused, renewed, kept, raise_notice, downgraded, suspended, revoked, reinstated,
  /// rectification_passed, not_passed, cancelled.
  std::string result{};
  domain::Inspection inspection;
  std::optional<domain::Notice> notice{};
  std::optional<domain::Certificate> certificate{};
  std::optional<domain::Decision> decision{};
  std::optional<domain::Rectification> rectification{};
};

/// Inspections from application to decision: opening and assigning them, inspectors scoring
/// them (partially and repeatedly, with evidence), submitting (which freezes the sheet and
/// records the engine's result) and an office confirming, refusing or cancelling them, with
/// what follows (public notice, renewal, re-grading, rectification, revocation). Every method
/// checks the caller's role and scope, throws service errors (services/Errors.h), and changes
/// nothing when it throws.
class InspectionService {
 public:
  InspectionService(storage::WorkflowRepository& workflow, const MediaStore& media,
                    const WorkflowContext& context, const domain::Clock& clock);

  domain::Inspection open(const security::Principal& p, const InspectionRequest& request);
  /// open() inside a transaction another step runs (a complaint's triage).
  domain::Inspection openOn(storage::WorkflowStore& store, const security::Principal& p,
                            const InspectionRequest& request);
  /// One inspection with its evidence.
  std::pair<domain::Inspection, std::vector<domain::Evidence>> get(const security::Principal& p,
                                                                   std::int64_t id);
  /// What the caller may see, filtered by query, in id order.
  std::vector<domain::Inspection> list(const security::Principal& p, const InspectionQuery& query);
  /// Reassigns (usernames) and/or reschedules a scheduled inspection; offices only.
  domain::Inspection assign(const security::Principal& p, std::int64_t id,
                            const std::optional<std::vector<std::string>>& inspectors,
                            std::optional<int> scheduledOn);
  /// Merges scores and notes (JSON objects keyed by item id; null removes) into the draft.
  domain::Inspection saveScores(const security::Principal& p, std::int64_t id,
                                const nlohmann::ordered_json& scores,
                                const nlohmann::ordered_json& notes);
  domain::Evidence addEvidence(const security::Principal& p, std::int64_t id,
                               const std::optional<std::string>& itemId, const std::string& bytes);
  std::vector<domain::Evidence> evidence(const security::Principal& p, std::int64_t id);
  /// The stored bytes of one piece of evidence.
  std::pair<domain::Evidence, std::string> evidenceFile(const security::Principal& p,
                                                        std::int64_t id, std::int64_t evidenceId);
  domain::Inspection submit(const security::Principal& p, std::int64_t id);
  InspectionOutcome decide(const security::Principal& p, std::int64_t id,
                           const InspectionVerdict& verdict);

 private:
  domain::Inspection visible(const security::Principal& p, storage::WorkflowStore& store,
                             std::int64_t id, domain::Entry* entryOut = nullptr);
  domain::Inspection assignedDraft(const security::Principal& p, storage::WorkflowStore& store,
                                   std::int64_t id);
  /// The accounts of usernames, each an enabled inspector covering entry's county.
  static std::vector<std::int64_t> inspectorIds(storage::WorkflowStore& store,
                                                const std::vector<std::string>& usernames,
                                                const domain::Entry& entry);
  void confirm(WorkflowEffects& effects, storage::WorkflowStore& store,
               const InspectionVerdict& verdict, InspectionOutcome& outcome);
  storage::Stamp stamp(const security::Principal& p) const { return {p.username, clock_.now()}; }

  storage::WorkflowRepository& workflow_;
  const MediaStore& media_;
  const WorkflowContext& context_;
  const domain::Clock& clock_;
};

}  // namespace tisheng::services
