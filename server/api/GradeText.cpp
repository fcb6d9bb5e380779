#include "api/GradeText.h"

#include <algorithm>
#include <cstdio>

namespace tisheng::api {

using rules::Blocker;
using rules::Direction;

GradeText::GradeText(const rules::Standard& standard, std::string lang)
    : standard_(standard),
      en_(lang == "en"),
      merit_(standard.direction == Direction::HigherIsBetter),
      lang_(std::move(lang)) {}

std::string GradeText::percent(double share) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%.1f%%", share * 100);
  return buffer;
}

std::string GradeText::points(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%g", value);
  return buffer;
}

std::string GradeText::itemTitle(const std::string& id) const {
  const rules::Item* item = standard_.findItem(id);
  return item ? item->title.in(lang_) : id;
}

std::string GradeText::itemList(const std::vector<std::string>& ids) const {
  std::string out;
  for (const auto& id : ids)
    out += (out.empty() ? "" : tr("；", "; ")) + itemTitle(id) + " (" + id + ")";
  return out;
}

std::string GradeText::sectionTitle(const std::string& id) const {
  for (const auto& section : standard_.sections)
    if (section.id == id) return section.title.in(lang_);
  return id;
}

std::string GradeText::gradeTitle(const std::string& id) const {
  const rules::Grade* grade = standard_.findGrade(id);
  return grade ? grade->title.in(lang_) : id;
}

/// "still N points short" in the scheme's direction, or why it cannot be made up.
std::string GradeText::shortfall(const Blocker& b, const std::string& where) const {
  std::string n = points(b.pointsNeeded);
  if (!b.reachable)
    return tr(
        "即使所有适用项目都取最好成绩也达不到（差 " + n + " 分）",
        "out of reach even with the best score on every applicable item (" + n + " points short)");
  std::string unit = b.pointsNeeded == 1 ? " point" : " points";
  if (merit_) return tr(where + "还差 " + n + " 分", n + " more" + unit + " needed" + where);
  return tr(where + "需减少 " + n + " 分", n + " fewer" + unit + " needed" + where);
}

std::string GradeText::itemLimit(const Blocker& b) const {
  const rules::Item* item = standard_.findItem(b.items.front());
  std::string title = itemTitle(b.items.front());
  std::string now = points(b.actual);
  std::string limit = points(b.required);
  std::string to = points(b.target);
  if (item && item->direction == Direction::LowerIsBetter)
    return tr("「" + title + "」为 " + now + " 分，本等级要求不超过 " + limit + " 分：从 " + now +
                  " 降到 " + to,
              "\"" + title + "\" is " + now + ", above the " + limit +
                  " this grade allows: lower it from " + now + " to " + to);
  return tr("「" + title + "」为 " + now + " 分，本等级要求不低于 " + limit + " 分：从 " + now +
                " 提高到 " + to,
            "\"" + title + "\" is " + now + ", below the " + limit +
                " this grade needs: raise it from " + now + " to " + to);
}

