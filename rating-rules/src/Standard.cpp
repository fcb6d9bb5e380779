#include "rules/Standard.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <utility>

namespace tisheng::rules {

namespace {

template <typename Enum, std::size_t N>
std::optional<Enum> lookup(const std::array<std::pair<Enum, std::string_view>, N>& table,
                           std::string_view text) {
  for (const auto& [value, name] : table)
    if (name == text) return value;
  return std::nullopt;
}

template <typename Enum, std::size_t N>
std::string_view nameOf(const std::array<std::pair<Enum, std::string_view>, N>& table, Enum value) {
  for (const auto& [candidate, name] : table)
    if (candidate == value) return name;
  return {};
}

constexpr std::array<std::pair<Category, std::string_view>, 3> kCategories{{
    {Category::Homestay, "homestay"},
    {Category::Restaurant, "restaurant"},
    {Category::Product, "product"},
}};

constexpr std::array<std::pair<Finding, std::string_view>, 7> kFindings{{
    {Finding::NoGrade, "no_grade"},
    {Finding::CriticalItemFailed, "critical_item_failed"},
    {Finding::MandatoryItemFailed, "mandatory_item_failed"},
    {Finding::UpheldComplaints, "upheld_complaints"},
    {Finding::RectificationMissed, "rectification_missed"},
    {Finding::SeriousIncident, "serious_incident"},
    {Finding::Fraud, "fraud"},
}};

constexpr std::array<std::pair<ExitAction, std::string_view>, 3> kActions{{
    {ExitAction::Downgrade, "downgrade"},
    {ExitAction::Suspend, "suspend"},
    {ExitAction::Revoke, "revoke"},
}};

constexpr std::array<std::pair<Direction, std::string_view>, 2> kDirections{{
    {Direction::HigherIsBetter, "higher_is_better"},
    {Direction::LowerIsBetter, "lower_is_better"},
}};

constexpr double kEpsilon = 1e-9;

}  // namespace

const std::string& LocalizedText::in(std::string_view lang) const {
  return lang.starts_with("en") && !en.empty() ? en : zh;
}

std::string_view toString(Category category) { return nameOf(kCategories, category); }
std::optional<Category> categoryFromString(std::string_view text) {
  return lookup(kCategories, text);
}
std::string_view toString(Finding finding) { return nameOf(kFindings, finding); }
std::optional<Finding> findingFromString(std::string_view text) { return lookup(kFindings, text); }
std::string_view toString(ExitAction action) { return nameOf(kActions, action); }
std::optional<ExitAction> exitActionFromString(std::string_view text) {
  return lookup(kActions, text);
}

std::string_view toString(Direction direction) { return nameOf(kDirections, direction); }
std::optional<Direction> directionFromString(std::string_view text) {
  return lookup(kDirections, text);
}

double Item::best() const {
  if (direction == Direction::HigherIsBetter) return max;
  return values.empty() ? 0 : values.front();
}

bool Item::allows(double points) const {
  if (!values.empty())
    return std::any_of(values.begin(), values.end(),
                       [&](double value) { return std::fabs(value - points) < 1e-6; });
  if (!std::isfinite(points) || points < 0 || points > max + kEpsilon) return false;
  double steps = points / step;
  return std::fabs(steps - std::round(steps)) <= 1e-6;
}

std::optional<double> Item::nearestMeeting(double limit) const {
  bool higher = direction == Direction::HigherIsBetter;
  if (!values.empty()) {
    if (higher) {
      auto it = std::find_if(values.begin(), values.end(),
                             [&](double value) { return meets(value, limit); });
      if (it != values.end()) return *it;
    } else {
      auto it = std::find_if(values.rbegin(), values.rend(),
                             [&](double value) { return meets(value, limit); });
      if (it != values.rend()) return *it;
    }
    return std::nullopt;
  }
  double steps = higher ? std::ceil(limit / step - 1e-6) : std::floor(limit / step + 1e-6);
  double nearest = std::clamp(steps * step, 0.0, max);
  return meets(nearest, limit) ? std::optional(nearest) : std::nullopt;
}

double Section::maxPoints(Direction direction) const {
  double sum = 0;
  for (const auto& item : items)
    if (item.kind == ItemKind::Points && item.direction == direction) sum += item.max;
  return sum;
}

const ExitRule* ExitRules::ruleFor(Finding finding) const {
  for (const auto& rule : rules)
    if (rule.finding == finding) return &rule;
  return nullptr;
}

const Item* Standard::findItem(std::string_view itemId) const {
  auto it = itemIndex_.find(itemId);
  if (it == itemIndex_.end()) return nullptr;
  return &sections[it->second.section].items[it->second.item];
}

const Grade* Standard::findGrade(std::string_view gradeId) const {
  for (const auto& grade : grades)
    if (grade.id == gradeId) return &grade;
  return nullptr;
}

std::size_t Standard::itemCount() const { return itemIndex_.size(); }

void Standard::indexItems() {
  itemIndex_.clear();
  for (std::size_t s = 0; s < sections.size(); ++s)
    for (std::size_t i = 0; i < sections[s].items.size(); ++i)
      itemIndex_.emplace(sections[s].items[i].id, ItemRef{s, i});
}

}  // namespace tisheng::rules
