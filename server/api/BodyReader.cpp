#include "api/BodyReader.h"

#include <Poco/NumberParser.h>

#include <algorithm>

#include "certificates/CivilDate.h"
#include "domain/Text.h"

namespace tisheng::api {

BodyReader::BodyReader(const http::Json& body, std::initializer_list<const char*> allowed)
    : body_(body) {
  for (auto it = body.begin(); it != body.end(); ++it) {
    const std::string& key = it.key();
    if (std::none_of(allowed.begin(), allowed.end(),
                     [&key](const char* name) { return key == name; }))
      errors_.push_back({key, "unknown field"});
  }
}

const http::Json* BodyReader::field(const char* key, bool required) {
  auto it = body_.find(key);
  if (it == body_.end() || it->is_null()) {
    if (required) errors_.push_back({key, "required field is missing"});
    return nullptr;
  }
  return &*it;
}

std::optional<std::string> BodyReader::text(const char* key, bool required) {
  const http::Json* value = field(key, required);
  if (!value) return std::nullopt;
  if (!value->is_string()) {
    errors_.push_back({key, "expected a string"});
    return std::nullopt;
  }
  std::string out = value->get<std::string>();
  if (const char* problem = domain::textProblem(out, true)) {
    errors_.push_back({key, problem});
    return std::nullopt;
  }
  return out;
}

std::optional<rules::LocalizedText> BodyReader::localized(const char* key, bool required) {
  const http::Json* value = field(key, required);
  if (!value) return std::nullopt;
  std::string name(key);
  if (!value->is_object()) {
    errors_.push_back({name, "expected {\"zh\": ..., \"en\": ...}"});
    return std::nullopt;
  }
  BodyReader parts(*value, {"zh", "en"});
  auto zh = parts.text("zh", true);
  auto en = parts.text("en");
  for (const auto& error : parts.errors_)
    errors_.push_back({name + "." + error.field, error.message});
  if (!parts.errors_.empty()) return std::nullopt;
  return rules::LocalizedText{*zh, en.value_or("")};
}

std::optional<int> BodyReader::date(const char* key, bool required) {
  auto value = text(key, required);
  if (!value) return std::nullopt;
  auto day = certificates::parseIsoDate(*value);
  if (!day) errors_.push_back({key, "expected a date YYYY-MM-DD"});
  return day;
}

std::optional<bool> BodyReader::boolean(const char* key) {
  const http::Json* value = field(key, false);
  if (!value) return std::nullopt;
  if (!value->is_boolean()) {
    errors_.push_back({key, "expected true or false"});
    return std::nullopt;
  }
  return value->get<bool>();
}

std::optional<std::int64_t> BodyReader::integer(const char* key, bool required) {
  const http::Json* value = field(key, required);
  if (!value) return std::nullopt;
  if (!value->is_number_integer()) {
    errors_.push_back({key, "expected an integer"});
    return std::nullopt;
  }
  return value->get<std::int64_t>();
}

std::optional<std::vector<std::string>> BodyReader::strings(const char* key) {
  const http::Json* value = field(key, false);
  if (!value) return std::nullopt;
  std::vector<std::string> out;
  if (value->is_array())
    for (const auto& item : *value)
      if (item.is_string()) out.push_back(item.get<std::string>());
  if (!value->is_array() || out.size() != value->size()) {
    errors_.push_back({key, "expected a list of strings"});
    return std::nullopt;
  }
  return out;
}

std::optional<http::Json> BodyReader::object(const char* key) {
  const http::Json* value = field(key, false);
  if (!value) return std::nullopt;
  if (!value->is_object()) {
    errors_.push_back({key, "expected an object"});
    return std::nullopt;
  }
  return *value;
}

void BodyReader::finish() const {
  if (!errors_.empty()) throw http::ValidationError(errors_);
}

std::int64_t idParam(const std::string& value, const std::string& what) {
  auto id = domain::parseId(value);
  if (!id) throw http::NotFound("no " + what + " " + value);
  return *id;
}

std::optional<std::int64_t> integerQuery(const std::optional<std::string>& value,
                                         const std::string& name) {
  if (!value) return std::nullopt;
  std::int64_t number = 0;
  if (!Poco::NumberParser::tryParse64(*value, number))
    throw http::ValidationError(name, "expected an integer");
  return number;
}

}  // namespace tisheng::api