std::string GradeText::blocker(const Blocker& b) const {
  std::string scaledNote = b.unscaled
                               ? tr("（标准为 " + points(*b.unscaled) + " 分，已按不适用项折算）",
                                    " (" + points(*b.unscaled) + " scaled for N/A items)")
                               : "";
  std::string section = sectionTitle(b.sectionId);
  switch (b.kind) {
    case Blocker::Kind::NothingScored:
      if (b.sectionId.empty())
        return tr("没有评分的计分项目（全部不适用），不能评定等级",
                  "Nothing was scored (every points item is N/A), so no grade can be given");
      return tr("「" + section + "」没有评分的项目（全部不适用），本等级要求评价这一部分",
                "Nothing in \"" + section +
                    "\" was scored (all N/A); this grade needs the section assessed");
    case Blocker::Kind::NothingChecked:
      return tr("没有检查任何符合性项目（全部不适用），无法计算符合率",
                "No pass/fail item was checked (all N/A), so conformity cannot be counted");
    case Blocker::Kind::CriticalFailures:
      return tr("关键项不符合 " + points(b.actual) + " 项（本等级最多允许 " + points(b.required) +
                    " 项）：",
                points(b.actual) + " critical items failed (this grade allows at most " +
                    points(b.required) + "): ") +
             itemList(b.items);
    case Blocker::Kind::MandatoryItemFailed:
      return tr("必备项不符合：", "Mandatory items failed: ") + itemList(b.items);
    case Blocker::Kind::RequiredItemNotMet:
      return tr("本等级要求的项目未达标：", "Items required for this grade not met: ") +
             itemList(b.items);
    case Blocker::Kind::ItemPoints: return itemLimit(b);
    case Blocker::Kind::TotalShare:
      return tr("总得分率 " + percent(b.actual) + "，低于要求的 " + percent(b.required) + "，",
                "Total " + percent(b.actual) + " is below the " + percent(b.required) +
                    " required: ") +
             shortfall(b, "");
    case Blocker::Kind::SectionShare:
      return tr("「" + section + "」得分率 " + percent(b.actual) + "，低于要求的 " +
                    percent(b.required) + "，",
                "\"" + section + "\" at " + percent(b.actual) + " is below the " +
                    percent(b.required) + " required: ") +
             shortfall(b, tr("「" + section + "」", " in \"" + section + "\""));
    case Blocker::Kind::TotalPoints:
      return (merit_ ? tr("总分 " + points(b.actual) + " 分，低于要求的 " + points(b.required) +
                              " 分" + scaledNote + "，",
                          "Total " + points(b.actual) + " is below the " + points(b.required) +
                              " points required" + scaledNote + ": ")
                     : tr("总分 " + points(b.actual) + " 分，超过允许的 " + points(b.required) +
                              " 分" + scaledNote + "，",
                          "Total " + points(b.actual) + " is above the " + points(b.required) +
                              " points allowed" + scaledNote + ": ")) +
             shortfall(b, "");
    case Blocker::Kind::SectionPoints:
      return (merit_ ? tr("「" + section + "」" + points(b.actual) + " 分，低于要求的 " +
                              points(b.required) + " 分" + scaledNote + "，",
                          "\"" + section + "\" has " + points(b.actual) + ", below the " +
                              points(b.required) + " points required" + scaledNote + ": ")
                     : tr("「" + section + "」" + points(b.actual) + " 分，超过允许的 " +
                              points(b.required) + " 分" + scaledNote + "，",
                          "\"" + section + "\" has " + points(b.actual) + ", above the " +
                              points(b.required) + " points allowed" + scaledNote + ": ")) +
             shortfall(b, tr("「" + section + "」", " in \"" + section + "\""));
    case Blocker::Kind::Conformity:
      return tr("符合率 " + percent(b.actual) + "，低于要求的 " + percent(b.required) + "：还需 " +
                    std::to_string(b.itemsNeeded) + " 项符合",
                "Conformity " + percent(b.actual) + " is below the " + percent(b.required) +
                    " required: " + std::to_string(b.itemsNeeded) + " more conforming item" +
                    (b.itemsNeeded == 1 ? "" : "s"));
  }
  return "";
}

std::vector<std::string> GradeText::requirements(const rules::Grade& grade) const {
  std::vector<std::string> out;
  auto bound = [&](const std::string& what, double value, bool atLeast) {
    return atLeast ? tr(what + "不低于 " + points(value) + " 分",
                        what + " at least " + points(value) + " points")
                   : tr(what + "不超过 " + points(value) + " 分",
                        what + " at most " + points(value) + " points");
  };
  if (grade.minTotalShare)
    out.push_back(tr("总得分率不低于 " + percent(*grade.minTotalShare),
                     "Total at least " + percent(*grade.minTotalShare)));
  if (grade.totalPoints) out.push_back(bound(tr("总分", "Total"), *grade.totalPoints, merit_));
  if (grade.minSectionShare)
    out.push_back(tr("各部分得分率均不低于 " + percent(*grade.minSectionShare),
                     "Every section at least " + percent(*grade.minSectionShare)));
  for (const auto& limit : grade.sectionPoints)
    out.push_back(
        bound(tr("「" + sectionTitle(limit.id) + "」", "\"" + sectionTitle(limit.id) + "\""),
              limit.points, merit_));
  for (const auto& limit : grade.itemPoints) {
    const rules::Item* item = standard_.findItem(limit.id);
    out.push_back(bound(tr("「" + itemTitle(limit.id) + "」", "\"" + itemTitle(limit.id) + "\""),
                        limit.points, item && item->direction == Direction::HigherIsBetter));
  }
  if (grade.minConformity)
    out.push_back(tr("检查项目符合率不低于 " + percent(*grade.minConformity),
                     "At least " + percent(*grade.minConformity) + " of items checked conform"));
  bool anyCritical = false;
  int mandatory = 0;
  for (const auto& section : standard_.sections)
    for (const auto& item : section.items) {
      anyCritical = anyCritical || item.critical;
      if (std::find(item.mandatoryFor.begin(), item.mandatoryFor.end(), grade.id) !=
          item.mandatoryFor.end())
        ++mandatory;
    }
  if (anyCritical) {
    int allowed = standard_.criticalLimit(grade);
    out.push_back(allowed == 0
                      ? tr("关键项全部符合", "No critical item failed")
                      : tr("关键项不符合不超过 " + std::to_string(allowed) + " 项",
                           "At most " + std::to_string(allowed) + " critical items failed"));
  }
  if (mandatory > 0)
    out.push_back(tr("必备项 " + std::to_string(mandatory) + " 项全部符合",
                     "All " + std::to_string(mandatory) + " mandatory items met"));
  if (!grade.requiredItems.empty())
    out.push_back(tr("须达标：", "Must meet: ") + itemList(grade.requiredItems));
  return out;
}

}  // namespace tisheng::api
