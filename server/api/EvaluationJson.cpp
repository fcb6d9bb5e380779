#include "api/EvaluationJson.h"

#include <cmath>
#include <cstdio>

#include "api/LocalizedJson.h"

namespace tisheng::api {

namespace {

using http::Json;
using rules::Blocker;

double rounded(double value) { return std::round(value * 10000) / 10000; }

std::string percent(double share) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%.1f%%", share * 100);
  return buffer;
}

std::string points(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%g", value);
  return buffer;
}

/// Renders localized messages; tr picks the language once.
class Messages {
 public:
  Messages(const rules::Standard& standard, std::string lang)
      : standard_(standard), en_(lang == "en"), lang_(std::move(lang)) {}

  std::string tr(const std::string& zh, const std::string& en) const { return en_ ? en : zh; }

  std::string itemList(const std::vector<std::string>& ids) const {
    std::string out;
    for (const auto& id : ids)
      out += (out.empty() ? "" : tr("；", "; ")) + standard_.findItem(id)->title.in(lang_) + " (" +
             id + ")";
    return out;
  }

  std::string sectionTitle(const std::string& id) const {
    for (const auto& section : standard_.sections)
      if (section.id == id) return section.title.in(lang_);
    return id;
  }

  std::string gradeTitle(const std::string& id) const {
    return standard_.findGrade(id)->title.in(lang_);
  }

  std::string blocker(const Blocker& b) const {
    switch (b.kind) {
      case Blocker::Kind::TotalShare:
        return tr("总得分率 " + percent(b.actual) + "，低于要求的 " + percent(b.required) +
                      "，还差 " + points(b.pointsNeeded) + " 分",
                  "Total " + percent(b.actual) + " is below the " + percent(b.required) +
                      " required: " + points(b.pointsNeeded) + " more points needed");
      case Blocker::Kind::SectionShare:
        return tr("「" + sectionTitle(b.sectionId) + "」得分率 " + percent(b.actual) +
                      "，低于要求的 " + percent(b.required) + "，还差 " + points(b.pointsNeeded) +
                      " 分",
                  "\"" + sectionTitle(b.sectionId) + "\" at " + percent(b.actual) +
                      " is below the " + percent(b.required) +
                      " required: " + points(b.pointsNeeded) + " more points needed");
      case Blocker::Kind::MandatoryItemFailed:
        return tr("必备项不符合：", "Mandatory items failed: ") + itemList(b.items);
      case Blocker::Kind::RequiredItemNotMet:
        return tr("本等级要求的项目未达标：", "Items required for this grade not met: ") +
               itemList(b.items);
      case Blocker::Kind::CriticalFailures:
        return tr("关键项不符合 " + points(b.actual) + " 项（最多允许 " + points(b.required) +
                      " 项）：",
                  points(b.actual) + " critical items failed (at most " + points(b.required) +
                      " allowed): ") +
               itemList(b.items);
    }
    return "";
  }

  const rules::Standard& standard() const { return standard_; }
  const std::string& lang() const { return lang_; }

