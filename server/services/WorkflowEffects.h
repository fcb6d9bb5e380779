#pragma once

#include <optional>
#include <string>

#include "domain/Workflow.h"
#include "rules/StandardRegistry.h"
#include "services/CertificateService.h"
#include "services/Settings.h"
#include "storage/WorkflowRepository.h"

namespace tisheng::services {

/// What workflow steps need besides the store. The standards and the certificate service must
/// outlive the services using the context; the settings are a copy.
struct WorkflowContext {
  const rules::StandardRegistry& standards;
  const CertificateService& certificates;
  Settings settings;
};

/// The effects workflow steps share, applied on one transaction's store by stamp.actor at
/// stamp.at: issuing and superseding certificates, public notice, decisions, suspension with
/// rectification, revocation. Throws service errors (Conflict, ...) that roll the step back.
class WorkflowEffects {
 public:
  WorkflowEffects(storage::WorkflowStore& store, const WorkflowContext& context,
                  storage::Stamp stamp);

  int today() const { return today_; }
  const storage::Stamp& stamp() const { return stamp_; }
  /// That exact standard version; throws Conflict when it is no longer loaded.
  const rules::Standard& standard(const std::string& id, int version) const;

  /// Issues a certificate for entry at grade (valid from today until validUntil, or for the
  /// standard's validity) and supersedes `replaces` if given.
  domain::Certificate issue(const domain::Entry& entry, const rules::Standard& standard,
                            const std::string& grade, std::optional<int> validUntil,
                            std::optional<int> lastInspectionOn,
                            const std::optional<domain::Certificate>& replaces);
  /// Publishes a confirmed grade for the configured notice period.
  domain::Notice openNotice(const domain::Inspection& inspection, const std::string& grade);
  /// Records an appealable decision dated today (its appeal window from the configuration).
  domain::Decision decide(domain::Decision decision);
  /// Opens a rectification with deadline; when suspending (and the certificate is active),
  /// suspends the certificate and records a suspension decision.
  domain::Rectification rectify(const domain::Certificate& certificate, const std::string& findings,
                                int deadline, bool suspending,
                                std::optional<std::int64_t> inspectionId);
  /// Suspends an active certificate for findings (citing its open rectification's deadline)
  /// and records the suspension decision.
  domain::Decision suspend(const domain::Certificate& certificate, const std::string& findings,
                           std::optional<std::int64_t> inspectionId);
  /// Records a revocation (摘牌) of certificate for reason from effectiveOn, barring
  /// re-application for the standard's bar unless the reason is closure or withdrawal, and
  /// applies it at once when effectiveOn is today.
  domain::Decision revoke(const domain::Certificate& certificate, const std::string& reason,
                          const std::string& note, int effectiveOn,
                          std::optional<std::int64_t> inspectionId);
  /// Applies a pending revocation: the certificate is revoked, its rectification withdrawn,
  /// the entry's open inspections cancelled and open notices withdrawn.
  void applyRevocation(const domain::Decision& decision);
  /// Cancels the entry's inspections still open (only those of certificateId, if given).
  void cancelOpenInspections(std::int64_t entryId, std::optional<std::int64_t> certificateId,
                             const std::string& reason);
  /// The day a rectification must end by default: 30 days, or the standard's limit if shorter.
  int defaultDeadline(const rules::Standard& standard) const;

 private:
  storage::WorkflowStore& store_;
  const WorkflowContext& context_;
  storage::Stamp stamp_;
  int today_;
};

}  // namespace tisheng::services
