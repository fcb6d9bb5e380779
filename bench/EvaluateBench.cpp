// Evaluation throughput of the homestay standard on one core: sheets per second.
// Usage: tisheng-bench-evaluate [SECONDS] [STANDARDS_DIR]
#include <chrono>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include "rules/Evaluator.h"
#include "rules/StandardRegistry.h"

using namespace tisheng::rules;

namespace {

/// Random but valid sheets: each item scored on its step grid, pass/fail items failing 2% of the
/// time and allowed n/a items n/a 10% of the time, so every code path is exercised.
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
        } else {
          int steps = static_cast<int>(item.max / item.step);
          int low = steps / 2;
          sheet[item.id] =
              Score::of(item.step * (low + static_cast<int>(unit(random) * (steps - low + 1))));
        }
      }
  return sheets;
}

}  // namespace

int main(int argc, char** argv) {
  double seconds = argc > 1 ? std::stod(argv[1]) : 3.0;
  std::string dir = argc > 2 ? argv[2] : TISHENG_SOURCE_DIR "/rating-rules/standards";
  auto registry = StandardRegistry::load(dir);
  auto standard = registry.latest("homestay");
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