 private:
  const rules::Standard& standard_;
  bool en_;
  std::string lang_;
};

std::string_view kindName(Blocker::Kind kind) {
  switch (kind) {
    case Blocker::Kind::TotalShare: return "total_share";
    case Blocker::Kind::SectionShare: return "section_share";
    case Blocker::Kind::MandatoryItemFailed: return "mandatory_item_failed";
    case Blocker::Kind::RequiredItemNotMet: return "required_item_not_met";
    case Blocker::Kind::CriticalFailures: return "critical_failures";
  }
  return "";
}

Json itemsJson(const std::vector<std::string>& ids, const Messages& m) {
  Json list = Json::array();
  for (const auto& id : ids)
    list.push_back({{"id", id}, {"title", text(m.standard().findItem(id)->title)}});
  return list;
}

Json blockerJson(const Blocker& b, const Messages& m) {
  Json out{{"kind", kindName(b.kind)}};
  switch (b.kind) {
    case Blocker::Kind::SectionShare: out["section"] = b.sectionId; [[fallthrough]];
    case Blocker::Kind::TotalShare:
      out["required_share"] = rounded(b.required);
      out["actual_share"] = rounded(b.actual);
      out["points_needed"] = b.pointsNeeded;
      break;
    case Blocker::Kind::CriticalFailures:
      out["allowed"] = static_cast<int>(b.required);
      out["failed"] = static_cast<int>(b.actual);
      [[fallthrough]];
    default: out["items"] = itemsJson(b.items, m);
  }
  out["message"] = m.blocker(b);
  return out;
}

Json gradeCheckJson(const rules::GradeCheck& check, const Messages& m) {
  Json blockers = Json::array();
  for (const auto& b : check.blockers) blockers.push_back(blockerJson(b, m));
  return {{"id", check.gradeId},
          {"title", text(m.standard().findGrade(check.gradeId)->title)},
          {"met", check.met()},
          {"blockers", blockers}};
}

Json why(const rules::EvaluationResult& result, const Messages& m) {
  Json lines = Json::array();
  const rules::Standard& s = m.standard();
  if (result.grade) {
    const rules::Grade& grade = *s.findGrade(*result.grade);
    lines.push_back(m.tr("评为" + grade.title.zh + "：总分 " + points(result.total) + "/" +
                             points(result.max) + "（" + percent(result.share) + "），达到 " +
                             percent(grade.minTotalShare) + " 的要求",
                         "Graded " + grade.title.en + ": total " + points(result.total) + "/" +
                             points(result.max) + " (" + percent(result.share) + ") meets the " +
                             percent(grade.minTotalShare) + " required"));
    if (grade.minSectionShare > 0)
      lines.push_back(m.tr("各部分得分率均不低于 " + percent(grade.minSectionShare),
                           "Every section at or above " + percent(grade.minSectionShare)));
    lines.push_back(
        m.tr("无否决本等级的必备项或关键项", "No mandatory or critical item vetoes this grade"));
  } else {
    lines.push_back(m.tr("未达到任何等级", "No grade reached"));
  }
  for (const auto& check : result.grades) {
    if (result.grade && check.gradeId == *result.grade) break;
    for (const auto& b : check.blockers)
      lines.push_back(m.tr("未达" + m.gradeTitle(check.gradeId) + "：",
                           "Not " + m.gradeTitle(check.gradeId) + ": ") +
                      m.blocker(b));
  }
  return lines;
}

}  // namespace

Json toJson(const rules::EvaluationResult& result, const rules::Standard& standard,
            const std::string& lang) {
  Messages m(standard, lang);
  Json sections = Json::array();
  for (const auto& section : result.sections) {
    sections.push_back({{"id", section.sectionId},
                        {"title", m.sectionTitle(section.sectionId)},
                        {"score", section.score},
                        {"max", section.max},
                        {"share", section.share ? Json(rounded(*section.share)) : Json()},
                        {"not_applicable", section.notApplicable}});
  }
  Json checks = Json::array();
  for (const auto& check : result.grades) checks.push_back(gradeCheckJson(check, m));
  const rules::GradeCheck* next = result.nextGrade();
  Json grade;
  if (result.grade)
    grade = {{"id", *result.grade}, {"title", text(standard.findGrade(*result.grade)->title)}};
  return {{"standard",
           {{"id", standard.id}, {"version", standard.version}, {"title", text(standard.title)}}},
          {"total", result.total},
          {"max", result.max},
          {"share", rounded(result.share)},
          {"sections", sections},
          {"failed_mandatory", itemsJson(result.failedMandatory, m)},
          {"failed_critical", itemsJson(result.failedCritical, m)},
          {"grade", grade},
          {"why", why(result, m)},
          {"next_grade", next ? gradeCheckJson(*next, m) : Json()},
          {"grade_checks", checks}};
}

Json summaryJson(const rules::Standard& standard, const std::vector<int>& versions) {
  Json grades = Json::array();
  for (const auto& grade : standard.grades)
    grades.push_back({{"id", grade.id}, {"title", text(grade.title)}});
  return {{"id", standard.id},
          {"version", standard.version},
          {"versions", versions},
          {"category", rules::toString(standard.category)},
          {"title", text(standard.title)},
          {"items", standard.itemCount()},
          {"grades", grades},
          {"validity_months", standard.validityMonths},
          {"review_interval_months", standard.reviewIntervalMonths}};
}

}  // namespace tisheng::api
