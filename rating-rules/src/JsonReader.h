#pragma once

#include <initializer_list>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rules/Problem.h"
#include "rules/Standard.h"

namespace tisheng::rules {

using Json = nlohmann::ordered_json;

/// Typed, path-aware access to a JSON document that records a Problem for every missing field,
/// wrong type or unknown field instead of throwing, so one pass reports everything wrong.
/// Not thread-safe; owns nothing but a reference to the problem list it appends to.
class JsonReader {
 public:
  explicit JsonReader(std::vector<Problem>& problems) : problems_(problems) {}

  void problem(std::string path, std::string message);

  static std::string child(const std::string& path, std::string_view key);
  static std::string child(const std::string& path, std::size_t index);

  /// True when value is an object; records a problem otherwise.
  bool isObject(const Json& value, const std::string& path);
  /// Records a problem for every field of obj that is not in allowed.
  void rejectUnknown(const Json& obj, const std::string& path,
                     std::initializer_list<std::string_view> allowed);

  const Json* field(const Json& obj, const std::string& path, std::string_view key, bool required);
  std::optional<std::string> string(const Json& obj, const std::string& path, std::string_view key,
                                    bool required = true);
  std::optional<double> number(const Json& obj, const std::string& path, std::string_view key,
                               bool required = true);
  std::optional<int> integer(const Json& obj, const std::string& path, std::string_view key,
                             bool required = true);
  std::optional<bool> boolean(const Json& obj, const std::string& path, std::string_view key,
                              bool required = true);
  /// The array at key (nullptr, with a problem, when absent or not an array).
  const Json* array(const Json& obj, const std::string& path, std::string_view key,
                    bool required = true);
  std::vector<std::string> stringList(const Json& obj, const std::string& path,
                                      std::string_view key);
  /// An array of numbers (empty, with a problem per bad element, when it is not one).
  std::vector<double> numberList(const Json& obj, const std::string& path, std::string_view key);
  /// An object of name → number, in document order.
  std::vector<PointsLimit> numberMap(const Json& obj, const std::string& path,
                                     std::string_view key);
  /// An object {"zh": ..., "en": ...}; both languages are required.
  LocalizedText text(const Json& obj, const std::string& path, std::string_view key,
                     bool required = true);

 private:
  std::vector<Problem>& problems_;
};

}  // namespace tisheng::rules
