// Properties of evaluation over random sheets, on every shipped and example standard.
#include <catch2/catch.hpp>
#include <cmath>
#include <map>
#include <random>

#include "rules/Evaluator.h"
#include "rules/StandardParser.h"
#include "rules/StandardRegistry.h"
#include "support/Grades.h"

using tisheng::rules::Blocker;
using tisheng::rules::EvaluationResult;
using tisheng::rules::Item;
using tisheng::rules::ItemKind;
using tisheng::rules::Score;
using tisheng::rules::ScoreSheet;
using tisheng::rules::Standard;
using Json = nlohmann::ordered_json;

namespace {

std::vector<std::shared_ptr<const Standard>> allStandards() {
  std::vector<std::shared_ptr<const Standard>> out;
  for (const char* dir : {"/rating-rules/standards", "/rating-rules/examples"})
    for (const auto& standard :
         tisheng::rules::StandardRegistry::load(std::string(TISHENG_SOURCE_DIR) + dir)
             .latestOfEach())
      out.push_back(standard);
  return out;
}

/// Every score an item allows, ascending.
std::vector<double> allowed(const Item& item) {
  if (!item.values.empty()) return item.values;
  std::vector<double> out;
  auto steps = std::llround(item.max / item.step);
  for (long long k = 0; k <= steps; ++k) out.push_back(static_cast<double>(k) * item.step);
  return out;
}

/// A random sheet of one of three kinds, so that every grade and no grade come up: near the
/// best (quality 0), anything allowed (1), or poor (2).
ScoreSheet randomSheet(const Standard& standard, std::mt19937& random, int quality) {
  std::uniform_real_distribution<double> unit(0, 1);
  double failing = quality == 0 ? 0.01 : quality == 1 ? 0.15 : 0.4;
  ScoreSheet sheet;
  for (const auto& section : standard.sections)
    for (const auto& item : section.items) {
      if (item.naAllowed && unit(random) < 0.15) {
        sheet[item.id] = Score::notApplicable();
      } else if (item.kind == ItemKind::PassFail) {
        sheet[item.id] = unit(random) < failing ? Score::fail() : Score::pass();
      } else {
        auto values = allowed(item);
        std::size_t last = values.size() - 1;
        std::size_t from = quality == 0 ? last - std::min<std::size_t>(last, 1) : 0;
        std::size_t to = quality == 2 ? last / 2 : last;
        std::size_t notch = std::uniform_int_distribution<std::size_t>(from, to)(random);
        bool merit = item.direction == tisheng::rules::Direction::HigherIsBetter;
        sheet[item.id] = Score::of(values[merit ? notch : last - notch]);
      }
    }
  return sheet;
}

int rankOf(const Standard& standard, const EvaluationResult& result) {
  for (std::size_t g = 0; g < standard.grades.size(); ++g)
    if (result.grade == standard.grades[g].id) return static_cast<int>(g);
  return static_cast<int>(standard.grades.size());
}

/// The next better score of an item (one notch up, or down for penalty items); nullopt at best.
std::optional<Score> better(const Item& item, const Score& score) {
  if (score.kind == Score::Kind::Fail) return Score::pass();
  if (score.kind != Score::Kind::Points) return std::nullopt;
  auto values = allowed(item);
  bool merit = item.direction == tisheng::rules::Direction::HigherIsBetter;
  for (std::size_t i = 0; i < values.size(); ++i)
    if (std::fabs(values[i] - score.points) < 1e-9) {
      if (merit && i + 1 < values.size()) return Score::of(values[i + 1]);
      if (!merit && i > 0) return Score::of(values[i - 1]);
    }
  return std::nullopt;
}

/// Changes scores in scope (one section, or all when sectionId is empty) so that together they
/// improve by exactly `points`; false when no choice of allowed scores does.
bool improveBy(const Standard& standard, ScoreSheet& sheet, const std::string& sectionId,
               double points) {
  long long target = std::llround(points * 1000);
  // reach: improvement (thousandths) → the changes that make it.
  std::map<long long, std::vector<std::pair<std::string, double>>> reach{{0, {}}};
  for (const auto& section : standard.sections) {
    if (!sectionId.empty() && section.id != sectionId) continue;
    for (const auto& item : section.items) {
      const Score& score = sheet[item.id];
      if (item.kind != ItemKind::Points || score.kind != Score::Kind::Points) continue;
      auto next = reach;
      for (double value : allowed(item)) {
        long long gain = std::llround(std::fabs(value - score.points) * 1000);
        if (gain == 0 || !item.meets(value, score.points)) continue;
        for (const auto& [sum, changes] : reach)
          if (sum + gain <= target && !next.count(sum + gain)) {
            auto more = changes;
            more.emplace_back(item.id, value);
            next[sum + gain] = more;
          }
      }
      reach = std::move(next);
    }
  }
  auto found = reach.find(target);
  if (found == reach.end()) return false;
  for (const auto& [id, value] : found->second) sheet[id] = Score::of(value);
  return true;
}

/// The document with every section's items, and the sections, in reverse order.
std::shared_ptr<const Standard> reordered(const Standard& standard) {
  Json doc = standard.document;
  auto& sections = doc["sections"];
  std::reverse(sections.begin(), sections.end());
  for (auto& section : sections) std::reverse(section["items"].begin(), section["items"].end());
  return std::make_shared<const Standard>(tisheng::rules::parseStandard(doc.dump(), "reordered"));
}

}  // namespace

