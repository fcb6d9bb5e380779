#pragma once

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "http/HttpError.h"
#include "http/Json.h"
#include "rules/Standard.h"

namespace tisheng::api {

/// Reads the fields of a JSON request body, collecting every problem (unknown fields, missing
/// required ones, wrong types, bad dates, text with control characters other than tab and line
/// breaks) so that finish() reports them all at once.
class BodyReader {
 public:
  BodyReader(const http::Json& body, std::initializer_list<const char*> allowed);

  std::optional<std::string> text(const char* key, bool required = false);
  /// A YYYY-MM-DD date, as days since 1970-01-01.
  std::optional<int> date(const char* key, bool required = false);
  std::optional<bool> boolean(const char* key);
  std::optional<std::int64_t> integer(const char* key, bool required = false);
  std::optional<std::vector<std::string>> strings(const char* key);
  /// Text in both languages, {"zh": ..., "en": ...}; en may be left out (then ""). Problems
  /// name the part ("name.zh").
  std::optional<rules::LocalizedText> localized(const char* key, bool required = false);
  /// A JSON object (e.g. scores keyed by item id).
  std::optional<http::Json> object(const char* key);
  /// One word of a fixed set (a kind, a status), read by parse; otherwise a problem saying
  /// which words are expected.
  template <typename Value>
  std::optional<Value> word(const char* key, std::optional<Value> (*parse)(std::string_view),
                            const char* expected, bool required = false) {
    auto value = text(key, required);
    if (!value) return std::nullopt;
    auto parsed = parse(*value);
    if (!parsed) errors_.push_back({key, expected});
    return parsed;
  }

  /// Throws http::ValidationError listing every problem found.
  void finish() const;

 private:
  const http::Json* field(const char* key, bool required);

  const http::Json& body_;
  std::vector<http::FieldError> errors_;
};

/// A path parameter that must be a canonical positive decimal id (domain::parseId); throws
/// http::NotFound otherwise.
std::int64_t idParam(const std::string& value, const std::string& what);

/// An integer query parameter; throws http::ValidationError naming it when it is not one.
std::optional<std::int64_t> integerQuery(const std::optional<std::string>& value,
                                         const std::string& name);

/// A query parameter that is one word of a fixed set, read by parse; throws
/// http::ValidationError naming it and the words expected otherwise.
template <typename Value>
std::optional<Value> wordQuery(const std::optional<std::string>& value, const std::string& name,
                               std::optional<Value> (*parse)(std::string_view),
                               const char* expected) {
  if (!value) return std::nullopt;
  auto parsed = parse(*value);
  if (!parsed) throw http::ValidationError(name, expected);
  return parsed;
}

}  // namespace tisheng::api
