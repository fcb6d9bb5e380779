#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <string_view>

namespace tisheng::rules {

/// Limits of parseStrictJson. The defaults suit every document the project reads: request
/// bodies, standards, key metadata, JWKS and status lists are at most a few levels deep.
struct JsonLimits {
  std::size_t maxDepth = 64;  ///< nesting of arrays and objects; the top value is depth 1
};

/// Why a document was refused: where (a path such as `.scores.hygiene` or `.items[3]`, empty
/// for the document as a whole) and a message safe to show to whoever sent it (syntax errors
/// name the byte offset).
class JsonError : public std::runtime_error {
 public:
  JsonError(std::string path, const std::string& message)
      : std::runtime_error(message), path_(std::move(path)) {}
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

/// Parses text as one JSON value and refuses, instead of building it, anything that an
/// ordinary parser accepts but a careful reader must not: nesting past limits.maxDepth (checked
/// before the value is built, so no input can exhaust the stack later), numbers outside the
/// range of a double (1e400), duplicate keys in an object, and U+0000 in strings or keys.
/// Also refuses malformed JSON and trailing content. Throws JsonError; thread-safe.
nlohmann::ordered_json parseStrictJson(std::string_view text, const JsonLimits& limits = {});

}  // namespace tisheng::rules
