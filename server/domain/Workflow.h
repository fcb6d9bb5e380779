#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tisheng::domain {

/// Kinds, statuses and reasons are stored and sent as these lower-case words; the database
/// checks them too. Dates are days since 1970-01-01, times Unix seconds.

/// What an inspection is for; stored and sent as initial | review | spot_check | complaint |
/// reinspection.
enum class InspectionKind { Initial, Review, SpotCheck, Complaint, Reinspection };
std::string_view toString(InspectionKind kind);
std::optional<InspectionKind> inspectionKindFromString(std::string_view text);

/// scheduled (being scored) → submitted (frozen, engine result recorded) → confirmed or refused
/// by an office; cancelled when it is no longer needed.
enum class InspectionStatus { Scheduled, Submitted, Confirmed, Refused, Cancelled };
std::string_view toString(InspectionStatus status);
std::optional<InspectionStatus> inspectionStatusFromString(std::string_view text);

/// JSON carries kinds and statuses as their words, never as numbers.
template <typename Json>
void to_json(Json& json, InspectionKind kind) {
  json = toString(kind);
}
template <typename Json>
void to_json(Json& json, InspectionStatus status) {
  json = toString(status);
}

/// What each kind of inspection means, one row per kind (Workflow.cpp).
struct InspectionPolicy {
  InspectionKind kind;
  /// The entry's owner may open it (an application); offices open every kind.
  bool ownerMayOpen;
  /// The owner sees it while it is scheduled; unannounced kinds show once submitted.
  bool announced;
  /// Supervises the entry's current certificate (every kind but the application).
  bool supervises;
  /// A pass renews the certificate's validity (the periodic review).
  bool renews;
  /// Only while the certificate has an open rectification.
  bool needsOpenRectification;
};
const InspectionPolicy& policyOf(InspectionKind kind);

struct Inspection {
  std::int64_t id = 0;
  std::int64_t entryId = 0;
  InspectionKind kind = InspectionKind::Initial;
  std::string standardId{};
  int standardVersion = 0;
  /// The certificate under supervision (reviews, spot checks, complaints, reinspections).
  std::optional<std::int64_t> certificateId{};
  std::optional<std::int64_t> complaintId{};
  InspectionStatus status = InspectionStatus::Scheduled;
  int scheduledOn = 0;
  std::vector<std::int64_t> assignees{};
  /// Item id → score ("pass", "fail", "n/a" or points), possibly incomplete until submitted.
  nlohmann::ordered_json scores = nlohmann::ordered_json::object();
  /// Item id → the inspector's note.
  nlohmann::ordered_json notes = nlohmann::ordered_json::object();
  /// The engine's result, recorded at submission (with the standard id and version).
  std::optional<nlohmann::ordered_json> result{};
  /// The grade reached at submission; empty when none was.
  std::optional<std::string> grade{};
  std::optional<std::string> submittedBy{};
  std::optional<std::int64_t> submittedAt{};
  std::optional<std::string> decidedBy{};
  std::optional<std::int64_t> decidedAt{};
  std::optional<std::string> decisionReason{};
  std::string createdBy{};
  std::int64_t createdAt = 0;

  /// Scheduled or submitted: still waiting for a decision.
  bool isOpen() const {
    return status == InspectionStatus::Scheduled || status == InspectionStatus::Submitted;
  }
  /// The one rule for an entry's owner: announced kinds always, the others once submitted.
  bool ownerMaySee() const {
    return policyOf(kind).announced || status != InspectionStatus::Scheduled;
  }
};

/// A photo (or PDF) an inspector attaches to an inspection, stored on disk by its SHA-256.
struct Evidence {
  std::int64_t id = 0;
  std::int64_t inspectionId = 0;
  std::optional<std::string> itemId{};
  std::string path{};
  std::string sha256{};
  std::string contentType{};
  std::int64_t bytes = 0;
  std::string uploadedBy{};
  std::int64_t uploadedAt = 0;
};

/// 公示: open until endsOn; then issued (the certificate is issued), or withdrawn by an upheld
/// objection or a revocation.
enum class NoticeStatus { Open, Issued, Withdrawn };
std::string_view toString(NoticeStatus status);
std::optional<NoticeStatus> noticeStatusFromString(std::string_view text);

/// 限期整改: open → passed (reinspection), missed (deadline passed: the certificate is revoked)
/// or withdrawn (appeal granted, certificate removed).
enum class RectificationStatus { Open, Passed, Missed, Withdrawn };
std::string_view toString(RectificationStatus status);
std::optional<RectificationStatus> rectificationStatusFromString(std::string_view text);

/// What a decision against an entry does; stored and sent as refusal | downgrade | suspension |
/// revocation.
enum class DecisionKind { Refusal, Downgrade, Suspension, Revocation };
std::string_view toString(DecisionKind kind);
std::optional<DecisionKind> decisionKindFromString(std::string_view text);

/// A revocation is pending until it takes effect; a granted appeal lifts a decision.
enum class DecisionState { Pending, Applied, Lifted };
std::string_view toString(DecisionState state);
std::optional<DecisionState> decisionStateFromString(std::string_view text);

/// An objection to a notice: open until an office dismisses or upholds it.
enum class ObjectionStatus { Open, Dismissed, Upheld };
std::string_view toString(ObjectionStatus status);
std::optional<ObjectionStatus> objectionStatusFromString(std::string_view text);

