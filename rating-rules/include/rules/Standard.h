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

/// One criterion of a standard. A points item is scored 0..max in multiples of step;
/// a pass/fail item carries no points and matters through its flags.
struct Item {
  std::string id;
  LocalizedText title;
  LocalizedText guidance;
  ItemKind kind = ItemKind::Points;
  double max = 0;
  double step = 1;
  /// A points item scored below this has failed (only failed items veto).
  std::optional<double> passMin;
  /// Grades vetoed when this item fails.
  std::vector<std::string> mandatoryFor;
  /// Counts toward the standard's critical-failure limit when failed.
  bool critical = false;
  /// May be scored "n/a"; it then leaves the denominator.
  bool naAllowed = false;
};

struct Section {
  std::string id;
  LocalizedText title;
  std::vector<Item> items;

  /// Sum of the points items' maxima (0 for a checklist of pass/fail items).
  double maxPoints() const;
};

/// A grade and what it takes. Grades are ordered best first in a standard.
struct Grade {
  std::string id;
  LocalizedText title;
  double minTotalShare = 0;
  /// Applies to every section that has points.
  double minSectionShare = 0;
  /// Items that must be applicable and passed for this grade.
  std::vector<std::string> requiredItems;
};

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
  /// More failed critical items than this means no grade at all.
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
  /// Rebuilds the item index; called once by the parser after sections are final.
  void indexItems();

 private:
  std::map<std::string, ItemRef, std::less<>> itemIndex_;
};

}  // namespace tisheng::rules
