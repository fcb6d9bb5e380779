// The score-sheet reader against each shipped and example standard: read, check, evaluate. Every
// rejection names the item (or `scores`) at fault.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>
#include <vector>

#include "rules/Evaluator.h"
#include "rules/Problem.h"
#include "rules/ScoreSheet.h"
#include "rules/StandardRegistry.h"
#include "rules/StrictJson.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const auto standards = [] {
    std::vector<std::shared_ptr<const tisheng::rules::Standard>> all;
    for (const char* dir : {"/rating-rules/standards", "/rating-rules/examples"})
      for (const auto& standard :
           tisheng::rules::StandardRegistry::load(std::string(TISHENG_SOURCE_DIR) + dir)
               .latestOfEach())
        all.push_back(standard);
    return all;
  }();
  auto named = [](const tisheng::rules::InvalidScoreSheet& invalid) {
    for (const auto& problem : invalid.problems())
      if (problem.path.empty() || problem.message.empty()) std::abort();
  };
  try {
    auto json = tisheng::rules::parseStrictJson(
        std::string_view(reinterpret_cast<const char*>(data), size));
    auto sheet = tisheng::rules::scoreSheetFromJson(json);
    for (const auto& standard : standards) {
      try {
        tisheng::rules::checkScores(*standard, sheet);
        (void)tisheng::rules::evaluate(*standard, sheet);
      } catch (const tisheng::rules::InvalidScoreSheet& invalid) {
        named(invalid);
      }
    }
  } catch (const tisheng::rules::JsonError&) {
  } catch (const tisheng::rules::InvalidScoreSheet& invalid) {
    named(invalid);
  }
  return 0;
}
