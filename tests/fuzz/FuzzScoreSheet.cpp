// The score-sheet reader against each shipped standard: read, check, evaluate.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "rules/Evaluator.h"
#include "rules/Problem.h"
#include "rules/ScoreSheet.h"
#include "rules/StandardRegistry.h"
#include "rules/StrictJson.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const auto registry =
      tisheng::rules::StandardRegistry::load(TISHENG_SOURCE_DIR "/rating-rules/standards");
  try {
    auto json = tisheng::rules::parseStrictJson(
        std::string_view(reinterpret_cast<const char*>(data), size));
    auto sheet = tisheng::rules::scoreSheetFromJson(json);
    for (const auto& standard : registry.latestOfEach()) {
      try {
        tisheng::rules::checkScores(*standard, sheet);
        (void)tisheng::rules::evaluate(*standard, sheet);
      } catch (const tisheng::rules::InvalidScoreSheet&) {
      }
    }
  } catch (const tisheng::rules::JsonError&) {
  } catch (const tisheng::rules::InvalidScoreSheet&) {
  }
  return 0;
}
