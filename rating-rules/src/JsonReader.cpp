#include "JsonReader.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace tisheng::rules {

void JsonReader::problem(std::string path, std::string message) {
  problems_.push_back({std::move(path), std::move(message)});
}

std::string JsonReader::child(const std::string& path, std::string_view key) {
  return path + "." + std::string(key);
}

std::string JsonReader::child(const std::string& path, std::size_t index) {
  return path + "[" + std::to_string(index) + "]";
}

bool JsonReader::isObject(const Json& value, const std::string& path) {
  if (value.is_object()) return true;
  problem(path, "expected an object");
  return false;
}

void JsonReader::rejectUnknown(const Json& obj, const std::string& path,
                               std::initializer_list<std::string_view> allowed) {
  for (const auto& [key, value] : obj.items())
    if (std::find(allowed.begin(), allowed.end(), key) == allowed.end())
      problem(child(path, key), "unknown field");
}

const Json* JsonReader::field(const Json& obj, const std::string& path, std::string_view key,
                              bool required) {
  auto it = obj.find(key);
  if (it == obj.end()) {
    if (required) problem(child(path, key), "required field is missing");
    return nullptr;
  }
  return &*it;
}

std::optional<std::string> JsonReader::string(const Json& obj, const std::string& path,
                                              std::string_view key, bool required) {
  const Json* value = field(obj, path, key, required);
  if (!value) return std::nullopt;
  if (!value->is_string()) {
    problem(child(path, key), "expected a string");
    return std::nullopt;
  }
  return value->get<std::string>();
}

std::optional<double> JsonReader::number(const Json& obj, const std::string& path,
                                         std::string_view key, bool required) {
  const Json* value = field(obj, path, key, required);
  if (!value) return std::nullopt;
  if (!value->is_number()) {
    problem(child(path, key), "expected a number");
    return std::nullopt;
  }
  return value->get<double>();
}

std::optional<int> JsonReader::integer(const Json& obj, const std::string& path,
                                       std::string_view key, bool required) {
  const Json* value = field(obj, path, key, required);
  if (!value) return std::nullopt;
  if (!value->is_number_integer() || value->get<long long>() > std::numeric_limits<int>::max() ||
      value->get<long long>() < std::numeric_limits<int>::min()) {
    problem(child(path, key), "expected an integer");
    return std::nullopt;
  }
  return value->get<int>();
}

std::optional<bool> JsonReader::boolean(const Json& obj, const std::string& path,
                                        std::string_view key, bool required) {
  const Json* value = field(obj, path, key, required);
  if (!value) return std::nullopt;
  if (!value->is_boolean()) {
    problem(child(path, key), "expected true or false");
    return std::nullopt;
  }
  return value->get<bool>();
}

const Json* JsonReader::array(const Json& obj, const std::string& path, std::string_view key,
                              bool required) {
  const Json* value = field(obj, path, key, required);
  if (!value) return nullptr;
  if (!value->is_array()) {
    problem(child(path, key), "expected an array");
    return nullptr;
  }
  return value;
}

std::vector<std::string> JsonReader::stringList(const Json& obj, const std::string& path,
                                                std::string_view key) {
  std::vector<std::string> out;
  const Json* list = array(obj, path, key, false);
  if (!list) return out;
  for (std::size_t i = 0; i < list->size(); ++i) {
    if ((*list)[i].is_string())
      out.push_back((*list)[i].get<std::string>());
    else
      problem(child(child(path, key), i), "expected a string");
  }
  return out;
}

std::vector<double> JsonReader::numberList(const Json& obj, const std::string& path,
                                           std::string_view key) {
  std::vector<double> out;
  const Json* list = array(obj, path, key, false);
  if (!list) return out;
  for (std::size_t i = 0; i < list->size(); ++i) {
    if ((*list)[i].is_number())
      out.push_back((*list)[i].get<double>());
    else
      problem(child(child(path, key), i), "expected a number");
  }
  return out;
}

std::vector<PointsLimit> JsonReader::numberMap(const Json& obj, const std::string& path,
                                               std::string_view key) {
  std::vector<PointsLimit> out;
  const Json* map = field(obj, path, key, false);
  if (!map) return out;
  const std::string here = child(path, key);
  if (!isObject(*map, here)) return out;
  for (const auto& [name, value] : map->items()) {
    if (value.is_number())
      out.push_back({name, value.get<double>()});
    else
      problem(child(here, name), "expected a number");
  }
  return out;
}

LocalizedText JsonReader::text(const Json& obj, const std::string& path, std::string_view key,
                               bool required) {
  LocalizedText out;
  const Json* value = field(obj, path, key, required);
  if (!value) return out;
  const std::string here = child(path, key);
  if (!isObject(*value, here)) return out;
  rejectUnknown(*value, here, {"zh", "en"});
  out.zh = string(*value, here, "zh").value_or("");
  out.en = string(*value, here, "en").value_or("");
  if (value->contains("zh") && out.zh.empty()) problem(child(here, "zh"), "must not be empty");
  if (value->contains("en") && out.en.empty()) problem(child(here, "en"), "must not be empty");
  return out;
}

}  // namespace tisheng::rules
