#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "domain/Registry.h"
#include "domain/Workflow.h"
#include "storage/AuditLog.h"
#include "storage/CertificateRows.h"
#include "storage/UserRepository.h"

namespace tisheng::storage {

/// Which inspections to list; unset fields do not filter.
struct InspectionFilter {
  std::optional<std::string> county{};
  std::optional<std::int64_t> entryId{};
  std::optional<domain::InspectionStatus> status{};
  /// Assigned to this user, or (with queueCounty) unassigned in that county.
  std::optional<std::int64_t> assignee{};
  std::optional<std::string> queueCounty{};
};

/// The registry's entries. Part of a unit of work (WorkflowStore): every change writes its audit
/// record with the stamp given, in the same transaction.
class EntryRecords {
 public:
  virtual ~EntryRecords() = default;
  virtual std::optional<domain::Entry> entry(std::int64_t id) = 0;
};

/// Certificates: issued, current, and their status. Part of a unit of work (WorkflowStore): every
/// change writes its audit record with the stamp given, in the same transaction.
class CertificateRecords {
 public:
  virtual ~CertificateRecords() = default;
  virtual std::optional<domain::Certificate> certificate(std::int64_t id) = 0;
  virtual std::optional<domain::Certificate> certificateBySerial(const std::string& serial) = 0;
  /// The entry's current certificate: the newest that is active or suspended.
  virtual std::optional<domain::Certificate> currentCertificate(std::int64_t entryId) = 0;
  virtual std::vector<domain::Certificate> certificatesOf(std::int64_t entryId) = 0;
  virtual domain::Certificate issueCertificate(domain::Certificate draft,
                                               const std::string& serialPrefix,
                                               const CertificateSigner& sign,
                                               const Stamp& stamp) = 0;
  virtual void setCertificateStatus(const std::string& serial, domain::CertificateStatus status,
                                    const std::optional<std::string>& reason,
                                    const Stamp& stamp) = 0;
  virtual void setLastInspection(std::int64_t certificateId, int day, const Stamp& stamp) = 0;
  /// Entries whose current certificate is active and valid on today, with it, by entry id.
  virtual std::vector<domain::CertifiedEntry> certifiedEntries(int today) = 0;
  /// Active certificates whose validity ended before today.
  virtual std::vector<domain::Certificate> activePastValidity(int today) = 0;
  /// Active certificates with no inspection scheduled or awaiting a decision.
  virtual std::vector<domain::Certificate> activeWithoutOpenInspection() = 0;
};

/// Accounts as the workflow needs them. Part of a unit of work (WorkflowStore): every change writes
/// its audit record with the stamp given, in the same transaction.
class AccountRecords {
 public:
  virtual ~AccountRecords() = default;
  /// An account by username (without its password hash).
  virtual std::optional<User> account(const std::string& username) = 0;
};

/// Inspections and their evidence. Part of a unit of work (WorkflowStore): every change writes its
/// audit record with the stamp given, in the same transaction.
class InspectionRecords {
 public:
  virtual ~InspectionRecords() = default;
  virtual std::int64_t addInspection(const domain::Inspection& inspection, const Stamp& stamp) = 0;
  virtual std::optional<domain::Inspection> inspection(std::int64_t id) = 0;
  virtual std::vector<domain::Inspection> inspections(const InspectionFilter& filter) = 0;
  /// Replaces what may change while an inspection is scheduled: assignees, date, scores, notes.
  virtual void updateDraft(const domain::Inspection& inspection, const Stamp& stamp) = 0;
  /// Records the submission (status, result, grade, submitter).
  virtual void recordSubmission(const domain::Inspection& inspection, const Stamp& stamp) = 0;
  /// Records an office's decision (status confirmed/refused/cancelled, reason).
  virtual void recordDecision(const domain::Inspection& inspection, const Stamp& stamp) = 0;
  virtual std::int64_t addEvidence(const domain::Evidence& evidence, const Stamp& stamp) = 0;
  virtual std::vector<domain::Evidence> evidenceOf(std::int64_t inspectionId) = 0;
};

/// Public notices and the objections to them. Part of a unit of work (WorkflowStore): every change
/// writes its audit record with the stamp given, in the same transaction.
class NoticeRecords {
 public:
  virtual ~NoticeRecords() = default;
  virtual std::int64_t addNotice(const domain::Notice& notice, const Stamp& stamp) = 0;
  virtual std::optional<domain::Notice> notice(std::int64_t id) = 0;
  /// Notices of one status (optionally of one entry), oldest first.
  virtual std::vector<domain::Notice> notices(domain::NoticeStatus status,
                                              std::optional<std::int64_t> entryId) = 0;
  virtual void closeNotice(std::int64_t id, domain::NoticeStatus status,
                           std::optional<std::int64_t> certificateId, const Stamp& stamp) = 0;
  virtual std::int64_t addObjection(const domain::Objection& objection,
                                    const std::string& sourceAddress, const Stamp& stamp) = 0;
  virtual std::optional<domain::Objection> objection(std::int64_t id) = 0;
  virtual std::vector<domain::Objection> objectionsTo(std::int64_t noticeId) = 0;
  virtual void resolveObjection(const domain::Objection& objection, const Stamp& stamp) = 0;
  virtual int objectionsFromAddressSince(const std::string& address, std::int64_t since) = 0;
};

/// Rectifications with their deadlines. Part of a unit of work (WorkflowStore): every change writes
/// its audit record with the stamp given, in the same transaction.
class RectificationRecords {
 public:
  virtual ~RectificationRecords() = default;
  virtual std::int64_t addRectification(const domain::Rectification& rectification,
                                        const Stamp& stamp) = 0;
  virtual std::optional<domain::Rectification> openRectification(std::int64_t certificateId) = 0;
  virtual std::vector<domain::Rectification> rectificationsOf(std::int64_t entryId) = 0;
  /// Open rectifications (of entries in county, when given), earliest deadline first.
  virtual std::vector<domain::Rectification> openRectifications(
      const std::optional<std::string>& county) = 0;
  /// Open rectifications whose deadline is before today.
  virtual std::vector<domain::Rectification> overdueRectifications(int today) = 0;
  virtual void closeRectification(std::int64_t id, domain::RectificationStatus status,
                                  const Stamp& stamp) = 0;
};

/// Decisions (refusal, downgrade, suspension, revocation) and appeals against them. Part of a unit
/// of work (WorkflowStore): every change writes its audit record with the stamp given, in the same
/// transaction.
class DecisionRecords {
 public:
  virtual ~DecisionRecords() = default;
  virtual std::int64_t addDecision(const domain::Decision& decision, const Stamp& stamp) = 0;
  virtual std::optional<domain::Decision> decision(std::int64_t id) = 0;
  virtual std::vector<domain::Decision> decisionsOf(std::int64_t entryId) = 0;
  /// Revocations not yet applied whose effective date is today or earlier.
  virtual std::vector<domain::Decision> dueRevocations(int today) = 0;
  /// Marks a pending revocation applied; lifts a decision (state lifted, bar cleared) when an
  /// appeal against it is granted.
  virtual void markApplied(std::int64_t decisionId, const Stamp& stamp) = 0;
  virtual void liftDecision(std::int64_t decisionId, const Stamp& stamp) = 0;
  /// Records (in the audit trail, as `application.barred`) that the entry applied again while
  /// the revocation's bar still ran, and was refused: the reports count these.
  virtual void recordBarredApplication(std::int64_t entryId, std::int64_t decisionId,
                                       const Stamp& stamp) = 0;
  virtual std::int64_t addAppeal(const domain::Appeal& appeal, const Stamp& stamp) = 0;
  virtual std::optional<domain::Appeal> appeal(std::int64_t id) = 0;
  virtual std::optional<domain::Appeal> appealOf(std::int64_t decisionId) = 0;
  virtual std::vector<domain::Appeal> appeals(const std::optional<std::string>& county,
                                              std::optional<domain::AppealStatus> status) = 0;
  virtual void decideAppeal(const domain::Appeal& appeal, const Stamp& stamp) = 0;
};

/// Complaints from the public, as offices triage them. Part of a unit of work (WorkflowStore):
/// every change writes its audit record with the stamp given, in the same transaction.
class ComplaintRecords {
 public:
  virtual ~ComplaintRecords() = default;
  virtual std::optional<domain::Complaint> complaint(std::int64_t id) = 0;
  virtual std::vector<domain::Complaint> complaints(const std::optional<std::string>& county,
                                                    std::optional<domain::ComplaintStatus> status,
                                                    std::optional<std::int64_t> entryId) = 0;
  virtual void triageComplaint(const domain::Complaint& complaint, const Stamp& stamp) = 0;
  virtual int upheldComplaintsSince(std::int64_t entryId, std::int64_t since) = 0;
};

/// One unit of work: the workflow's records, read and changed inside one transaction (see
/// WorkflowRepository), one repository per kind of record. Lookups return nullopt when nothing
/// matches.
class WorkflowStore {
 public:
  virtual ~WorkflowStore() = default;
  virtual EntryRecords& entries() = 0;
  virtual CertificateRecords& certificates() = 0;
  virtual AccountRecords& accounts() = 0;
  virtual InspectionRecords& inspections() = 0;
  virtual NoticeRecords& notices() = 0;
  virtual RectificationRecords& rectifications() = 0;
  virtual DecisionRecords& decisions() = 0;
  virtual ComplaintRecords& complaints() = 0;
};

/// Runs workflow steps as transactions. Thread-safe.
class WorkflowRepository {
 public:
  virtual ~WorkflowRepository() = default;
  /// Runs work in one write transaction: commits when it returns, rolls everything back when
  /// it throws (the exception propagates).
  virtual void write(const std::function<void(WorkflowStore&)>& work) = 0;
  /// Runs work on a consistent snapshot for reading.
  virtual void read(const std::function<void(WorkflowStore&)>& work) = 0;
};

}  // namespace tisheng::storage
