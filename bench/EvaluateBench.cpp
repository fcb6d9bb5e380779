// Evaluation throughput of one standard (homestay unless named) on one core: sheets per second.
// Usage: tisheng-bench-evaluate [SECONDS] [STANDARDS_DIR] [STANDARD_ID]
#include <chrono>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include "rules/Evaluator.h"
#include "rules/StandardRegistry.h"

using namespace tisheng::rules;

namespace {

/// Random but valid sheets: each item scored on its step grid (or from its allowed values) in the
/// better half, pass/fail items failing 2% of the time and allowed n/a items n/a 10% of the time,
/// so every code path is exercised.
std::vector<ScoreSheet> randomSheets(const Standard& standard, int count) {
  std::mt19937 random(20261125);
  std::uniform_real_distribution<double> unit(0, 1);
  std::vector<ScoreSheet> sheets(count);
  for (auto& sheet : sheets)
    for (const auto& section : standard.sections)
      for (const auto& item : section.items) {
        if (item.naAllowed && unit(random) < 0.1) {
          sheet[item.id] = Score::notApplicable();
        } else if (item.kind == ItemKind::PassFail) {
          sheet[item.id] = unit(random) < 0.02 ? Score::fail() : Score::pass();
        } else if (!item.values.empty()) {
          auto half = item.values.size() / 2;
          auto pick = half + static_cast<std::size_t>(unit(random) * (item.values.size() - half));
          bool merit = item.direction == Direction::HigherIsBetter;
          sheet[item.id] = Score::of(item.values[merit ? pick : item.values.size() - 1 - pick]);
        } else {
          int steps = static_cast<int>(item.max / item.step);
          int low = steps / 2;
          int pick = low + static_cast<int>(unit(random) * (steps - low + 1));
          if (item.direction == Direction::LowerIsBetter) pick = steps - pick;
          sheet[item.id] = Score::of(item.step * pick);
        }
      }
  return sheets;
}

}  // namespace

int main(int argc, char** argv) {
  double seconds = argc > 1 ? std::stod(argv[1]) : 3.0;
  std::string dir = argc > 2 ? argv[2] : TISHENG_SOURCE_DIR "/rating-rules/standards";
  std::string id = argc > 3 ? argv[3] : "homestay";
  auto registry = StandardRegistry::load(dir);
  auto standard = registry.latest(id);
  if (!standard) {
    std::fprintf(stderr, "no standard '%s' in %s\n", id.c_str(), dir.c_str());
    return 1;
  }
  auto sheets = randomSheets(*standard, 1000);

  std::vector<int> grades(standard->grades.size() + 1);
  long evaluated = 0;
  auto start = std::chrono::steady_clock::now();
  std::chrono::duration<double> elapsed{};
  while (elapsed.count() < seconds) {
    for (const auto& sheet : sheets) {
      auto result = evaluate(*standard, sheet);
      std::size_t index = standard->grades.size();
      for (std::size_t g = 0; g < standard->grades.size(); ++g)
        if (result.grade == standard->grades[g].id) index = g;
      ++grades[index];
    }
    evaluated += static_cast<long>(sheets.size());
    elapsed = std::chrono::steady_clock::now() - start;
  }
  std::printf("standard: %s v%d (%zu items)\n", standard->id.c_str(), standard->version,
              standard->itemCount());
  std::printf("evaluated %ld sheets in %.2f s on one thread: %.0f sheets/s (%.2f us each)\n",
              evaluated, elapsed.count(), evaluated / elapsed.count(),
              1e6 * elapsed.count() / evaluated);
  std::printf("grades:");
  for (std::size_t g = 0; g < standard->grades.size(); ++g)
    std::printf(" %s=%d", standard->grades[g].id.c_str(), grades[g]);
  std::printf(" none=%d\n", grades.back());
  return 0;
}
