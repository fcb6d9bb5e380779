#pragma once

#include <optional>
#include <string>
#include <vector>

#include "rules/Standard.h"

namespace tisheng::rules {

/// One reason a grade is not reached, precise enough to act on, in the scheme's own units.
struct Blocker {
  enum class Kind {
    NothingScored,        ///< no points item applicable overall (sectionId empty) or in a section
    NothingChecked,       ///< the grade counts conformity but no pass/fail item was checked
    CriticalFailures,     ///< items: failed critical items, more than the grade allows
    MandatoryItemFailed,  ///< items: failed items mandatory for this grade
    RequiredItemNotMet,   ///< items: required items failed or marked n/a
    ItemPoints,           ///< items: the one item worse than the grade's limit; target: its fix
    TotalShare,           ///< total below the grade's share: pointsNeeded more
    TotalPoints,          ///< total short of (or over) the grade's points: pointsNeeded
    SectionShare,         ///< section below the grade's section share: pointsNeeded more
    SectionPoints,        ///< section short of (or over) the grade's points: pointsNeeded
    Conformity            ///< conforming share of checked items too low: itemsNeeded more
  };
  Kind kind = Kind::TotalShare;
  std::string sectionId;
  std::vector<std::string> items;
  /// The threshold: a share, points (after N/A scaling), an item limit, or failures allowed.
  double required = 0;
  /// TotalPoints, SectionPoints: the threshold as the standard states it, when N/A items scaled
  /// it to `required`.
  std::optional<double> unscaled;
  /// What the sheet reached, in the same unit as required.
  double actual = 0;
  /// Points to gain (merit) or to shed (penalty): the smallest change the allowed scores of the
  /// applicable items can make that meets the threshold.
  double pointsNeeded = 0;
  /// Conformity: how many more checked items must conform.
  int itemsNeeded = 0;
  /// ItemPoints: the allowed score nearest the current one that meets the limit.
  double target = 0;
  /// False when even the best score of every applicable item in scope falls short.
  bool reachable = true;
};

struct GradeCheck {
  std::string gradeId;
  std::vector<Blocker> blockers;
  bool met() const { return blockers.empty(); }
};

struct SectionResult {
  std::string sectionId;
  /// Points in the standard's direction; deductions (or bonuses) already taken off.
  double score = 0;
  /// Points possible once n/a items are left out; 0 for a pass/fail checklist.
  double max = 0;
  /// Points possible with every item applicable.
  double fullMax = 0;
  /// score / max for merit standards with max > 0; absent otherwise.
  std::optional<double> share;
  int notApplicable = 0;
  /// Points items scored (not n/a).
  int scored = 0;
};

/// The outcome of evaluating a complete score sheet. Plain data; ids refer to the standard
/// that was evaluated.
struct EvaluationResult {
  std::string standardId;
  int standardVersion = 0;
  Direction direction = Direction::HigherIsBetter;
  double total = 0;
  double max = 0;
  double fullMax = 0;
  /// total / max for merit standards with max > 0; absent otherwise.
  std::optional<double> share;
  /// Pass/fail items checked (not n/a) and how many of them passed.
  int checked = 0;
  int conforming = 0;
  /// conforming / checked, absent when nothing was checked.
  std::optional<double> conformity;
  std::vector<SectionResult> sections;
  std::vector<std::string> failedMandatory;
  std::vector<std::string> failedCritical;
  /// Every grade, best first, with what keeps it out of reach.
  std::vector<GradeCheck> grades;
  /// The best grade whose checks all pass.
  std::optional<std::string> grade;

  /// The grade just above the one reached (the lowest grade when none is reached);
  /// nullptr when the best grade is reached.
  const GradeCheck* nextGrade() const;
};

}  // namespace tisheng::rules
