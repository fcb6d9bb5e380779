#pragma once

#include <string>
#include <vector>

#include "rules/EvaluationResult.h"
#include "rules/Standard.h"

namespace tisheng::api {

/// Sentences about a standard's grades in one language ("zh" or "en"), in the scheme's own
/// units: what a grade takes, and what keeps a sheet from it ("2 more points in 设施设备",
/// "lower this element from 20 to 10", "3 more conforming items").
class GradeText {
 public:
  GradeText(const rules::Standard& standard, std::string lang);

  std::string tr(const std::string& zh, const std::string& en) const { return en_ ? en : zh; }

  /// One blocker of a grade on a sheet.
  std::string blocker(const rules::Blocker& b) const;
  /// Every rule of a grade, one sentence each, as the standard states it.
  std::vector<std::string> requirements(const rules::Grade& grade) const;

  std::string itemTitle(const std::string& id) const;
  std::string itemList(const std::vector<std::string>& ids) const;
  std::string sectionTitle(const std::string& id) const;
  std::string gradeTitle(const std::string& id) const;

  const rules::Standard& standard() const { return standard_; }
  const std::string& lang() const { return lang_; }

  static std::string percent(double share);
  static std::string points(double value);

 private:
  std::string shortfall(const rules::Blocker& b, const std::string& what) const;
  std::string itemLimit(const rules::Blocker& b) const;

  const rules::Standard& standard_;
  bool en_;
  bool merit_;
  std::string lang_;
};

}  // namespace tisheng::api
