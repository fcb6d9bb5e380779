#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tisheng::rules {

/// Text in the two languages every standard is published in.
struct LocalizedText {
  std::string zh;
  std::string en;

  /// The text for a language tag ("en..." gives English, anything else Chinese).
  const std::string& in(std::string_view lang) const;
};

enum class Category { Homestay, Restaurant, Product };
std::string_view toString(Category category);
std::optional<Category> categoryFromString(std::string_view text);

enum class ItemKind { Points, PassFail };

/// Which way points count: merit points (more is better) or penalty points (fewer is better).
enum class Direction { HigherIsBetter, LowerIsBetter };
std::string_view toString(Direction direction);
std::optional<Direction> directionFromString(std::string_view text);

/// One criterion of a standard. A points item is scored 0..max in multiples of step, or with one
/// of its allowed values; a pass/fail item carries no points and matters through its flags and
/// the conformity share.
struct Item {
  std::string id;
  LocalizedText title;
  LocalizedText guidance;
  ItemKind kind = ItemKind::Points;
  /// The standard's direction unless the item says otherwise: an item against the standard's
  /// direction is a deduction (in a merit standard) or a bonus (in a penalty standard).
  Direction direction = Direction::HigherIsBetter;
  double max = 0;
  double step = 1;
  /// The only scores allowed, ascending; empty when every multiple of step up to max is.
  std::vector<double> values;
  /// A score worse than this has failed: below it for merit items, above it for penalty items.
  /// Only failed items veto.
  std::optional<double> passLimit;
  /// Grades vetoed when this item fails.
  std::vector<std::string> mandatoryFor;
  /// Better grades deliberately left out of mandatoryFor (they have an alternative).
  std::vector<std::string> notMandatoryFor;
  /// Counts toward the critical-failure limits when failed.
  bool critical = false;
  /// May be scored "n/a"; it then leaves the denominator.
  bool naAllowed = false;

  /// True when score is at least as good as limit in the item's direction.
  bool meets(double score, double limit) const {
    return direction == Direction::HigherIsBetter ? score + 1e-9 >= limit : score <= limit + 1e-9;
  }
  /// The best score the item allows: max for merit items, the lowest allowed for penalty items.
  double best() const;
  /// True when points is an allowed score (on the grid or in the value set).
  bool allows(double points) const;
  /// The allowed score nearest to limit that meets it, or nullopt when none does.
  std::optional<double> nearestMeeting(double limit) const;
};

struct Section {
  std::string id;
  LocalizedText title;
  std::vector<Item> items;

  /// Sum of the maxima of the points items that count in direction (the section's full maximum).
  double maxPoints(Direction direction) const;
};

/// A limit on one section's or one item's points, in the direction of what it limits.
struct PointsLimit {
  std::string id;
  double points = 0;
};

/// A grade and what it takes. Grades are ordered best first in a standard; every threshold is
/// optional (the lowest grade may have none) and counts in the standard's direction.
struct Grade {
  std::string id;
  LocalizedText title;
  /// Merit standards: total ÷ applicable maximum must reach it.
  std::optional<double> minTotalShare;
  /// Merit standards: applies to every section that has points items.
  std::optional<double> minSectionShare;
  /// The total must reach (merit) or stay within (penalty) this many points.
  std::optional<double> totalPoints;
  /// Section id → points the section must reach (merit) or stay within (penalty).
  std::vector<PointsLimit> sectionPoints;
  /// Item id → the worst score the item may have for this grade, in the item's direction.
  std::vector<PointsLimit> itemPoints;
  /// Failed critical items allowed for this grade; the standard's limit when absent.
  std::optional<int> maxCriticalFailures;
  /// Share of checked pass/fail items that conform (N/A excluded) this grade needs.
  std::optional<double> minConformity;
  /// Items that must be applicable and passed for this grade.
  std::vector<std::string> requiredItems;

  bool hasThreshold() const {
    return minTotalShare || minSectionShare || totalPoints || !sectionPoints.empty() ||
           !itemPoints.empty() || minConformity || !requiredItems.empty();
  }
};

/// How N/A items bear on absolute (points) thresholds: Fixed keeps the threshold as written
/// (N/A items add no points), Scaled multiplies it by applicable maximum ÷ full maximum.
enum class NaPointThresholds { Unset, Fixed, Scaled };

/// What a supervision finding leads to.
enum class Finding {
  NoGrade,
  CriticalItemFailed,
  MandatoryItemFailed,
  UpheldComplaints,
  RectificationMissed,
  SeriousIncident,
  Fraud
};
std::string_view toString(Finding finding);
std::optional<Finding> findingFromString(std::string_view text);

enum class ExitAction { Downgrade, Suspend, Revoke };
std::string_view toString(ExitAction action);
std::optional<ExitAction> exitActionFromString(std::string_view text);

struct ExitRule {
  Finding finding = Finding::NoGrade;
  ExitAction action = ExitAction::Suspend;
  /// For UpheldComplaints: how many within how many months trigger the action.
  int count = 1;
  int withinMonths = 0;
};

struct ExitRules {
  /// Months after a removal before the entry may apply again.
  int reapplyBarMonths = 0;
  /// Longest rectification deadline an office may set.
  int rectificationMaxDays = 0;
  std::vector<ExitRule> rules;

  /// The rule for a finding, if the standard has one.
  const ExitRule* ruleFor(Finding finding) const;
};

/// A validated, immutable evaluation standard. Built only by StandardParser, which guarantees
/// every invariant documented in rating-rules/README.md (unique ids, grades that exist, ordered
/// thresholds, ...). Safe to share between threads once built.
struct Standard {
  std::string id;
  int version = 0;
  Category category = Category::Homestay;
  LocalizedText title;
  std::vector<Section> sections;
  std::vector<Grade> grades;
  Direction direction = Direction::HigherIsBetter;
  NaPointThresholds naPointThresholds = NaPointThresholds::Unset;
  /// Failed critical items allowed by every grade that sets no limit of its own.
  int maxCriticalFailures = 0;
  int validityMonths = 0;
  int reviewIntervalMonths = 0;
  ExitRules exitRules;
  /// The published document as it was loaded.
  nlohmann::ordered_json document;

  struct ItemRef {
    std::size_t section;
    std::size_t item;
  };

  const Item* findItem(std::string_view itemId) const;
  const Grade* findGrade(std::string_view gradeId) const;
  std::size_t itemCount() const;
  /// The failed critical items a grade allows.
  int criticalLimit(const Grade& grade) const {
    return grade.maxCriticalFailures.value_or(maxCriticalFailures);
  }
  /// Points an item adds to its section's total: +points for an item in the standard's
  /// direction, -points for a deduction or bonus against it.
  double contribution(const Item& item, double points) const {
    return item.direction == direction ? points : -points;
  }
  /// Rebuilds the item index; called once by the parser after sections are final.
  void indexItems();

 private:
  std::map<std::string, ItemRef, std::less<>> itemIndex_;
};

}  // namespace tisheng::rules
