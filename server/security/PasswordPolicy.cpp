#include "security/PasswordPolicy.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <set>
#include <stdexcept>

#include "domain/Text.h"

namespace tisheng::security {

namespace {
std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}
}  // namespace

PasswordPolicy PasswordPolicy::load(const std::filesystem::path& commonPasswords) {
  std::ifstream in(commonPasswords);
  if (!in)
    throw std::runtime_error(commonPasswords.string() + ": cannot read the common-password list");
  PasswordPolicy policy;
  for (std::string line; std::getline(in, line);)
    if (!line.empty() && line[0] != '#') policy.common_.insert(lower(line));
  return policy;
}

std::optional<std::string> PasswordPolicy::problem(std::string_view password,
                                                   std::string_view username) const {
  if (domain::characterCount(password) < kMinCharacters || password.size() > kMaxBytes)
    return "12 to 200 characters";
  if (const char* bad = domain::textProblem(password, false)) return bad;
  std::string folded = lower(password);
  if (common_.contains(folded)) return "a commonly used password; choose another";
  if (!username.empty() && folded.find(lower(username)) != std::string::npos)
    return "must not contain the username";
  if (std::set<char>(folded.begin(), folded.end()).size() < 5)
    return "too simple: use at least 5 different characters";
  return std::nullopt;
}

}  // namespace tisheng::security
