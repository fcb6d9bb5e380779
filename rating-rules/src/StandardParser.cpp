#include "rules/StandardParser.h"

#include <algorithm>
#include <cmath>
#include <regex>
#include <set>

#include "JsonReader.h"
#include "rules/StrictJson.h"

namespace tisheng::rules {

namespace {

const std::regex kStandardId("^[a-z][a-z0-9_-]{0,39}$");
const std::regex kItemId("^[a-z0-9][a-z0-9._-]{0,39}$");

bool isMultipleOf(double value, double step) {
  double ratio = value / step;
  return std::fabs(ratio - std::round(ratio)) < 1e-9;
}

/// Walks the document once, building the model and recording problems; cross-references
/// (grades named by items, thresholds, ...) are checked after the whole tree is read.
class Parser {
 public:
  explicit Parser(std::vector<Problem>& problems) : in_(problems) {}

  Standard parse(const Json& doc) {
    Standard s;
    if (!in_.isObject(doc, "$")) return s;
    in_.rejectUnknown(doc, "$",
                      {"id", "version", "category", "title", "description", "effective_from",
                       "sections", "grades", "max_critical_failures", "validity_months",
                       "review_interval_months", "exit_rules"});
    s.id = id(doc, "$", kStandardId);
    s.version = in_.integer(doc, "$", "version").value_or(0);
    if (doc.contains("version") && doc["version"].is_number_integer() && s.version < 1)
      in_.problem("$.version", "must be 1 or more");
    if (auto category = in_.string(doc, "$", "category")) {
      if (auto parsed = categoryFromString(*category))
        s.category = *parsed;
      else
        in_.problem("$.category", "must be one of homestay, restaurant, product");
    }
    s.title = in_.text(doc, "$", "title");
    in_.text(doc, "$", "description", false);
    if (auto from = in_.string(doc, "$", "effective_from", false);
        from && !std::regex_match(*from, std::regex("^\\d{4}-\\d{2}-\\d{2}$")))
      in_.problem("$.effective_from", "expected a date YYYY-MM-DD");
    if (const Json* sections = nonEmptyArray(doc, "$", "sections"))
      for (std::size_t i = 0; i < sections->size(); ++i)
        section((*sections)[i], JsonReader::child("$.sections", i), s);
    if (const Json* grades = nonEmptyArray(doc, "$", "grades"))
      for (std::size_t i = 0; i < grades->size(); ++i)
        grade((*grades)[i], JsonReader::child("$.grades", i), s);
    s.maxCriticalFailures = bounded(doc, "$", "max_critical_failures", 0, 100, false).value_or(0);
    s.validityMonths = bounded(doc, "$", "validity_months", 1, 120).value_or(0);
    s.reviewIntervalMonths = bounded(doc, "$", "review_interval_months", 1, 120).value_or(0);
    if (s.validityMonths && s.reviewIntervalMonths > s.validityMonths)
      in_.problem("$.review_interval_months", "must not exceed validity_months");
    if (const Json* exit = in_.field(doc, "$", "exit_rules", true)) exitRules(*exit, s);
    crossCheck(s);
    return s;
  }

 private:
  std::string id(const Json& obj, const std::string& path, const std::regex& pattern) {
    auto value = in_.string(obj, path, "id");
    if (value && !std::regex_match(*value, pattern))
      in_.problem(JsonReader::child(path, "id"),
                  "must be lower-case letters, digits, '.', '_' or '-' (at most 40)");
    return value.value_or("");
  }

  const Json* nonEmptyArray(const Json& obj, const std::string& path, std::string_view key) {
    const Json* list = in_.array(obj, path, key);
    if (list && list->empty()) in_.problem(JsonReader::child(path, key), "must not be empty");
    return list;
  }

  std::optional<int> bounded(const Json& obj, const std::string& path, std::string_view key,
                             int low, int high, bool required = true) {
    auto value = in_.integer(obj, path, key, required);
    if (value && (*value < low || *value > high)) {
      in_.problem(JsonReader::child(path, key),
                  "must be between " + std::to_string(low) + " and " + std::to_string(high));
      return std::nullopt;
    }
    return value;
  }

  void section(const Json& doc, const std::string& path, Standard& s) {
    if (!in_.isObject(doc, path)) return;
    in_.rejectUnknown(doc, path, {"id", "title", "items"});
    Section out;
    out.id = id(doc, path, kItemId);
    if (!out.id.empty() && !sectionIds_.insert(out.id).second)
      in_.problem(JsonReader::child(path, "id"), "duplicate section id '" + out.id + "'");
    out.title = in_.text(doc, path, "title");
    if (const Json* items = nonEmptyArray(doc, path, "items"))
      for (std::size_t i = 0; i < items->size(); ++i)
        item((*items)[i], JsonReader::child(JsonReader::child(path, "items"), i), out);
    s.sections.push_back(std::move(out));
  }