/// An appeal: open until another admin grants or rejects it.
enum class AppealStatus { Open, Granted, Rejected };
std::string_view toString(AppealStatus status);
std::optional<AppealStatus> appealStatusFromString(std::string_view text);

/// A tourist's complaint: new until an office dismisses it, upholds it or sends an inspector.
enum class ComplaintStatus { New, Dismissed, Upheld, Inspect };
std::string_view toString(ComplaintStatus status);
std::optional<ComplaintStatus> complaintStatusFromString(std::string_view text);

/// Where an entry stands, as its owner and offices read it: certified, suspended, on_notice
/// (公示), applied, revoked (摘牌), expired or not_certified.
enum class EntryState { Certified, Suspended, OnNotice, Applied, Revoked, Expired, NotCertified };
std::string_view toString(EntryState state);
std::optional<EntryState> entryStateFromString(std::string_view text);

/// JSON carries these states as their words.
template <typename Json>
void to_json(Json& json, EntryState state) {
  json = toString(state);
}
template <typename Json>
void to_json(Json& json, ObjectionStatus status) {
  json = toString(status);
}
template <typename Json>
void to_json(Json& json, AppealStatus status) {
  json = toString(status);
}
template <typename Json>
void to_json(Json& json, ComplaintStatus status) {
  json = toString(status);
}
template <typename Json>
void to_json(Json& json, DecisionKind kind) {
  json = toString(kind);
}
template <typename Json>
void to_json(Json& json, DecisionState state) {
  json = toString(state);
}
template <typename Json>
void to_json(Json& json, NoticeStatus status) {
  json = toString(status);
}
template <typename Json>
void to_json(Json& json, RectificationStatus status) {
  json = toString(status);
}

/// 公示: a confirmed grade published as pending until endsOn; then the certificate is issued
/// (status issued) unless an upheld objection withdrew it.
struct Notice {
  std::int64_t id = 0;
  std::int64_t entryId = 0;
  std::int64_t inspectionId = 0;
  std::string standardId{};
  int standardVersion = 0;
  std::string grade{};
  std::int64_t startsAt = 0;
  int endsOn = 0;
  NoticeStatus status = NoticeStatus::Open;
  std::optional<std::int64_t> certificateId{};
};

/// An objection to a notice, filed by anyone; open until an office dismisses or upholds it.
struct Objection {
  std::int64_t id = 0;
  std::int64_t noticeId = 0;
  std::string text{};
  std::optional<std::string> contact{};
  ObjectionStatus status = ObjectionStatus::Open;
  std::optional<std::string> resolution{};
  std::optional<std::string> resolvedBy{};
  std::int64_t createdAt = 0;
};

/// 限期整改: findings to put right by deadline; open → passed (reinspection), missed (deadline
/// passed: the certificate is revoked) or withdrawn (appeal granted, certificate removed).
struct Rectification {
  std::int64_t id = 0;
  std::int64_t certificateId = 0;
  std::optional<std::int64_t> inspectionId{};
  std::string findings{};
  int deadline = 0;
  bool suspended = false;
  RectificationStatus status = RectificationStatus::Open;
  std::string createdBy{};
  std::int64_t createdAt = 0;
};

/// A decision against an entry that may be appealed: refusal, downgrade, suspension or
/// revocation (摘牌). A revocation is pending until effectiveOn, then applied; a granted appeal
/// lifts a decision. Revocations bar re-application until barUntil.
struct Decision {
  std::int64_t id = 0;
  std::int64_t entryId = 0;
  std::optional<std::int64_t> certificateId{};
  std::optional<std::int64_t> inspectionId{};
  DecisionKind kind = DecisionKind::Refusal;
  std::string reason{};
  std::string note{};
  int effectiveOn = 0;
  int appealUntil = 0;
  std::optional<int> barUntil{};
  DecisionState state = DecisionState::Applied;
  /// The grade before a downgrade, restored if an appeal is granted.
  std::optional<std::string> previousGrade{};
  std::string decidedBy{};
  std::int64_t decidedAt = 0;
};

/// 申诉 against a decision, decided by an admin other than the decision's.
struct Appeal {
  std::int64_t id = 0;
  std::int64_t decisionId = 0;
  std::string grounds{};
  std::string filedBy{};
  std::int64_t filedAt = 0;
  AppealStatus status = AppealStatus::Open;
  std::optional<std::string> decidedBy{};
  std::optional<std::int64_t> decidedAt{};
  std::optional<std::string> resolution{};
};

/// A tourist's complaint as an office triages it: new → dismissed | upheld | inspect.
struct Complaint {
  std::int64_t id = 0;
  std::int64_t entryId = 0;
  std::optional<std::int64_t> certificateId{};
  std::string category{};
  std::string description{};
  std::optional<std::string> contact{};
  ComplaintStatus status = ComplaintStatus::New;
  std::optional<std::string> triageNote{};
  std::optional<std::string> triagedBy{};
  std::int64_t createdAt = 0;
};

/// Why a certificate is revoked (摘牌).
inline const std::vector<std::string>& revocationReasons() {
  static const std::vector<std::string> reasons{
      "failed_review",        "serious_incident", "fraud", "closure", "withdrawal",
      "missed_rectification", "upheld_complaints"};
  return reasons;
}

/// Closure and voluntary withdrawal do not bar a later application; every other reason does.
inline bool barsReapplication(const std::string& reason) {
  return reason != "closure" && reason != "withdrawal";
}

}  // namespace tisheng::domain
