// The workflow's typed states: one word per value, one policy row per inspection kind, and the
// one rule for what an entry's owner sees.
#include <catch2/catch.hpp>

#include "domain/Workflow.h"

using tisheng::domain::Inspection;
using tisheng::domain::InspectionKind;
using tisheng::domain::InspectionStatus;

TEST_CASE("Inspection kinds and statuses go to and from their words", "[unit]") {
  for (auto kind : {InspectionKind::Initial, InspectionKind::Review, InspectionKind::SpotCheck,
                    InspectionKind::Complaint, InspectionKind::Reinspection}) {
    CAPTURE(toString(kind));
    CHECK(tisheng::domain::inspectionKindFromString(toString(kind)) == kind);
    CHECK(tisheng::domain::policyOf(kind).kind == kind);
  }
  for (auto status :
       {InspectionStatus::Scheduled, InspectionStatus::Submitted, InspectionStatus::Confirmed,
        InspectionStatus::Refused, InspectionStatus::Cancelled})
    CHECK(tisheng::domain::inspectionStatusFromString(toString(status)) == status);
  CHECK(toString(InspectionKind::SpotCheck) == "spot_check");
  CHECK_FALSE(tisheng::domain::inspectionKindFromString("Spot_check"));
  CHECK_FALSE(tisheng::domain::inspectionStatusFromString(""));
  // JSON carries the words.
  CHECK(nlohmann::ordered_json(InspectionKind::Reinspection) == "reinspection");
  CHECK(nlohmann::ordered_json(InspectionStatus::Refused) == "refused");
}

TEST_CASE("Only the application is announced to the owner, supervision shows once submitted",
          "[unit]") {
  Inspection inspection;
  for (auto kind : {InspectionKind::Review, InspectionKind::SpotCheck, InspectionKind::Complaint,
                    InspectionKind::Reinspection}) {
    inspection.kind = kind;
    inspection.status = InspectionStatus::Scheduled;
    CHECK_FALSE(inspection.ownerMaySee());
    inspection.status = InspectionStatus::Submitted;
    CHECK(inspection.ownerMaySee());
    CHECK(tisheng::domain::policyOf(kind).supervises);
  }
  inspection.kind = InspectionKind::Initial;
  inspection.status = InspectionStatus::Scheduled;
  CHECK(inspection.ownerMaySee());
  CHECK(tisheng::domain::policyOf(InspectionKind::Initial).ownerMayOpen);
  CHECK(tisheng::domain::policyOf(InspectionKind::Review).renews);
  CHECK(tisheng::domain::policyOf(InspectionKind::Reinspection).needsOpenRectification);
}

TEST_CASE("Notice and rectification states go to and from their words", "[unit]") {
  using tisheng::domain::NoticeStatus;
  using tisheng::domain::RectificationStatus;
  for (auto status : {NoticeStatus::Open, NoticeStatus::Issued, NoticeStatus::Withdrawn})
    CHECK(tisheng::domain::noticeStatusFromString(toString(status)) == status);
  for (auto status : {RectificationStatus::Open, RectificationStatus::Passed,
                      RectificationStatus::Missed, RectificationStatus::Withdrawn})
    CHECK(tisheng::domain::rectificationStatusFromString(toString(status)) == status);
  CHECK(nlohmann::ordered_json(RectificationStatus::Missed) == "missed");
  CHECK_FALSE(tisheng::domain::noticeStatusFromString("closed"));
}

TEST_CASE("Decision kinds and states go to and from their words", "[unit]") {
  using tisheng::domain::DecisionKind;
  using tisheng::domain::DecisionState;
  for (auto kind : {DecisionKind::Refusal, DecisionKind::Downgrade, DecisionKind::Suspension,
                    DecisionKind::Revocation})
    CHECK(tisheng::domain::decisionKindFromString(toString(kind)) == kind);
  for (auto state : {DecisionState::Pending, DecisionState::Applied, DecisionState::Lifted})
    CHECK(tisheng::domain::decisionStateFromString(toString(state)) == state);
  CHECK(nlohmann::ordered_json(DecisionKind::Revocation) == "revocation");
  CHECK_FALSE(tisheng::domain::decisionKindFromString("removal"));
}

TEST_CASE("Objection, appeal and complaint states go to and from their words", "[unit]") {
  using tisheng::domain::AppealStatus;
  using tisheng::domain::ComplaintStatus;
  using tisheng::domain::ObjectionStatus;
  for (auto status : {ObjectionStatus::Open, ObjectionStatus::Dismissed, ObjectionStatus::Upheld})
    CHECK(tisheng::domain::objectionStatusFromString(toString(status)) == status);
  for (auto status : {AppealStatus::Open, AppealStatus::Granted, AppealStatus::Rejected})
    CHECK(tisheng::domain::appealStatusFromString(toString(status)) == status);
  for (auto status : {ComplaintStatus::New, ComplaintStatus::Dismissed, ComplaintStatus::Upheld,
                      ComplaintStatus::Inspect})
    CHECK(tisheng::domain::complaintStatusFromString(toString(status)) == status);
  CHECK(nlohmann::ordered_json(ComplaintStatus::Inspect) == "inspect");
}

TEST_CASE("Entry states go to and from their words", "[unit]") {
  using tisheng::domain::EntryState;
  for (auto state :
       {EntryState::Certified, EntryState::Suspended, EntryState::OnNotice, EntryState::Applied,
        EntryState::Revoked, EntryState::Expired, EntryState::NotCertified})
    CHECK(tisheng::domain::entryStateFromString(toString(state)) == state);
  CHECK(nlohmann::ordered_json(EntryState::OnNotice) == "on_notice");
}