  void item(const Json& doc, const std::string& path, Section& section) {
    if (!in_.isObject(doc, path)) return;
    in_.rejectUnknown(doc, path,
                      {"id", "title", "guidance", "kind", "max", "step", "pass_min",
                       "mandatory_for", "critical", "na_allowed"});
    Item out;
    out.id = id(doc, path, kItemId);
    if (!out.id.empty() && !itemIds_.insert(out.id).second)
      in_.problem(JsonReader::child(path, "id"), "duplicate item id '" + out.id + "'");
    out.title = in_.text(doc, path, "title");
    out.guidance = in_.text(doc, path, "guidance", false);
    auto kind = in_.string(doc, path, "kind");
    if (kind == "pass_fail") {
      out.kind = ItemKind::PassFail;
      for (std::string_view key : {"max", "step", "pass_min"})
        if (doc.contains(key))
          in_.problem(JsonReader::child(path, key), "only points items take this field");
    } else if (kind == "points") {
      points(doc, path, out);
    } else if (kind) {
      in_.problem(JsonReader::child(path, "kind"), "must be 'points' or 'pass_fail'");
    }
    out.mandatoryFor = in_.stringList(doc, path, "mandatory_for");
    out.critical = in_.boolean(doc, path, "critical", false).value_or(false);
    out.naAllowed = in_.boolean(doc, path, "na_allowed", false).value_or(false);
    if (out.kind == ItemKind::Points && !out.passMin && (out.critical || !out.mandatoryFor.empty()))
      in_.problem(JsonReader::child(path, "pass_min"),
                  "required for a critical or mandatory points item (it defines failing)");
    itemPaths_[out.id] = path;
    section.items.push_back(std::move(out));
  }

  void points(const Json& doc, const std::string& path, Item& out) {
    out.kind = ItemKind::Points;
    out.max = in_.number(doc, path, "max").value_or(0);
    out.step = in_.number(doc, path, "step", false).value_or(1);
    if (out.max <= 0) in_.problem(JsonReader::child(path, "max"), "must be greater than 0");
    if (out.step <= 0) {
      in_.problem(JsonReader::child(path, "step"), "must be greater than 0");
      out.step = 1;
    } else if (out.max > 0 && !isMultipleOf(out.max, out.step)) {
      in_.problem(JsonReader::child(path, "max"), "must be a multiple of step");
    }
    out.passMin = in_.number(doc, path, "pass_min", false);
    if (out.passMin && (*out.passMin <= 0 || *out.passMin > out.max))
      in_.problem(JsonReader::child(path, "pass_min"), "must be greater than 0 and at most max");
  }

  void grade(const Json& doc, const std::string& path, Standard& s) {
    if (!in_.isObject(doc, path)) return;
    in_.rejectUnknown(doc, path,
                      {"id", "title", "min_total_share", "min_section_share", "required_items"});
    Grade out;
    out.id = id(doc, path, kItemId);
    if (!out.id.empty() && s.findGrade(out.id))
      in_.problem(JsonReader::child(path, "id"), "duplicate grade id '" + out.id + "'");
    out.title = in_.text(doc, path, "title");
    out.minTotalShare = share(doc, path, "min_total_share", true);
    out.minSectionShare = share(doc, path, "min_section_share", false);
    out.requiredItems = in_.stringList(doc, path, "required_items");
    gradePaths_.push_back(path);
    s.grades.push_back(std::move(out));
  }

  double share(const Json& doc, const std::string& path, std::string_view key, bool required) {
    auto value = in_.number(doc, path, key, required);
    if (value && (*value < 0 || *value > 1))
      in_.problem(JsonReader::child(path, key), "a share must be between 0 and 1");
    return value.value_or(0);
  }

  void exitRules(const Json& doc, Standard& s) {
    const std::string path = "$.exit_rules";
    if (!in_.isObject(doc, path)) return;
    in_.rejectUnknown(doc, path, {"reapply_bar_months", "rectification_max_days", "rules"});
    ExitRules& out = s.exitRules;
    out.reapplyBarMonths = bounded(doc, path, "reapply_bar_months", 0, 120).value_or(0);
    out.rectificationMaxDays = bounded(doc, path, "rectification_max_days", 1, 365).value_or(0);
    const Json* rules = in_.array(doc, path, "rules");
    if (!rules) return;
    for (std::size_t i = 0; i < rules->size(); ++i) {
      const std::string here = JsonReader::child(path + ".rules", i);
      const Json& rule = (*rules)[i];
      if (!in_.isObject(rule, here)) continue;
      in_.rejectUnknown(rule, here, {"finding", "action", "count", "within_months"});
      ExitRule parsed;
      auto finding = in_.string(rule, here, "finding");
      auto action = in_.string(rule, here, "action");
      if (finding && !findingFromString(*finding))
        in_.problem(here + ".finding", "unknown finding '" + *finding + "'");
      if (action && !exitActionFromString(*action))
        in_.problem(here + ".action", "must be downgrade, suspend or revoke");
      if (!finding || !findingFromString(*finding) || !action || !exitActionFromString(*action))
        continue;
      parsed.finding = *findingFromString(*finding);
      parsed.action = *exitActionFromString(*action);
      if (out.ruleFor(parsed.finding))
        in_.problem(here + ".finding", "duplicate rule for '" + *finding + "'");
      if (parsed.finding == Finding::UpheldComplaints) {
        parsed.count = bounded(rule, here, "count", 1, 100).value_or(1);
        parsed.withinMonths = bounded(rule, here, "within_months", 1, 120).value_or(1);
      } else {
        for (std::string_view key : {"count", "within_months"})
          if (rule.contains(key))
            in_.problem(JsonReader::child(here, key), "only upheld_complaints takes this field");
      }
      out.rules.push_back(parsed);
    }
  }

