#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>

namespace tisheng::security {

/// What a new password must be: 12 to 200 characters, not one of the common passwords shipped
/// as data (config/common-passwords.txt), not the username, and more than a few distinct
/// characters. Immutable after construction; thread-safe.
class PasswordPolicy {
 public:
  static constexpr std::size_t kMinCharacters = 12;
  static constexpr std::size_t kMaxBytes = 200;

  /// Only the length and character rules (no list): for tools and tests that need no file.
  PasswordPolicy() = default;
  /// Reads the list: one password per line, '#' starts a comment line. Throws
  /// std::runtime_error when the file cannot be read, so a deployment never runs without it.
  static PasswordPolicy load(const std::filesystem::path& commonPasswords);

  /// Why password is refused for username, or nullopt when it is acceptable.
  std::optional<std::string> problem(std::string_view password, std::string_view username) const;

 private:
  std::unordered_set<std::string> common_;  ///< lower-case
};

}  // namespace tisheng::security
