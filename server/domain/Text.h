#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

namespace tisheng::domain {

/// Characters, not bytes, of UTF-8 text (a Chinese character is 3 bytes; continuation bytes,
/// 10xxxxxx, do not start a character). Limits users read ("at most 300 characters") use this.
inline std::size_t characterCount(std::string_view text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

/// The id written in text when it is a canonical positive decimal (1, 42; not 01, +1, 1.0,
/// " 1" or "1\0"), else nullopt. Ids in paths and forms are read only this way, so that one
/// record has exactly one address.
std::optional<std::int64_t> parseId(std::string_view text);

/// True when text shows nothing: empty, or only spaces (ASCII, U+3000 ideographic), tabs and
/// line breaks. Names and other required text must not be blank.
bool isBlank(std::string_view text);

/// Why text cannot be stored as something people wrote, or nullptr when it can: invalid UTF-8,
/// or control characters (U+0000..U+001F, U+007F) other than tab and line breaks, which only
/// multiline text (notes, descriptions) may contain.
const char* textProblem(std::string_view text, bool multiline);

}  // namespace tisheng::domain
