#include "rules/ScoreSheet.h"

#include "rules/Problem.h"

namespace tisheng::rules {

ScoreSheet scoreSheetFromJson(const nlohmann::ordered_json& scores) {
  if (!scores.is_object())
    throw InvalidScoreSheet(
        std::vector<Problem>{{"scores", "expected an object of item id to score"}});
  ScoreSheet sheet;
  std::vector<Problem> problems;
  for (const auto& [itemId, value] : scores.items()) {
    if (itemId.empty()) {
      problems.push_back({"scores", "an item id must not be empty"});
    } else if (value.is_number()) {
      sheet[itemId] = Score::of(value.get<double>());
    } else if (value == "pass") {
      sheet[itemId] = Score::pass();
    } else if (value == "fail") {
      sheet[itemId] = Score::fail();
    } else if (value == "n/a") {
      sheet[itemId] = Score::notApplicable();
    } else {
      problems.push_back({itemId, "expected a number, \"pass\", \"fail\" or \"n/a\""});
    }
  }
  if (!problems.empty()) throw InvalidScoreSheet(std::move(problems));
  return sheet;
}

std::string scoreField(const Problem& problem) {
  return problem.path == "scores" ? problem.path : "scores." + problem.path;
}

nlohmann::ordered_json toJson(const ScoreSheet& sheet) {
  nlohmann::ordered_json out = nlohmann::ordered_json::object();
  for (const auto& [itemId, score] : sheet) {
    switch (score.kind) {
      case Score::Kind::Points: out[itemId] = score.points; break;
      case Score::Kind::Pass: out[itemId] = "pass"; break;
      case Score::Kind::Fail: out[itemId] = "fail"; break;
      case Score::Kind::NotApplicable: out[itemId] = "n/a"; break;
    }
  }
  return out;
}

}  // namespace tisheng::rules
