#include "api/EvaluationJson.h"

#include <cmath>

#include "api/GradeText.h"
#include "api/LocalizedJson.h"

namespace tisheng::api {

namespace {

using http::Json;
using rules::Blocker;

double rounded(double value) { return std::round(value * 10000) / 10000; }

std::string_view kindName(Blocker::Kind kind) {
  switch (kind) {
    case Blocker::Kind::NothingScored: return "nothing_scored";
    case Blocker::Kind::NothingChecked: return "nothing_checked";
    case Blocker::Kind::CriticalFailures: return "critical_failures";
    case Blocker::Kind::MandatoryItemFailed: return "mandatory_item_failed";
    case Blocker::Kind::RequiredItemNotMet: return "required_item_not_met";
    case Blocker::Kind::ItemPoints: return "item_points";
    case Blocker::Kind::TotalShare: return "total_share";
    case Blocker::Kind::TotalPoints: return "total_points";
    case Blocker::Kind::SectionShare: return "section_share";
    case Blocker::Kind::SectionPoints: return "section_points";
    case Blocker::Kind::Conformity: return "conformity";
  }
  return "";
}

Json itemsJson(const std::vector<std::string>& ids, const GradeText& m) {
  Json list = Json::array();
  for (const auto& id : ids)
    list.push_back({{"id", id}, {"title", text(m.standard().findItem(id)->title)}});
  return list;
}

Json blockerJson(const Blocker& b, const GradeText& m) {
  Json out{{"kind", kindName(b.kind)}};
  if (!b.sectionId.empty()) out["section"] = b.sectionId;
  switch (b.kind) {
    case Blocker::Kind::NothingScored: break;
    case Blocker::Kind::NothingChecked: out["required_share"] = rounded(b.required); break;
    case Blocker::Kind::TotalShare:
    case Blocker::Kind::SectionShare:
      out["required_share"] = rounded(b.required);
      out["actual_share"] = rounded(b.actual);
      out["points_needed"] = b.pointsNeeded;
      out["reachable"] = b.reachable;
      break;
    case Blocker::Kind::TotalPoints:
    case Blocker::Kind::SectionPoints:
      out["required_points"] = rounded(b.required);
      if (b.unscaled) out["stated_points"] = *b.unscaled;
      out["actual_points"] = b.actual;
      out["points_needed"] = b.pointsNeeded;
      out["reachable"] = b.reachable;
      break;
    case Blocker::Kind::Conformity:
      out["required_share"] = rounded(b.required);
      out["actual_share"] = rounded(b.actual);
      out["items_needed"] = b.itemsNeeded;
      break;
    case Blocker::Kind::ItemPoints:
      out["limit"] = b.required;
      out["actual_points"] = b.actual;
      out["target_points"] = b.target;
      out["items"] = itemsJson(b.items, m);
      break;
    case Blocker::Kind::CriticalFailures:
      out["allowed"] = static_cast<int>(b.required);
      out["failed"] = static_cast<int>(b.actual);
      out["items"] = itemsJson(b.items, m);
      break;
    case Blocker::Kind::MandatoryItemFailed:
    case Blocker::Kind::RequiredItemNotMet: out["items"] = itemsJson(b.items, m); break;
  }
  out["message"] = m.blocker(b);
  return out;
}

Json gradeCheckJson(const rules::GradeCheck& check, const GradeText& m) {
  Json blockers = Json::array();
  for (const auto& b : check.blockers) blockers.push_back(blockerJson(b, m));
  return {{"id", check.gradeId},
          {"title", text(m.standard().findGrade(check.gradeId)->title)},
          {"met", check.met()},
          {"blockers", blockers}};
}

/// "total 150/200 (75.0%)" for merit standards, "total 25 points" for penalty ones, with the
/// conformity share when pass/fail items were checked.
std::string totals(const rules::EvaluationResult& r, const GradeText& m) {
  std::string out;
  if (r.fullMax > 0)
    out = r.share ? m.tr("总分 ", "total ") + GradeText::points(r.total) + "/" +
                        GradeText::points(r.max) + m.tr("（", " (") + GradeText::percent(*r.share) +
                        m.tr("）", ")")
                  : m.tr("总分 " + GradeText::points(r.total) + " 分",
                         "total " + GradeText::points(r.total) + " points");
  if (r.conformity)
    out += (out.empty() ? "" : m.tr("，", ", ")) +
           m.tr("符合率 " + GradeText::percent(*r.conformity) + "（" +
                    std::to_string(r.conforming) + "/" + std::to_string(r.checked) + " 项）",
                "conformity " + GradeText::percent(*r.conformity) + " (" +
                    std::to_string(r.conforming) + " of " + std::to_string(r.checked) + " items)");
  return out;
}

Json why(const rules::EvaluationResult& result, const GradeText& m) {
  Json lines = Json::array();
  if (result.grade) {
    const rules::Grade& grade = *m.standard().findGrade(*result.grade);
    lines.push_back(m.tr("评为" + grade.title.zh + "：", "Graded " + grade.title.en + ": ") +
                    totals(result, m));
    for (const auto& requirement : m.requirements(grade))
      lines.push_back(m.tr("满足：", "Met: ") + requirement);
  } else {
    lines.push_back(m.tr("未达到任何等级：", "No grade reached: ") + totals(result, m));
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
  GradeText m(standard, lang);
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
          {"direction", rules::toString(standard.direction)},
          {"share", result.share ? Json(rounded(*result.share)) : Json()},
          {"conformity", result.conformity ? Json(rounded(*result.conformity)) : Json()},
          {"checked", result.checked},
          {"conforming", result.conforming},
          {"sections", sections},
          {"failed_mandatory", itemsJson(result.failedMandatory, m)},
          {"failed_critical", itemsJson(result.failedCritical, m)},
          {"grade", grade},
          {"why", why(result, m)},
          {"next_grade", next ? gradeCheckJson(*next, m) : Json()},
          {"grade_checks", checks}};
}

Json summaryJson(const rules::Standard& standard, const std::vector<int>& versions,
                 const std::string& lang) {
  GradeText m(standard, lang);
  Json grades = Json::array();
  for (const auto& grade : standard.grades)
    grades.push_back(
        {{"id", grade.id}, {"title", text(grade.title)}, {"requirements", m.requirements(grade)}});
  return {{"id", standard.id},
          {"version", standard.version},
          {"versions", versions},
          {"category", rules::toString(standard.category)},
          {"direction", rules::toString(standard.direction)},
          {"title", text(standard.title)},
          {"items", standard.itemCount()},
          {"grades", grades},
          {"validity_months", standard.validityMonths},
          {"review_interval_months", standard.reviewIntervalMonths}};
}

}  // namespace tisheng::api
