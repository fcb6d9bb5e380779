// The standard loader: any text is either a valid standard or a list of problems, each with a
// JSON path. A valid standard is then evaluated on sheets at the best and the worst allowed
// score of every item, so that strange but valid standards exercise the evaluator too.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "rules/Evaluator.h"
#include "rules/Problem.h"
#include "rules/StandardParser.h"

namespace {

using tisheng::rules::ItemKind;
using tisheng::rules::Score;
using tisheng::rules::ScoreSheet;
using tisheng::rules::Standard;

ScoreSheet extremeSheet(const Standard& standard, bool best) {
  ScoreSheet sheet;
  for (const auto& section : standard.sections)
    for (const auto& item : section.items) {
      if (item.kind == ItemKind::PassFail) {
        sheet[item.id] = best ? Score::pass() : Score::fail();
      } else {
        double worst = item.direction == tisheng::rules::Direction::HigherIsBetter
                           ? (item.values.empty() ? 0 : item.values.front())
                           : item.max;
        sheet[item.id] = Score::of(best ? item.best() : worst);
      }
    }
  return sheet;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    auto standard = tisheng::rules::parseStandard(
        std::string_view(reinterpret_cast<const char*>(data), size), "fuzz.json");
    for (bool best : {true, false})
      (void)tisheng::rules::evaluate(standard, extremeSheet(standard, best));
  } catch (const tisheng::rules::InvalidStandard& invalid) {
    for (const auto& problem : invalid.problems())
      if (!problem.path.starts_with("$") || problem.message.empty()) std::abort();
  }
  return 0;
}
