#pragma once

#include <optional>
#include <string>

#include "rules/EvaluationResult.h"

namespace tisheng::test {

/// The grade reached, or "none".
inline std::string gradeOf(const rules::EvaluationResult& result) {
  return result.grade.value_or("none");
}

/// The first blocker of a kind on a grade (in one section, when given), or nullptr.
inline const rules::Blocker* blockerOf(const rules::EvaluationResult& result,
                                       const std::string& grade, rules::Blocker::Kind kind,
                                       const std::optional<std::string>& section = std::nullopt) {
  for (const auto& check : result.grades)
    if (check.gradeId == grade)
      for (const auto& blocker : check.blockers)
        if (blocker.kind == kind && (!section || blocker.sectionId == *section)) return &blocker;
  return nullptr;
}

}  // namespace tisheng::test
