#pragma once

#include <algorithm>
#include <cstddef>
#include <string_view>

namespace tisheng::domain {

/// Characters, not bytes, of UTF-8 text (a Chinese character is 3 bytes; continuation bytes,
/// 10xxxxxx, do not start a character). Limits users read ("at most 300 characters") use this.
inline std::size_t characterCount(std::string_view text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

}  // namespace tisheng::domain
