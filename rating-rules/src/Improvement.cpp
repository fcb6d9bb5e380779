#include "Improvement.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <vector>

namespace tisheng::rules {

namespace {

constexpr double kEpsilon = 1e-9;
/// Points are counted in thousandths in the knapsack.
constexpr double kUnitsPerPoint = 1000;
/// Beyond this much work (totals × choices) the knapsack gives way to rounding up to the items'
/// common unit, which every allowed score change is a multiple of.
constexpr long long kMaxWork = 4000000;

long long units(double points) { return std::llround(points * kUnitsPerPoint); }

/// The improvements (in thousandths) an item can make from its current score.
std::vector<long long> gains(const Item& item, double points) {
  std::vector<long long> out;
  auto consider = [&](double value) {
    long long gain = units(std::fabs(value - points));
    if (gain > 0 && item.meets(value, points)) out.push_back(gain);
  };
  if (!item.values.empty()) {
    for (double value : item.values) consider(value);
  } else {
    long long steps = std::llround(item.max / item.step);
    for (long long k = 0; k <= steps; ++k) consider(static_cast<double>(k) * item.step);
  }
  return out;
}

}  // namespace

void Improvement::add(const Item& item, double points) {
  possible_ += std::fabs(item.best() - points);
  double step = item.values.empty() ? item.step : -1;
  if (step_ == 0)
    step_ = step;
  else if (std::fabs(step_ - step) > kEpsilon)
    step_ = -1;
}

std::optional<double> Improvement::smallestAtLeast(double missing) const {
  if (missing <= kEpsilon) return 0.0;
  if (missing > possible_ + 1e-6) return std::nullopt;
  // Items on one common grid reach every multiple of it up to what is possible.
  if (step_ > 0) return std::min(std::ceil(missing / step_ - 1e-6) * step_, possible_);
  return byKnapsack(missing);
}

std::optional<double> Improvement::byKnapsack(double missing) const {
  std::vector<std::vector<long long>> options;
  for (std::size_t s = first_; s < end_; ++s)
    for (const auto& item : standard_->sections[s].items) {
      const Score& score = sheet_->find(item.id)->second;
      if (item.kind != ItemKind::Points || score.kind != Score::Kind::Points) continue;
      auto itemGains = gains(item, score.points);
      if (!itemGains.empty()) options.push_back(std::move(itemGains));
    }
  long long unit = 0;
  long long largest = 0;
  long long choices = 0;
  for (const auto& itemGains : options) {
    choices += static_cast<long long>(itemGains.size());
    for (long long gain : itemGains) {
      unit = std::gcd(unit, gain);
      largest = std::max(largest, gain);
    }
  }
  if (unit == 0) return std::nullopt;
  auto target = static_cast<long long>(
      std::ceil(missing * kUnitsPerPoint / static_cast<double>(unit) - 1e-6));
  long long limit = target + largest / unit;
  if (limit * choices > kMaxWork) return static_cast<double>(target * unit) / kUnitsPerPoint;
  // reach[v]: an improvement of v units can be made by choosing one score per item.
  std::vector<char> reach(static_cast<std::size_t>(limit) + 1, 0);
  reach[0] = 1;
  for (const auto& itemGains : options) {
    std::vector<char> next = reach;
    for (long long v = 0; v <= limit; ++v) {
      if (!reach[v]) continue;
      for (long long gain : itemGains)
        if (v + gain / unit <= limit) next[v + gain / unit] = 1;
    }
    reach = std::move(next);
  }
  for (long long v = target; v <= limit; ++v)
    if (reach[v]) return static_cast<double>(v * unit) / kUnitsPerPoint;
  return std::nullopt;
}

}  // namespace tisheng::rules
