#include "rules/Evaluator.h"

#include <algorithm>
#include <cmath>

#include "Improvement.h"
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

std::string valueList(const std::vector<double>& values) {
  std::string out;
  for (double value : values) out += (out.empty() ? "" : ", ") + formatNumber(value);
  return out;
}

/// The problem with one item's score, or an empty string when it fits the item.
std::string checkScore(const Item& item, const Score& score) {
  if (score.kind == Score::Kind::NotApplicable)
    return item.naAllowed ? "" : "\"n/a\" is not allowed for this item";
  if (item.kind == ItemKind::PassFail)
    return score.kind == Score::Kind::Points ? "expected \"pass\" or \"fail\"" : "";
  if (!item.values.empty()) {
    if (score.kind == Score::Kind::Points && item.allows(score.points)) return "";
    std::string prefix = score.kind == Score::Kind::Points
                             ? "score " + formatNumber(score.points) + " is not"
                             : "expected";
    return prefix + " one of " + valueList(item.values);
  }
  if (score.kind != Score::Kind::Points)
    return "expected points from 0 to " + formatNumber(item.max);
  if (!std::isfinite(score.points) || score.points < 0 || score.points > item.max + kEpsilon)
    return "score " + formatNumber(score.points) + " is outside 0.." + formatNumber(item.max);
  if (!item.allows(score.points))
    return "score " + formatNumber(score.points) + " is not a multiple of the step " +
           formatNumber(item.step);
  return "";
}

/// The score of every item in standard order (nullptr where the sheet has none). Throws
/// InvalidScoreSheet naming every item whose score does not fit, and every unknown item.
std::vector<const Score*> validate(const Standard& standard, const ScoreSheet& sheet,
                                   bool complete) {
  std::vector<Problem> problems;
  std::vector<const Score*> scores;
  scores.reserve(standard.itemCount());
  for (const auto& section : standard.sections)
    for (const auto& item : section.items) {
      auto it = sheet.find(item.id);
      if (it == sheet.end()) {
        scores.push_back(nullptr);
        if (complete) problems.push_back({item.id, "no score given"});
        continue;
      }
      scores.push_back(&it->second);
      if (auto message = checkScore(item, it->second); !message.empty())
        problems.push_back({item.id, message});
    }
  auto known = std::count_if(scores.begin(), scores.end(), [](const Score* s) { return s; });
  if (static_cast<std::size_t>(known) != sheet.size())
    for (const auto& [itemId, score] : sheet)
      if (!standard.findItem(itemId))
        problems.push_back({itemId, "unknown item in standard '" + standard.id + "'"});
  if (!problems.empty()) throw InvalidScoreSheet(std::move(problems));
  return scores;
}

bool failed(const Item& item, const Score& score) {
  if (score.kind == Score::Kind::Fail) return true;
  return item.kind == ItemKind::Points && score.kind == Score::Kind::Points && item.passLimit &&
         !item.meets(score.points, *item.passLimit);
}

Blocker make(Blocker::Kind kind, std::vector<std::string> items = {}, double required = 0,
             double actual = 0) {
  Blocker blocker;
  blocker.kind = kind;
  blocker.items = std::move(items);
  blocker.required = required;
  blocker.actual = actual;
  return blocker;
}