  void crossCheck(const Standard& s) {
    bool anyCritical = false;
    double totalMax = 0;
    for (const auto& section : s.sections) {
      totalMax += section.maxPoints();
      for (const auto& item : section.items) {
        anyCritical = anyCritical || item.critical;
        checkGradeList(s, item.mandatoryFor, itemPaths_[item.id] + ".mandatory_for");
      }
    }
    if (!s.sections.empty() && totalMax <= 0)
      in_.problem("$.sections", "at least one points item is needed to compute shares");
    if (s.maxCriticalFailures > 0 && !anyCritical)
      in_.problem("$.max_critical_failures", "set, but no item is critical");
    for (std::size_t g = 0; g < s.grades.size(); ++g) {
      const Grade& grade = s.grades[g];
      for (const auto& itemId : grade.requiredItems) {
        const Item* item = findParsedItem(s, itemId);
        if (!item)
          in_.problem(gradePaths_[g] + ".required_items", "names unknown item '" + itemId + "'");
        else if (item->kind == ItemKind::Points && !item->passMin)
          in_.problem(gradePaths_[g] + ".required_items",
                      "item '" + itemId + "' is required but has no pass_min");
      }
      if (g == 0) continue;
      const Grade& better = s.grades[g - 1];
      for (const auto& itemId : grade.requiredItems)
        if (std::find(better.requiredItems.begin(), better.requiredItems.end(), itemId) ==
            better.requiredItems.end())
          in_.problem(
              gradePaths_[g - 1] + ".required_items",
              "must include '" + itemId + "', required by the lower grade '" + grade.id + "'");
      if (grade.minTotalShare > better.minTotalShare)
        in_.problem(gradePaths_[g] + ".min_total_share",
                    "thresholds out of order: higher than the better grade '" + better.id + "'");
      if (grade.minSectionShare > better.minSectionShare)
        in_.problem(gradePaths_[g] + ".min_section_share",
                    "thresholds out of order: higher than the better grade '" + better.id + "'");
    }
  }

  /// Grades named must exist, and an item mandatory for a grade is mandatory for every better one.
  void checkGradeList(const Standard& s, const std::vector<std::string>& gradeIds,
                      const std::string& path) {
    std::size_t lowest = 0;
    for (const auto& gradeId : gradeIds) {
      const Grade* grade = s.findGrade(gradeId);
      if (!grade) {
        in_.problem(path, "names unknown grade '" + gradeId + "'");
        continue;
      }
      lowest = std::max(lowest, static_cast<std::size_t>(grade - s.grades.data()));
    }
    for (std::size_t g = 0; g < lowest; ++g)
      if (std::find(gradeIds.begin(), gradeIds.end(), s.grades[g].id) == gradeIds.end())
        in_.problem(path, "must include '" + s.grades[g].id + "', better than a grade listed");
  }

  static const Item* findParsedItem(const Standard& s, const std::string& itemId) {
    for (const auto& section : s.sections)
      for (const auto& item : section.items)
        if (item.id == itemId) return &item;
    return nullptr;
  }

  JsonReader in_;
  std::set<std::string> sectionIds_;
  std::set<std::string> itemIds_;
  std::map<std::string, std::string> itemPaths_;
  std::vector<std::string> gradePaths_;
};

}  // namespace

Standard parseStandard(std::string_view text, const std::string& file) {
  Json doc;
  try {
    doc = parseStrictJson(text);
  } catch (const JsonError& error) {
    throw InvalidStandard(file, {{"$" + error.path(), error.what()}});
  }
  std::vector<Problem> problems;
  Standard standard = Parser(problems).parse(doc);
  if (!problems.empty()) throw InvalidStandard(file, std::move(problems));
  standard.document = std::move(doc);
  standard.indexItems();
  return standard;
}

}  // namespace tisheng::rules
