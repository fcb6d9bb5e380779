#include "rules/StandardParser.h"

#include <algorithm>
#include <cmath>
#include <regex>
#include <set>

#include "JsonReader.h"
#include "StandardLint.h"
#include "rules/StrictJson.h"

namespace tisheng::rules {

namespace {

const std::regex kStandardId("^[a-z][a-z0-9_-]{0,39}$");
const std::regex kItemId("^[a-z0-9][a-z0-9._-]{0,39}$");

/// No scheme scores an item beyond this, or in finer steps than max / kMaxSteps.
constexpr double kMaxPoints = 10000;
constexpr double kMaxSteps = 1000;
constexpr std::size_t kMaxValues = 1000;

bool isMultipleOf(double value, double step) {
  double ratio = value / step;
  return std::fabs(ratio - std::round(ratio)) < 1e-9;
}

/// Walks the document once, building the model and recording problems; cross-references
/// (grades named by items, thresholds in order, ...) are checked by lintStandard afterwards.
class Parser {
 public:
  explicit Parser(std::vector<Problem>& problems) : in_(problems) {}

  Standard parse(const Json& doc) {
    Standard s;
    if (!in_.isObject(doc, "$")) return s;
    in_.rejectUnknown(
        doc, "$",
        {"id", "version", "category", "title", "description", "effective_from", "direction",
         "na_point_thresholds", "sections", "grades", "max_critical_failures", "validity_months",
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
    s.direction = direction(doc, "$").value_or(Direction::HigherIsBetter);
    if (auto na = in_.string(doc, "$", "na_point_thresholds", false)) {
      if (*na == "fixed")
        s.naPointThresholds = NaPointThresholds::Fixed;
      else if (*na == "scale")
        s.naPointThresholds = NaPointThresholds::Scaled;
      else
        in_.problem("$.na_point_thresholds", "must be 'fixed' or 'scale'");
    }
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
    return s;
  }

  const DocumentPaths& paths() const { return paths_; }

 private:
  std::string id(const Json& obj, const std::string& path, const std::regex& pattern) {
    auto value = in_.string(obj, path, "id");
    if (value && !std::regex_match(*value, pattern))
      in_.problem(JsonReader::child(path, "id"),
                  "must be lower-case letters, digits, '.', '_' or '-' (at most 40)");
    return value.value_or("");
  }

  std::optional<Direction> direction(const Json& obj, const std::string& path) {
    auto text = in_.string(obj, path, "direction", false);
    if (!text) return std::nullopt;
    auto parsed = directionFromString(*text);
    if (!parsed)
      in_.problem(JsonReader::child(path, "direction"),
                  "must be 'higher_is_better' or 'lower_is_better'");
    return parsed;
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
        item((*items)[i], JsonReader::child(JsonReader::child(path, "items"), i), s, out);
    s.sections.push_back(std::move(out));
  }

  void item(const Json& doc, const std::string& path, const Standard& s, Section& section) {
    if (!in_.isObject(doc, path)) return;
    in_.rejectUnknown(
        doc, path,
        {"id", "title", "guidance", "kind", "direction", "max", "step", "values", "pass_min",
         "pass_max", "mandatory_for", "not_mandatory_for", "critical", "na_allowed"});
    Item out;
    out.id = id(doc, path, kItemId);
    if (!out.id.empty() && !itemIds_.insert(out.id).second)
      in_.problem(JsonReader::child(path, "id"), "duplicate item id '" + out.id + "'");
    out.title = in_.text(doc, path, "title");
    out.guidance = in_.text(doc, path, "guidance", false);
    out.direction = direction(doc, path).value_or(s.direction);
    auto kind = in_.string(doc, path, "kind");
    if (kind == "pass_fail") {
      out.kind = ItemKind::PassFail;
      for (std::string_view key : {"max", "step", "values", "pass_min", "pass_max", "direction"})
        if (doc.contains(key))
          in_.problem(JsonReader::child(path, key), "only points items take this field");
    } else if (kind == "points") {
      points(doc, path, out);
    } else if (kind) {
      in_.problem(JsonReader::child(path, "kind"), "must be 'points' or 'pass_fail'");
    }
    out.mandatoryFor = in_.stringList(doc, path, "mandatory_for");
    out.notMandatoryFor = in_.stringList(doc, path, "not_mandatory_for");
    out.critical = in_.boolean(doc, path, "critical", false).value_or(false);
    out.naAllowed = in_.boolean(doc, path, "na_allowed", false).value_or(false);
    if (out.kind == ItemKind::Points && !out.passLimit &&
        (out.critical || !out.mandatoryFor.empty()))
      in_.problem(JsonReader::child(path, passKey(out)),
                  "required for a critical or mandatory points item (it defines failing)");
    paths_.items[out.id] = path;
    section.items.push_back(std::move(out));
  }

  static std::string_view passKey(const Item& item) {
    return item.direction == Direction::HigherIsBetter ? "pass_min" : "pass_max";
  }

  void points(const Json& doc, const std::string& path, Item& out) {
    out.kind = ItemKind::Points;
    if (doc.contains("values")) {
      allowedValues(doc, path, out);
    } else {
      out.max = in_.number(doc, path, "max").value_or(0);
      out.step = in_.number(doc, path, "step", false).value_or(1);
      if (out.max <= 0 || out.max > kMaxPoints)
        in_.problem(JsonReader::child(path, "max"), "must be greater than 0 and at most 10000");
      if (out.step <= 0) {
        in_.problem(JsonReader::child(path, "step"), "must be greater than 0");
        out.step = 1;
      } else if (out.max > 0 && out.max / out.step > kMaxSteps) {
        in_.problem(JsonReader::child(path, "step"), "at most 1000 steps from 0 to max");
        out.step = out.max;
      } else if (out.max > 0 && !isMultipleOf(out.max, out.step)) {
        in_.problem(JsonReader::child(path, "max"), "must be a multiple of step");
      }
    }
    bool merit = out.direction == Direction::HigherIsBetter;
    std::string_view wrong = merit ? "pass_max" : "pass_min";
    if (doc.contains(wrong))
      in_.problem(JsonReader::child(path, wrong),
                  merit ? "a higher_is_better item fails below pass_min"
                        : "a lower_is_better item fails above pass_max");
    out.passLimit = in_.number(doc, path, passKey(out), false);
    if (!out.passLimit) return;
    bool inRange = merit ? *out.passLimit > 0 && *out.passLimit <= out.max
                         : *out.passLimit >= 0 && *out.passLimit < out.max;
    if (!inRange)
      in_.problem(JsonReader::child(path, passKey(out)),
                  merit ? "must be greater than 0 and at most max"
                        : "must be at least 0 and less than max");
  }

  void allowedValues(const Json& doc, const std::string& path, Item& out) {
    for (std::string_view key : {"max", "step"})
      if (doc.contains(key))
        in_.problem(JsonReader::child(path, key),
                    "not taken with values (the largest value is the maximum)");
    const std::string here = JsonReader::child(path, "values");
    if (!doc["values"].is_array()) {
      in_.problem(here, "expected an array");
      return;
    }
    out.values = in_.numberList(doc, path, "values");
    if (out.values.size() < 2) in_.problem(here, "needs at least two values");
    if (out.values.size() > kMaxValues) in_.problem(here, "at most 1000 values");
    for (std::size_t i = 0; i < out.values.size(); ++i) {
      if (out.values[i] < 0 || out.values[i] > kMaxPoints)
        in_.problem(JsonReader::child(here, i), "must be between 0 and 10000");
      else if (i > 0 && out.values[i] <= out.values[i - 1])
        in_.problem(JsonReader::child(here, i), "values must rise strictly");
    }
    out.max = out.values.empty() ? 0 : out.values.back();
    if (out.max <= 0) in_.problem(here, "the largest value must be greater than 0");
  }

  void grade(const Json& doc, const std::string& path, Standard& s) {
    if (!in_.isObject(doc, path)) return;
    in_.rejectUnknown(
        doc, path,
        {"id", "title", "min_total_share", "min_section_share", "min_total_points",
         "max_total_points", "min_section_points", "max_section_points", "min_item_points",
         "max_item_points", "max_critical_failures", "min_conformity", "required_items"});
    Grade out;
    out.id = id(doc, path, kItemId);
    if (!out.id.empty() && s.findGrade(out.id))
      in_.problem(JsonReader::child(path, "id"), "duplicate grade id '" + out.id + "'");
    out.title = in_.text(doc, path, "title");
    bool merit = s.direction == Direction::HigherIsBetter;
    for (std::string_view key : {"min_total_share", "min_section_share"})
      if (!merit && doc.contains(key))
        in_.problem(JsonReader::child(path, key),
                    "a lower_is_better standard has no shares: use max_total_points or "
                    "max_section_points");
    if (merit) {
      out.minTotalShare = share(doc, path, "min_total_share");
      out.minSectionShare = share(doc, path, "min_section_share");
    }
    std::string_view totalKey = merit ? "min_total_points" : "max_total_points";
    std::string_view sectionKey = merit ? "min_section_points" : "max_section_points";
    for (std::string_view key : {merit ? "max_total_points" : "min_total_points",
                                 merit ? "max_section_points" : "min_section_points"})
      if (doc.contains(key))
        in_.problem(JsonReader::child(path, key),
                    std::string("the standard is ") + std::string(toString(s.direction)) +
                        ": use " + std::string(key.starts_with("min") ? "max" : "min") +
                        std::string(key.substr(3)));
    out.totalPoints = in_.number(doc, path, totalKey, false);
    out.sectionPoints = in_.numberMap(doc, path, sectionKey);
    itemLimits(doc, path, Direction::HigherIsBetter, s, out);
    itemLimits(doc, path, Direction::LowerIsBetter, s, out);
    out.maxCriticalFailures = bounded(doc, path, "max_critical_failures", 0, 100, false);
    out.minConformity = share(doc, path, "min_conformity");
    out.requiredItems = in_.stringList(doc, path, "required_items");
    paths_.grades.push_back(path);
    s.grades.push_back(std::move(out));
  }

  /// min_item_points name merit items, max_item_points penalty items; each limit must be a
  /// score the item can reach.
  void itemLimits(const Json& doc, const std::string& path, Direction direction, const Standard& s,
                  Grade& out) {
    bool merit = direction == Direction::HigherIsBetter;
    std::string_view key = merit ? "min_item_points" : "max_item_points";
    const std::string here = JsonReader::child(path, key);
    for (auto& limit : in_.numberMap(doc, path, key)) {
      const Item* item = findParsedItem(s, limit.id);
      const std::string at = JsonReader::child(here, limit.id);
      if (!item || item->kind != ItemKind::Points) {
        in_.problem(at, "names no points item");
      } else if (item->direction != direction) {
        in_.problem(at, "item '" + limit.id + "' is " + std::string(toString(item->direction)) +
                            ": limit it with " + (merit ? "max_item_points" : "min_item_points"));
      } else if (limit.points < 0 || limit.points > item->max ||
                 !item->nearestMeeting(limit.points)) {
        in_.problem(at, "no allowed score of item '" + limit.id + "' meets it");
      } else {
        out.itemPoints.push_back(std::move(limit));
      }
    }
  }

  std::optional<double> share(const Json& doc, const std::string& path, std::string_view key) {
    auto value = in_.number(doc, path, key, false);
    if (value && (*value < 0 || *value > 1))
      in_.problem(JsonReader::child(path, key), "a share must be between 0 and 1");
    return value;
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

  JsonReader in_;
  std::set<std::string> sectionIds_;
  std::set<std::string> itemIds_;
  DocumentPaths paths_;
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
  Parser parser(problems);
  Standard standard = parser.parse(doc);
  lintStandard(standard, parser.paths(), problems);
  if (!problems.empty()) throw InvalidStandard(file, std::move(problems));
  standard.document = std::move(doc);
  standard.indexItems();
  return standard;
}

}  // namespace tisheng::rules
