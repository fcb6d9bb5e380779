#pragma once

#include <optional>
#include <string>
#include <vector>

namespace tisheng::rules {

/// One reason a grade is not reached, precise enough to act on.
struct Blocker {
  enum class Kind {
    TotalShare,           ///< total below the grade's share: pointsNeeded more
    SectionShare,         ///< section below the grade's section share: pointsNeeded more
    MandatoryItemFailed,  ///< items: failed items mandatory for this grade
    RequiredItemNotMet,   ///< items: required items failed or marked n/a
    CriticalFailures      ///< items: failed critical items, more than the standard allows
  };
  Kind kind = Kind::TotalShare;
  std::string sectionId;
  std::vector<std::string> items;
  double required = 0;  ///< share required (shares) or critical failures allowed
  double actual = 0;    ///< share reached (shares) or critical failures counted
  double pointsNeeded = 0;
};

struct GradeCheck {
  std::string gradeId;
  std::vector<Blocker> blockers;
  bool met() const { return blockers.empty(); }
};

struct SectionResult {
  std::string sectionId;
  double score = 0;
  /// Points possible once n/a items are left out; 0 for a pass/fail checklist.
  double max = 0;
  /// score / max, absent when max is 0.
  std::optional<double> share;
  int notApplicable = 0;
};

/// The outcome of evaluating a complete score sheet. Plain data; ids refer to the standard
/// that was evaluated.
struct EvaluationResult {
  std::string standardId;
  int standardVersion = 0;
  double total = 0;
  double max = 0;
  double share = 0;
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
