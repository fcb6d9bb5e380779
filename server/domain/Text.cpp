#include "domain/Text.h"

namespace tisheng::domain {

namespace {

/// Length of the well-formed UTF-8 sequence at text[at], or 0 (RFC 3629: no overlongs, no
/// surrogates, nothing past U+10FFFF).
std::size_t sequenceLength(std::string_view text, std::size_t at) {
  auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  unsigned char lead = byte(at);
  if (lead < 0x80) return 1;
  std::size_t length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC2 ? 2 : 0;
  if (length == 0 || lead > 0xF4 || at + length > text.size()) return 0;
  for (std::size_t i = 1; i < length; ++i)
    if ((byte(at + i) & 0xC0) != 0x80) return 0;
  unsigned char second = byte(at + 1);
  if ((lead == 0xE0 && second < 0xA0) || (lead == 0xED && second > 0x9F) ||
      (lead == 0xF0 && second < 0x90) || (lead == 0xF4 && second > 0x8F))
    return 0;
  return length;
}

}  // namespace

std::optional<std::int64_t> parseId(std::string_view text) {
  if (text.empty() || text.size() > 18 || text[0] == '0') return std::nullopt;
  std::int64_t id = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    id = id * 10 + (c - '0');
  }
  return id;
}

bool isBlank(std::string_view text) {
  static constexpr std::string_view kIdeographicSpace = "\u3000";
  for (std::size_t at = 0; at < text.size();) {
    if (text.substr(at, kIdeographicSpace.size()) == kIdeographicSpace) {
      at += kIdeographicSpace.size();
    } else if (text[at] == ' ' || text[at] == '\t' || text[at] == '\n' || text[at] == '\r') {
      ++at;
    } else {
      return false;
    }
  }
  return true;
}

const char* textProblem(std::string_view text, bool multiline) {
  for (std::size_t at = 0; at < text.size();) {
    std::size_t length = sequenceLength(text, at);
    if (length == 0) return "not valid UTF-8";
    if (length == 1) {
      char c = text[at];
      bool lineBreakOrTab = c == '\n' || c == '\r' || c == '\t';
      if ((static_cast<unsigned char>(c) < 0x20 || c == 0x7F) && !(multiline && lineBreakOrTab))
        return multiline ? "control characters are not allowed"
                         : "control characters and line breaks are not allowed";
    }
    at += length;
  }
  return nullptr;
}

}  // namespace tisheng::domain
