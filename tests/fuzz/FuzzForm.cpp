// Form bodies (complaints, objections): decoded fields, then the text and id checks they meet.
#include <cstddef>
#include <cstdint>
#include <string>

#include "domain/Text.h"
#include "http/Form.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto fields = tisheng::http::parseForm(std::string(reinterpret_cast<const char*>(data), size));
  for (const auto& [name, value] : fields) {
    (void)tisheng::domain::textProblem(value, true);
    (void)tisheng::domain::isBlank(value);
    (void)tisheng::domain::characterCount(value);
    (void)tisheng::domain::parseId(value);
  }
  return 0;
}
