// Uploaded photos and evidence: decoded, limited and re-encoded, or refused.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "services/Errors.h"
#include "services/ImageSanitizer.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    // A small pixel limit keeps each run fast; the limit's own check is what matters.
    tisheng::services::sanitizeImage(std::string_view(reinterpret_cast<const char*>(data), size),
                                     {.maxPixels = 1 << 20});
  } catch (const tisheng::services::Invalid&) {
  }
  return 0;
}