TEST_CASE("Properties over random sheets", "[unit]") {
  std::mt19937 random(20261126);
  for (const auto& standard : allStandards()) {
    auto shuffled = reordered(*standard);
    std::vector<int> reached(standard->grades.size() + 1);
    for (int n = 0; n < 300; ++n) {
      ScoreSheet sheet = randomSheet(*standard, random, n % 3);
      auto result = evaluate(*standard, sheet);
      int rank = rankOf(*standard, result);
      ++reached[rank];
      CAPTURE(standard->id, n, Json(toJson(sheet)).dump());

      // The same sheet on the same standard with items and sections in another order.
      auto again = evaluate(*shuffled, sheet);
      CHECK(again.grade == result.grade);
      CHECK(again.total == Approx(result.total));
      for (std::size_t g = 0; g < result.grades.size(); ++g)
        CHECK(again.grades[g].blockers.size() == result.grades[g].blockers.size());

      // The grade reached is the best grade without blockers; every better one has some.
      for (std::size_t g = 0; g < result.grades.size(); ++g) {
        if (static_cast<int>(g) < rank) CHECK_FALSE(result.grades[g].met());
        if (static_cast<int>(g) == rank) CHECK(result.grades[g].met());
      }

      // Improving any single score never costs a grade.
      for (const auto& [itemId, score] : sheet) {
        auto up = better(*standard->findItem(itemId), score);
        if (!up) continue;
        ScoreSheet raised = sheet;
        raised[itemId] = *up;
        CAPTURE(itemId);
        CHECK(rankOf(*standard, evaluate(*standard, raised)) <= rank);
      }

      // Advice names values a sheet can reach, and acting on it removes the blocker.
      for (const auto& check : result.grades)
        for (const auto& blocker : check.blockers) {
          CAPTURE(check.gradeId, static_cast<int>(blocker.kind), blocker.sectionId);
          switch (blocker.kind) {
            case Blocker::Kind::TotalShare:
            case Blocker::Kind::TotalPoints:
            case Blocker::Kind::SectionShare:
            case Blocker::Kind::SectionPoints: {
              if (!blocker.reachable) break;
              ScoreSheet acted = sheet;
              REQUIRE(improveBy(*standard, acted, blocker.sectionId, blocker.pointsNeeded));
              CHECK_FALSE(tisheng::test::blockerOf(evaluate(*standard, acted), check.gradeId,
                                                   blocker.kind, blocker.sectionId));
              break;
            }
            case Blocker::Kind::ItemPoints: {
              const Item& item = *standard->findItem(blocker.items.front());
              CHECK(item.allows(blocker.target));
              CHECK(item.meets(blocker.target, blocker.required));
              break;
            }
            case Blocker::Kind::Conformity:
              CHECK(blocker.itemsNeeded >= 1);
              CHECK(blocker.itemsNeeded <= result.checked - result.conforming);
              CHECK(static_cast<double>(result.conforming + blocker.itemsNeeded) / result.checked >=
                    blocker.required - 1e-9);
              CHECK(static_cast<double>(result.conforming + blocker.itemsNeeded - 1) /
                        result.checked <
                    blocker.required);
              break;
            default: break;
          }
        }
    }
    // The random sheets reach the best grade now and then, and several other outcomes.
    CAPTURE(standard->id, reached);
    CHECK(reached.front() > 0);
    CHECK(std::count_if(reached.begin(), reached.end(), [](int n) { return n > 0; }) >= 3);
  }
}
