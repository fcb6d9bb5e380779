#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "rules/Problem.h"

namespace tisheng::rules {

/// An inspector's verdict on one item.
struct Score {
  enum class Kind { Points, Pass, Fail, NotApplicable };
  Kind kind = Kind::Points;
  double points = 0;

  static Score of(double points) { return {Kind::Points, points}; }
  static Score pass() { return {Kind::Pass, 0}; }
  static Score fail() { return {Kind::Fail, 0}; }
  static Score notApplicable() { return {Kind::NotApplicable, 0}; }
  bool operator==(const Score&) const = default;
};

/// Item id → score. Whether it fits a standard is checked by evaluate().
using ScoreSheet = std::map<std::string, Score, std::less<>>;

/// Reads `{"item-id": 3 | "pass" | "fail" | "n/a", ...}`. Throws InvalidScoreSheet naming every
/// item whose value is neither a number nor one of those words (and `scores` for an empty id).
ScoreSheet scoreSheetFromJson(const nlohmann::ordered_json& scores);

/// The request field a score-sheet problem is about: `scores` for the sheet as a whole,
/// `scores.<item id>` for one item.
std::string scoreField(const Problem& problem);

/// The JSON form read by scoreSheetFromJson.
nlohmann::ordered_json toJson(const ScoreSheet& sheet);

}  // namespace tisheng::rules