bool contains(const std::vector<std::string>& list, const std::string& value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

/// One evaluation: the tallies of a complete, valid sheet and the checks of every grade.
class Evaluation {
 public:
  Evaluation(const Standard& standard, const ScoreSheet& sheet, std::vector<const Score*> scores)
      : standard_(standard),
        sheet_(sheet),
        scores_(std::move(scores)),
        merit_(standard.direction == Direction::HigherIsBetter),
        totalRoom_(standard, sheet, 0, standard.sections.size()) {
    sectionRoom_.reserve(standard.sections.size());
  }

  EvaluationResult run() {
    result_.standardId = standard_.id;
    result_.standardVersion = standard_.version;
    result_.direction = standard_.direction;
    std::size_t next = 0;
    for (std::size_t s = 0; s < standard_.sections.size(); ++s) tally(s, next);
    if (merit_ && result_.max > 0) result_.share = result_.total / result_.max;
    if (result_.checked > 0)
      result_.conformity = static_cast<double>(result_.conforming) / result_.checked;
    for (const auto& grade : standard_.grades) {
      result_.grades.push_back(check(grade));
      if (!result_.grade && result_.grades.back().met()) result_.grade = grade.id;
    }
    return std::move(result_);
  }

 private:
  /// Counts one section; next is the index of its first item in scores_, advanced past it.
  void tally(std::size_t index, std::size_t& next) {
    const Section& section = standard_.sections[index];
    SectionResult out{section.id, 0, 0, 0, std::nullopt, 0, 0};
    Improvement& room = sectionRoom_.emplace_back(standard_, sheet_, index, index + 1);
    for (const auto& item : section.items) {
      bool counts = item.kind == ItemKind::Points && item.direction == standard_.direction;
      if (counts) out.fullMax += item.max;
      const Score& score = *scores_[next++];
      if (score.kind == Score::Kind::NotApplicable) {
        ++out.notApplicable;
        continue;
      }
      if (item.kind == ItemKind::PassFail) {
        ++result_.checked;
        if (score.kind == Score::Kind::Pass) ++result_.conforming;
      } else {
        ++out.scored;
        out.score += standard_.contribution(item, score.points);
        if (counts) out.max += item.max;
        room.add(item, score.points);
        totalRoom_.add(item, score.points);
      }
      if (!failed(item, score)) continue;
      if (!item.mandatoryFor.empty()) result_.failedMandatory.push_back(item.id);
      if (item.critical) result_.failedCritical.push_back(item.id);
    }
    if (merit_ && out.max > 0) out.share = out.score / out.max;
    result_.total += out.score;
    result_.max += out.max;
    result_.fullMax += out.fullMax;
    result_.sections.push_back(out);
  }

  /// The threshold as it applies to this sheet: scaled by the applicable share of the maximum
  /// when the standard says N/A scales absolute thresholds.
  double applied(double threshold, double max, double fullMax) const {
    if (standard_.naPointThresholds != NaPointThresholds::Scaled || fullMax <= 0) return threshold;
    return threshold * max / fullMax;
  }

  /// A points threshold (total or section): scaled as the standard says, then checked.
  void absolute(GradeCheck& check, Blocker::Kind kind, const std::string& sectionId, double score,
                double stated, double max, double fullMax, const Improvement& room) const {
    double threshold = applied(stated, max, fullMax);
    std::size_t before = check.blockers.size();
    points(check, kind, sectionId, score, threshold, score, threshold, room);
    if (check.blockers.size() > before && std::fabs(threshold - stated) > kEpsilon)
      check.blockers.back().unscaled = stated;
  }

  /// A blocker when score falls short of threshold (merit) or exceeds it (penalty).
  void points(GradeCheck& check, Blocker::Kind kind, const std::string& sectionId, double score,
              double threshold, double actual, double required, const Improvement& room) const {
    double missing = merit_ ? threshold - score : score - threshold;
    if (missing <= kEpsilon) return;
    Blocker blocker = make(kind, {}, required, actual);
    blocker.sectionId = sectionId;
    auto change = room.smallestAtLeast(missing);
    blocker.reachable = change.has_value();
    blocker.pointsNeeded = change.value_or(std::ceil(missing * 100 - 1e-6) / 100);
    check.blockers.push_back(std::move(blocker));
  }

  GradeCheck check(const Grade& grade) const {
    GradeCheck check{grade.id, {}};
    auto& blockers = check.blockers;
    bool scored = result_.max > 0;
    if (result_.fullMax > 0 && !scored) blockers.push_back(make(Blocker::Kind::NothingScored));
    if (grade.minConformity && result_.checked == 0)
      blockers.push_back(make(Blocker::Kind::NothingChecked, {}, *grade.minConformity));
    int allowed = standard_.criticalLimit(grade);
    if (static_cast<int>(result_.failedCritical.size()) > allowed)
      blockers.push_back(make(Blocker::Kind::CriticalFailures, result_.failedCritical, allowed,
                              static_cast<double>(result_.failedCritical.size())));
    std::vector<std::string> vetoes;
    for (const auto& itemId : result_.failedMandatory)
      if (contains(standard_.findItem(itemId)->mandatoryFor, grade.id)) vetoes.push_back(itemId);
    if (!vetoes.empty())
      blockers.push_back(make(Blocker::Kind::MandatoryItemFailed, std::move(vetoes)));
    std::vector<std::string> unmet;
    for (const auto& itemId : grade.requiredItems) {
      const Score& score = sheet_.find(itemId)->second;
      if (score.kind == Score::Kind::NotApplicable || failed(*standard_.findItem(itemId), score))
        unmet.push_back(itemId);
    }
    if (!unmet.empty())
      blockers.push_back(make(Blocker::Kind::RequiredItemNotMet, std::move(unmet)));
    for (const auto& limit : grade.itemPoints) {
      const Item& item = *standard_.findItem(limit.id);
      const Score& score = sheet_.find(limit.id)->second;
      if (score.kind != Score::Kind::Points || item.meets(score.points, limit.points)) continue;
      Blocker blocker = make(Blocker::Kind::ItemPoints, {limit.id}, limit.points, score.points);
      blocker.target = item.nearestMeeting(limit.points).value_or(item.best());
      blockers.push_back(std::move(blocker));
    }
    if (scored && grade.minTotalShare)
      points(check, Blocker::Kind::TotalShare, "", result_.total,
             *grade.minTotalShare * result_.max, result_.share.value_or(0), *grade.minTotalShare,
             totalRoom_);
    if (scored && grade.totalPoints)
      absolute(check, Blocker::Kind::TotalPoints, "", result_.total, *grade.totalPoints,
               result_.max, result_.fullMax, totalRoom_);
    for (std::size_t s = 0; s < result_.sections.size(); ++s) checkSection(check, grade, s);
    if (grade.minConformity && result_.conformity &&
        *result_.conformity + kEpsilon < *grade.minConformity) {
      int needed = static_cast<int>(
          std::ceil(*grade.minConformity * result_.checked - result_.conforming - 1e-9));
      Blocker blocker =
          make(Blocker::Kind::Conformity, {}, *grade.minConformity, *result_.conformity);
      blocker.itemsNeeded = needed;
      blockers.push_back(std::move(blocker));
    }
    return check;
  }

  void checkSection(GradeCheck& check, const Grade& grade, std::size_t index) const {
    const SectionResult& section = result_.sections[index];
    const PointsLimit* limit = nullptr;
    for (const auto& candidate : grade.sectionPoints)
      if (candidate.id == section.sectionId) limit = &candidate;
    bool shared = grade.minSectionShare && *grade.minSectionShare > 0;
    if (section.fullMax <= 0 || (!shared && !limit)) return;
    if (section.max <= 0) {
      Blocker blocker = make(Blocker::Kind::NothingScored);
      blocker.sectionId = section.sectionId;
      check.blockers.push_back(std::move(blocker));
      return;
    }
    if (shared)
      points(check, Blocker::Kind::SectionShare, section.sectionId, section.score,
             *grade.minSectionShare * section.max, section.share.value_or(0),
             *grade.minSectionShare, sectionRoom_[index]);
    if (limit)
      absolute(check, Blocker::Kind::SectionPoints, section.sectionId, section.score, limit->points,
               section.max, section.fullMax, sectionRoom_[index]);
  }

  const Standard& standard_;
  const ScoreSheet& sheet_;
  std::vector<const Score*> scores_;
  bool merit_;
  EvaluationResult result_;
  Improvement totalRoom_;
  std::vector<Improvement> sectionRoom_;
};

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
  return Evaluation(standard, sheet, validate(standard, sheet, true)).run();
}

}  // namespace tisheng::rules
