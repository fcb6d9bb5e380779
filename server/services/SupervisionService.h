#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/Clock.h"
#include "domain/Workflow.h"
#include "security/Principal.h"
#include "services/InspectionService.h"
#include "services/WorkflowEffects.h"
#include "storage/WorkflowRepository.h"

namespace tisheng::services {

/// How an office triages a complaint; inspect opens a complaint inspection.
struct ComplaintTriage {
  std::string decision{};  ///< dismissed | upheld | inspect
  std::string note{};
  std::optional<int> scheduledOn{};
  std::vector<std::string> inspectors{};
};

/// Everything recorded about one entry's path through the programme, as its caller may see it.
struct EntryRecord {
  std::vector<domain::Certificate> certificates{};
  std::vector<domain::Inspection> inspections{};
  std::vector<domain::Notice> notices{};
  std::vector<domain::Rectification> rectifications{};
  std::vector<std::pair<domain::Decision, std::optional<domain::Appeal>>> decisions{};
  /// Offices only.
  std::vector<domain::Complaint> complaints{};
  /// Objections to the entry's notices; offices only.
  std::vector<domain::Objection> objections{};
};

/// A pending notice as the public directory lists it.
struct PendingNotice {
  domain::Notice notice;
  domain::Entry entry;
};

/// Supervision after (and around) inspections: public notice and objections, rectification,
/// revocation (摘牌), complaint triage, appeals and each entry's record. Every method checks the
/// caller's role and scope, throws service errors (services/Errors.h), and changes nothing when it
/// throws.
class SupervisionService {
 public:
  static constexpr int kObjectionsPerAddressPerHour = 5;

  SupervisionService(storage::WorkflowRepository& workflow, InspectionService& inspections,
                     const WorkflowContext& context, const domain::Clock& clock);

  /// The public directory: entries certified and valid today, and results on public notice.
  std::pair<std::vector<domain::CertifiedEntry>, std::vector<PendingNotice>> directory();
  /// Files an objection to an open notice (public; rate limited per address).
  domain::Objection object(std::int64_t noticeId, const std::string& text,
                           const std::optional<std::string>& contact, const std::string& address);
  /// Objections an office may see, with the notice they are about.
  std::vector<std::pair<domain::Objection, domain::Notice>> objections(
      const security::Principal& p, std::optional<domain::ObjectionStatus> status);
  /// Upholding withdraws the notice and records a refusal.
  domain::Objection resolveObjection(const security::Principal& p, std::int64_t id,
                                     const std::string& decision, const std::string& resolution);

  domain::Rectification rectify(const security::Principal& p, const std::string& serial,
                                const std::string& findings, int deadline, bool suspend);
  domain::Decision revoke(const security::Principal& p, const std::string& serial,
                          const std::string& reason, const std::string& note,
                          std::optional<int> effectiveOn);

  std::vector<domain::Complaint> complaints(const security::Principal& p,
                                            std::optional<domain::ComplaintStatus> status);
  /// Returns the triaged complaint, and the inspection it opened or the decision the exit
  /// rules led to (upheld complaints counted within the standard's window).
  std::tuple<domain::Complaint, std::optional<domain::Inspection>, std::optional<domain::Decision>>
  triage(const security::Principal& p, std::int64_t id, const ComplaintTriage& triage);

  domain::Appeal appeal(const security::Principal& p, std::int64_t decisionId,
                        const std::string& grounds);
  /// Appeals an office may see, each with the decision appealed against.
  std::vector<std::pair<domain::Appeal, domain::Decision>> appeals(
      const security::Principal& p, std::optional<domain::AppealStatus> status);
  /// Decided by an admin other than the one who made the decision; granting undoes it.
  domain::Appeal decideAppeal(const security::Principal& p, std::int64_t id,
                              const std::string& decision, const std::string& resolution);

  EntryRecord record(const security::Principal& p, std::int64_t entryId);

 private:
  void grant(WorkflowEffects& effects, storage::WorkflowStore& store,
             const domain::Decision& decision);
  storage::Stamp stamp(const security::Principal& p) const { return {p.username, clock_.now()}; }

  storage::WorkflowRepository& workflow_;
  InspectionService& inspections_;
  const WorkflowContext& context_;
  const domain::Clock& clock_;
};

}  // namespace tisheng::services
