#pragma once

#include <array>
#include <optional>
#include <string_view>
#include <utility>

namespace tisheng::domain {

/// The words an enum is stored and sent as, one row per value.
template <typename Enum, std::size_t N>
using Words = std::array<std::pair<Enum, std::string_view>, N>;

template <typename Enum, std::size_t N>
constexpr std::string_view wordOf(const Words<Enum, N>& words, Enum value) {
  for (const auto& [candidate, word] : words)
    if (candidate == value) return word;
  return {};
}

template <typename Enum, std::size_t N>
constexpr std::optional<Enum> valueOf(const Words<Enum, N>& words, std::string_view text) {
  for (const auto& [value, word] : words)
    if (word == text) return value;
  return std::nullopt;
}

}  // namespace tisheng::domain
