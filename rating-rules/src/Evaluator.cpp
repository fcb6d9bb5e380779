#include "rules/Evaluator.h"

#include <algorithm>
#include <cmath>

#include "rules/Problem.h"

namespace tisheng::rules {

namespace {

constexpr double kEpsilon = 1e-9;

std::string formatNumber(double value) {
  std::string text = std::to_string(value);
  text.erase(text.find_last_not_of('0') + 1);
  if (text.back() == '.') text.pop_back();
  return text;
}

/// The problem with one item's score, or an empty string when it fits the item.
std::string checkScore(const Item& item, const Score& score) {
  if (score.kind == Score::Kind::NotApplicable)
    return item.naAllowed ? "" : "\"n/a\" is not allowed for this item";
  if (item.kind == ItemKind::PassFail)
    return score.kind == Score::Kind::Points ? "expected \"pass\" or \"fail\"" : "";
  if (score.kind != Score::Kind::Points)
    return "expected points from 0 to " + formatNumber(item.max);
  if (!std::isfinite(score.points) || score.points < 0 || score.points > item.max + kEpsilon)
    return "score " + formatNumber(score.points) + " is outside 0.." + formatNumber(item.max);
  double steps = score.points / item.step;
  if (std::fabs(steps - std::round(steps)) > 1e-6)
    return "score " + formatNumber(score.points) + " is not a multiple of the step " +
           formatNumber(item.step);
  return "";
}

void validate(const Standard& standard, const ScoreSheet& sheet, bool complete) {
  std::vector<Problem> problems;
  for (const auto& section : standard.sections)
    for (const auto& item : section.items) {
      auto it = sheet.find(item.id);
      if (it == sheet.end()) {
        if (complete) problems.push_back({item.id, "no score given"});
      } else if (auto message = checkScore(item, it->second); !message.empty()) {
        problems.push_back({item.id, message});
      }
    }
  for (const auto& [itemId, score] : sheet)
    if (!standard.findItem(itemId))
      problems.push_back({itemId, "unknown item in standard '" + standard.id + "'"});
  if (!problems.empty()) throw InvalidScoreSheet(std::move(problems));
}

bool failed(const Item& item, const Score& score) {
  if (score.kind == Score::Kind::Fail) return true;
  return item.kind == ItemKind::Points && score.kind == Score::Kind::Points && item.passMin &&
         score.points + kEpsilon < *item.passMin;
}

/// Points still missing to reach share of max, rounded up to hundredths; 0 when reached.
double shortfall(double score, double max, double share) {
  double missing = share * max - score;
  if (missing <= kEpsilon) return 0;
  return std::ceil(missing * 100 - 1e-6) / 100;
}

GradeCheck checkGrade(const Standard& standard, const Grade& grade, const ScoreSheet& sheet,
                      const EvaluationResult& result) {
  GradeCheck check{grade.id, {}};
  if (static_cast<int>(result.failedCritical.size()) > standard.maxCriticalFailures) {
    check.blockers.push_back({Blocker::Kind::CriticalFailures, "", result.failedCritical,
                              static_cast<double>(standard.maxCriticalFailures),
                              static_cast<double>(result.failedCritical.size()), 0});
  }
  std::vector<std::string> vetoes;
  for (const auto& itemId : result.failedMandatory) {
    const auto& grades = standard.findItem(itemId)->mandatoryFor;
    if (std::find(grades.begin(), grades.end(), grade.id) != grades.end()) vetoes.push_back(itemId);
  }
  if (!vetoes.empty())
    check.blockers.push_back({Blocker::Kind::MandatoryItemFailed, "", vetoes, 0, 0, 0});
  std::vector<std::string> unmet;
  for (const auto& itemId : grade.requiredItems) {
    const Score& score = sheet.find(itemId)->second;
    if (score.kind == Score::Kind::NotApplicable || failed(*standard.findItem(itemId), score))
      unmet.push_back(itemId);
  }
  if (!unmet.empty())
    check.blockers.push_back({Blocker::Kind::RequiredItemNotMet, "", unmet, 0, 0, 0});
  if (double need = shortfall(result.total, result.max, grade.minTotalShare); need > 0)
    check.blockers.push_back(
        {Blocker::Kind::TotalShare, "", {}, grade.minTotalShare, result.share, need});
  for (const auto& section : result.sections) {
    if (!section.share) continue;
    if (double need = shortfall(section.score, section.max, grade.minSectionShare); need > 0)
      check.blockers.push_back({Blocker::Kind::SectionShare,
                                section.sectionId,
                                {},
                                grade.minSectionShare,
                                *section.share,
                                need});
  }
  return check;
}

}  // namespace

void checkScores(const Standard& standard, const ScoreSheet& sheet) {
  validate(standard, sheet, false);
}

const GradeCheck* EvaluationResult::nextGrade() const {
  if (grades.empty()) return nullptr;
  if (!grade) return &grades.back();
  for (std::size_t i = 0; i < grades.size(); ++i)
    if (grades[i].gradeId == *grade) return i == 0 ? nullptr : &grades[i - 1];
  return nullptr;
}

EvaluationResult evaluate(const Standard& standard, const ScoreSheet& sheet) {
  validate(standard, sheet, true);
  EvaluationResult result;
  result.standardId = standard.id;
  result.standardVersion = standard.version;
  for (const auto& section : standard.sections) {
    SectionResult sectionResult{section.id, 0, 0, std::nullopt, 0};
    for (const auto& item : section.items) {
      const Score& score = sheet.find(item.id)->second;
      if (score.kind == Score::Kind::NotApplicable) {
        ++sectionResult.notApplicable;
        continue;
      }
      if (item.kind == ItemKind::Points) {
        sectionResult.score += score.points;
        sectionResult.max += item.max;
      }
      if (!failed(item, score)) continue;
      if (!item.mandatoryFor.empty()) result.failedMandatory.push_back(item.id);
      if (item.critical) result.failedCritical.push_back(item.id);
    }
    if (sectionResult.max > 0) sectionResult.share = sectionResult.score / sectionResult.max;
    result.total += sectionResult.score;
    result.max += sectionResult.max;
    result.sections.push_back(sectionResult);
  }
  result.share = result.max > 0 ? result.total / result.max : 0;
  for (const auto& grade : standard.grades) {
    result.grades.push_back(checkGrade(standard, grade, sheet, result));
    if (!result.grade && result.grades.back().met()) result.grade = grade.id;
  }
  return result;
}

}  // namespace tisheng::rules
