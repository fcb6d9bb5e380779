#include "domain/Workflow.h"

#include "domain/Words.h"

namespace tisheng::domain {

namespace {

constexpr Words<InspectionKind, 5> kKinds{{
    {InspectionKind::Initial, "initial"},
    {InspectionKind::Review, "review"},
    {InspectionKind::SpotCheck, "spot_check"},
    {InspectionKind::Complaint, "complaint"},
    {InspectionKind::Reinspection, "reinspection"},
}};

constexpr Words<InspectionStatus, 5> kStatuses{{
    {InspectionStatus::Scheduled, "scheduled"},
    {InspectionStatus::Submitted, "submitted"},
    {InspectionStatus::Confirmed, "confirmed"},
    {InspectionStatus::Refused, "refused"},
    {InspectionStatus::Cancelled, "cancelled"},
}};

constexpr Words<NoticeStatus, 3> kNoticeStatuses{{
    {NoticeStatus::Open, "open"},
    {NoticeStatus::Issued, "issued"},
    {NoticeStatus::Withdrawn, "withdrawn"},
}};

constexpr Words<RectificationStatus, 4> kRectificationStatuses{{
    {RectificationStatus::Open, "open"},
    {RectificationStatus::Passed, "passed"},
    {RectificationStatus::Missed, "missed"},
    {RectificationStatus::Withdrawn, "withdrawn"},
}};

constexpr Words<DecisionKind, 4> kDecisionKinds{{
    {DecisionKind::Refusal, "refusal"},
    {DecisionKind::Downgrade, "downgrade"},
    {DecisionKind::Suspension, "suspension"},
    {DecisionKind::Revocation, "revocation"},
}};

constexpr Words<DecisionState, 3> kDecisionStates{{
    {DecisionState::Pending, "pending"},
    {DecisionState::Applied, "applied"},
    {DecisionState::Lifted, "lifted"},
}};

constexpr Words<ObjectionStatus, 3> kObjectionStatuses{{
    {ObjectionStatus::Open, "open"},
    {ObjectionStatus::Dismissed, "dismissed"},
    {ObjectionStatus::Upheld, "upheld"},
}};

constexpr Words<AppealStatus, 3> kAppealStatuses{{
    {AppealStatus::Open, "open"},
    {AppealStatus::Granted, "granted"},
    {AppealStatus::Rejected, "rejected"},
}};

constexpr Words<ComplaintStatus, 4> kComplaintStatuses{{
    {ComplaintStatus::New, "new"},
    {ComplaintStatus::Dismissed, "dismissed"},
    {ComplaintStatus::Upheld, "upheld"},
    {ComplaintStatus::Inspect, "inspect"},
}};

constexpr Words<EntryState, 7> kEntryStates{{
    {EntryState::Certified, "certified"},
    {EntryState::Suspended, "suspended"},
    {EntryState::OnNotice, "on_notice"},
    {EntryState::Applied, "applied"},
    {EntryState::Revoked, "revoked"},
    {EntryState::Expired, "expired"},
    {EntryState::NotCertified, "not_certified"},
}};

//                                           owner opens, announced, supervises, renews, rectif.
constexpr std::array<InspectionPolicy, 5> kPolicies{{
    {InspectionKind::Initial, true, true, false, false, false},
    {InspectionKind::Review, false, false, true, true, false},
    {InspectionKind::SpotCheck, false, false, true, false, false},
    {InspectionKind::Complaint, false, false, true, false, false},
    {InspectionKind::Reinspection, false, false, true, false, true},
}};

}  // namespace

std::string_view toString(InspectionKind kind) { return wordOf(kKinds, kind); }
std::optional<InspectionKind> inspectionKindFromString(std::string_view text) {
  return valueOf(kKinds, text);
}
std::string_view toString(InspectionStatus status) { return wordOf(kStatuses, status); }
std::optional<InspectionStatus> inspectionStatusFromString(std::string_view text) {
  return valueOf(kStatuses, text);
}

std::string_view toString(NoticeStatus status) { return wordOf(kNoticeStatuses, status); }
std::optional<NoticeStatus> noticeStatusFromString(std::string_view text) {
  return valueOf(kNoticeStatuses, text);
}
std::string_view toString(RectificationStatus status) {
  return wordOf(kRectificationStatuses, status);
}
std::optional<RectificationStatus> rectificationStatusFromString(std::string_view text) {
  return valueOf(kRectificationStatuses, text);
}

std::string_view toString(DecisionKind kind) { return wordOf(kDecisionKinds, kind); }
std::optional<DecisionKind> decisionKindFromString(std::string_view text) {
  return valueOf(kDecisionKinds, text);
}
std::string_view toString(DecisionState state) { return wordOf(kDecisionStates, state); }
std::optional<DecisionState> decisionStateFromString(std::string_view text) {
  return valueOf(kDecisionStates, text);
}

std::string_view toString(ObjectionStatus status) { return wordOf(kObjectionStatuses, status); }
std::optional<ObjectionStatus> objectionStatusFromString(std::string_view text) {
  return valueOf(kObjectionStatuses, text);
}
std::string_view toString(AppealStatus status) { return wordOf(kAppealStatuses, status); }
std::optional<AppealStatus> appealStatusFromString(std::string_view text) {
  return valueOf(kAppealStatuses, text);
}
std::string_view toString(ComplaintStatus status) { return wordOf(kComplaintStatuses, status); }
std::optional<ComplaintStatus> complaintStatusFromString(std::string_view text) {
  return valueOf(kComplaintStatuses, text);
}

std::string_view toString(EntryState state) { return wordOf(kEntryStates, state); }
std::optional<EntryState> entryStateFromString(std::string_view text) {
  return valueOf(kEntryStates, text);
}

const InspectionPolicy& policyOf(InspectionKind kind) {
  for (const auto& policy : kPolicies)
    if (policy.kind == kind) return policy;
  return kPolicies.front();
}

}  // namespace tisheng::domain
