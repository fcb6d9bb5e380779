#include "domain/Workflow.h"

#include <array>
#include <utility>

namespace tisheng::domain {

namespace {

constexpr std::array<std::pair<InspectionKind, std::string_view>, 5> kKinds{{
    {InspectionKind::Initial, "initial"},
    {InspectionKind::Review, "review"},
    {InspectionKind::SpotCheck, "spot_check"},
    {InspectionKind::Complaint, "complaint"},
    {InspectionKind::Reinspection, "reinspection"},
}};

constexpr std::array<std::pair<InspectionStatus, std::string_view>, 5> kStatuses{{
    {InspectionStatus::Scheduled, "scheduled"},
    {InspectionStatus::Submitted, "submitted"},
    {InspectionStatus::Confirmed, "confirmed"},
    {InspectionStatus::Refused, "refused"},
    {InspectionStatus::Cancelled, "cancelled"},
}};

//                                           owner opens, announced, supervises, renews, rectif.
constexpr std::array<InspectionPolicy, 5> kPolicies{{
    {InspectionKind::Initial, true, true, false, false, false},
    {InspectionKind::Review, false, false, true, true, false},
    {InspectionKind::SpotCheck, false, false, true, false, false},
    {InspectionKind::Complaint, false, false, true, false, false},
    {InspectionKind::Reinspection, false, false, true, false, true},
}};

template <typename Enum, std::size_t N>
std::string_view nameIn(const std::array<std::pair<Enum, std::string_view>, N>& table, Enum value) {
  for (const auto& [candidate, name] : table)
    if (candidate == value) return name;
  return {};
}

template <typename Enum, std::size_t N>
std::optional<Enum> valueIn(const std::array<std::pair<Enum, std::string_view>, N>& table,
                            std::string_view text) {
  for (const auto& [value, name] : table)
    if (name == text) return value;
  return std::nullopt;
}

}  // namespace

std::string_view toString(InspectionKind kind) { return nameIn(kKinds, kind); }
std::optional<InspectionKind> inspectionKindFromString(std::string_view text) {
  return valueIn(kKinds, text);
}
std::string_view toString(InspectionStatus status) { return nameIn(kStatuses, status); }
std::optional<InspectionStatus> inspectionStatusFromString(std::string_view text) {
  return valueIn(kStatuses, text);
}

const InspectionPolicy& policyOf(InspectionKind kind) {
  for (const auto& policy : kPolicies)
    if (policy.kind == kind) return policy;
  return kPolicies.front();
}

}  // namespace tisheng::domain
