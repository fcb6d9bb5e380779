#pragma once

#include <cstddef>
#include <optional>

#include "rules/ScoreSheet.h"
#include "rules/Standard.h"

namespace tisheng::rules {

/// How far the applicable points items of one scope (a run of sections) can still improve, and
/// the smallest improvement their allowed scores can actually make — so that advice names
/// points a sheet can reach, never a fraction no allowed score gives. Improving means raising a
/// merit item or lowering a penalty item (a deduction or a violation).
class Improvement {
 public:
  Improvement(const Standard& standard, const ScoreSheet& sheet, std::size_t firstSection,
              std::size_t endSection)
      : standard_(&standard), sheet_(&sheet), first_(firstSection), end_(endSection) {}

  /// Counts one applicable points item at its current score.
  void add(const Item& item, double points);

  /// The smallest improvement of at least missing points that the items' allowed scores can
  /// make together; nullopt when even the best score on every item falls short.
  std::optional<double> smallestAtLeast(double missing) const;

 private:
  std::optional<double> byKnapsack(double missing) const;

  const Standard* standard_;
  const ScoreSheet* sheet_;
  std::size_t first_;
  std::size_t end_;
  double possible_ = 0;
  /// The common step of every item counted, 0 before the first, -1 once they differ or an item
  /// has a value set (then only the knapsack knows what is reachable).
  double step_ = 0;
};

}  // namespace tisheng::rules
