#include "StandardLint.h"

#include <algorithm>
#include <limits>

namespace tisheng::rules {

namespace {

bool contains(const std::vector<std::string>& list, const std::string& value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

const PointsLimit* limitFor(const std::vector<PointsLimit>& limits, const std::string& id) {
  for (const auto& limit : limits)
    if (limit.id == id) return &limit;
  return nullptr;
}

const Section* findSection(const Standard& s, const std::string& id) {
  for (const auto& section : s.sections)
    if (section.id == id) return &section;
  return nullptr;
}

class Lint {
 public:
  Lint(const Standard& s, const DocumentPaths& paths, std::vector<Problem>& problems)
      : s_(s),
        paths_(paths),
        problems_(problems),
        merit_(s.direction == Direction::HigherIsBetter) {}

  void run() {
    items();
    for (std::size_t g = 0; g < s_.grades.size() && g < paths_.grades.size(); ++g) {
      grade(g);
      if (g > 0) ordered(s_.grades[g - 1], s_.grades[g], g);
    }
  }

 private:
  void problem(std::string path, std::string message) {
    problems_.push_back({std::move(path), std::move(message)});
  }

  std::string itemPath(const std::string& id, const char* key) const {
    auto it = paths_.items.find(id);
    return (it == paths_.items.end() ? std::string("$") : it->second) + "." + key;
  }

  /// The worse of two limits (in the standard's direction): merit minima fall, penalty maxima rise.
  bool looser(double lower, double better) const {
    return merit_ ? lower <= better + 1e-9 : lower + 1e-9 >= better;
  }

  void items() {
    for (const auto& section : s_.sections) {
      fullMax_ += section.maxPoints(s_.direction);
      for (const auto& item : section.items) {
        anyCritical_ = anyCritical_ || item.critical;
        anyPassFail_ = anyPassFail_ || item.kind == ItemKind::PassFail;
        mandatoryGrades(item);
      }
    }
    if (s_.maxCriticalFailures > 0 && !anyCritical_)
      problem("$.max_critical_failures", "set, but no item is critical");
  }

  /// Grades named must exist, and an item mandatory for a grade is mandatory for every better
  /// one — unless the item names that better grade in not_mandatory_for.
  void mandatoryGrades(const Item& item) {
    const std::string path = itemPath(item.id, "mandatory_for");
    std::size_t lowest = 0;
    for (const auto& gradeId : item.mandatoryFor) {
      const Grade* grade = s_.findGrade(gradeId);
      if (!grade) {
        problem(path, "names unknown grade '" + gradeId + "'");
        continue;
      }
      lowest = std::max(lowest, static_cast<std::size_t>(grade - s_.grades.data()));
    }
    for (std::size_t g = 0; g < lowest; ++g)
      if (!contains(item.mandatoryFor, s_.grades[g].id) &&
          !contains(item.notMandatoryFor, s_.grades[g].id))
        problem(path, "must include '" + s_.grades[g].id +
                          "', better than a grade listed (or name it in not_mandatory_for)");
    const std::string exempt = itemPath(item.id, "not_mandatory_for");
    for (const auto& gradeId : item.notMandatoryFor) {
      const Grade* grade = s_.findGrade(gradeId);
      if (!grade)
        problem(exempt, "names unknown grade '" + gradeId + "'");
      else if (contains(item.mandatoryFor, gradeId))
        problem(exempt, "grade '" + gradeId + "' is also in mandatory_for");
      else if (item.mandatoryFor.empty() ||
               static_cast<std::size_t>(grade - s_.grades.data()) >= lowest)
        problem(exempt, "only a grade better than one the item is mandatory for can be exempt");
    }
  }

  void grade(std::size_t g) {
    const Grade& grade = s_.grades[g];
    const std::string& path = paths_.grades[g];
    bool usesPoints = grade.minTotalShare || grade.minSectionShare || grade.totalPoints ||
                      !grade.sectionPoints.empty();
    if (usesPoints && fullMax_ <= 0)
      problem("$.sections",
              "at least one points item counting toward the total is needed for the point and "
              "share thresholds of grade '" +
                  grade.id + "'");
    if (grade.minConformity && !anyPassFail_)
      problem(path + ".min_conformity", "counts pass/fail items, but the standard has none");
    if (grade.maxCriticalFailures && !anyCritical_)
      problem(path + ".max_critical_failures", "set, but no item is critical");
    if (!grade.hasThreshold() && !grade.maxCriticalFailures && g + 1 < s_.grades.size())
      problem(path, "has no threshold: only the lowest grade may have none");
    for (const auto& itemId : grade.requiredItems) {
      const Item* item = findParsedItem(s_, itemId);
      if (!item)
        problem(path + ".required_items", "names unknown item '" + itemId + "'");
      else if (item->kind == ItemKind::Points && !item->passLimit)
        problem(path + ".required_items",
                "item '" + itemId + "' is required but has no pass_min or pass_max");
    }
    std::string sectionKey = merit_ ? "min_section_points" : "max_section_points";
    bool naInScope = false;
    for (const auto& limit : grade.sectionPoints) {
      const Section* section = findSection(s_, limit.id);
      const std::string at = path + "." + sectionKey + "." + limit.id;
      if (!section) {
        problem(at, "names no section");
        continue;
      }
      pointsInRange(at, limit.points, section->maxPoints(s_.direction));
      naInScope = naInScope || anyNa(*section);
    }
    if (grade.totalPoints) {
      pointsInRange(path + (merit_ ? ".min_total_points" : ".max_total_points"), *grade.totalPoints,
                    fullMax_);
      for (const auto& section : s_.sections) naInScope = naInScope || anyNa(section);
    }
    if (naInScope && s_.naPointThresholds == NaPointThresholds::Unset)
      problem(path,
              "a points threshold covers items that may be N/A: set the standard's "
              "na_point_thresholds to 'fixed' or 'scale' to say how N/A counts");
  }

  bool anyNa(const Section& section) const {
    return std::any_of(section.items.begin(), section.items.end(), [](const Item& item) {
      return item.kind == ItemKind::Points && item.naAllowed;
    });
  }

  void pointsInRange(const std::string& at, double points, double max) {
    if (max <= 0)
      problem(at, "no points item counts toward it");
    else if (merit_ ? points <= 0 || points > max : points < 0 || points >= max)
      problem(at, merit_ ? "must be greater than 0 and at most the maximum (" + number(max) + ")"
                         : "must be at least 0 and below the maximum (" + number(max) + ")");
  }

  static std::string number(double value) {
    std::string text = std::to_string(value);
    text.erase(text.find_last_not_of('0') + 1);
    if (text.back() == '.') text.pop_back();
    return text;
  }

  /// A lower grade may not ask more than the grade above it.
  void ordered(const Grade& better, const Grade& lower, std::size_t g) {
    const std::string& path = paths_.grades[g];
    const std::string order =
        "thresholds out of order: stricter than the better grade '" + better.id + "'";
    auto shareOrder = [&](const std::optional<double>& mine, const std::optional<double>& theirs,
                          const char* key) {
      if (mine.value_or(0) > theirs.value_or(0))
        problem(path + "." + key,
                "thresholds out of order: higher than the better grade '" + better.id + "'");
    };
    shareOrder(lower.minTotalShare, better.minTotalShare, "min_total_share");
    shareOrder(lower.minSectionShare, better.minSectionShare, "min_section_share");
    shareOrder(lower.minConformity, better.minConformity, "min_conformity");
    double none = merit_ ? 0 : std::numeric_limits<double>::infinity();
    if (lower.totalPoints && !looser(*lower.totalPoints, better.totalPoints.value_or(none)))
      problem(path + (merit_ ? ".min_total_points" : ".max_total_points"), order);
    for (const auto& limit : lower.sectionPoints) {
      const PointsLimit* theirs = limitFor(better.sectionPoints, limit.id);
      if (!looser(limit.points, theirs ? theirs->points : none))
        problem(path + (merit_ ? ".min_section_points." : ".max_section_points.") + limit.id,
                order);
    }
    for (const auto& limit : lower.itemPoints) {
      const Item* item = findParsedItem(s_, limit.id);
      const PointsLimit* theirs = limitFor(better.itemPoints, limit.id);
      bool itemMerit = item->direction == Direction::HigherIsBetter;
      bool fine = theirs && (itemMerit ? limit.points <= theirs->points + 1e-9
                                       : limit.points + 1e-9 >= theirs->points);
      if (!fine)
        problem(path + (itemMerit ? ".min_item_points." : ".max_item_points.") + limit.id, order);
    }
    if (s_.criticalLimit(lower) < s_.criticalLimit(better))
      problem(path + ".max_critical_failures",
              "thresholds out of order: allows fewer than the better grade '" + better.id + "'");
    for (const auto& itemId : lower.requiredItems) {
      const Item* item = findParsedItem(s_, itemId);
      if (!contains(better.requiredItems, itemId) &&
          !(item && contains(item->notMandatoryFor, better.id)))
        problem(paths_.grades[g - 1] + ".required_items",
                "must include '" + itemId + "', required by the lower grade '" + lower.id +
                    "' (or name '" + better.id + "' in the item's not_mandatory_for)");
    }
  }

  const Standard& s_;
  const DocumentPaths& paths_;
  std::vector<Problem>& problems_;
  bool merit_;
  double fullMax_ = 0;
  bool anyCritical_ = false;
  bool anyPassFail_ = false;
};

}  // namespace

const Item* findParsedItem(const Standard& s, const std::string& itemId) {
  for (const auto& section : s.sections)
    for (const auto& item : section.items)
      if (item.id == itemId) return &item;
  return nullptr;
}

void lintStandard(const Standard& s, const DocumentPaths& paths, std::vector<Problem>& problems) {
  Lint(s, paths, problems).run();
}

}  // namespace tisheng::rules
