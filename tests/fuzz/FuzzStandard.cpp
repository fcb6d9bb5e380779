// The standard loader: any text is either a valid standard or a list of problems.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "rules/Problem.h"
#include "rules/StandardParser.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    tisheng::rules::parseStandard(std::string_view(reinterpret_cast<const char*>(data), size),
                                  "fuzz.json");
  } catch (const tisheng::rules::InvalidStandard&) {
  }
  return 0;
}
