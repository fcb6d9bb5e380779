#include "rules/StrictJson.h"

#include <cmath>
#include <optional>
#include <unordered_set>
#include <vector>

namespace tisheng::rules {

namespace {

using Json = nlohmann::ordered_json;

/// Builds the document from nlohmann's SAX events, refusing what parseStrictJson refuses at
/// the event that shows it. Each open array or object is a frame; values are appended to the
/// innermost one, so a frame's pointer stays valid until it closes.
class StrictBuilder : public nlohmann::json_sax<Json> {
 public:
  explicit StrictBuilder(const JsonLimits& limits) : limits_(limits) {}

  bool null() override { return put(nullptr); }
  bool boolean(bool value) override { return put(value); }
  bool number_integer(number_integer_t value) override { return put(value); }
  bool number_unsigned(number_unsigned_t value) override { return put(value); }
  bool number_float(number_float_t value, const string_t&) override {
    if (!std::isfinite(value)) return fail("number out of range");
    return put(value);
  }
  bool string(string_t& value) override {
    if (value.find('\0') != string_t::npos) return fail("U+0000 is not allowed in text");
    return put(std::move(value));
  }
  bool binary(binary_t&) override { return fail("binary values are not JSON"); }

  bool start_object(std::size_t) override { return open(Json::object()); }
  bool start_array(std::size_t) override { return open(Json::array()); }
  bool end_object() override { return close(); }
  bool end_array() override { return close(); }

  bool key(string_t& name) override {
    Frame& frame = frames_.back();
    frame.key = name;
    if (auto nul = name.find('\0'); nul != string_t::npos) {
      frame.key.replace(nul, 1, "\\u0000");  // keep the path printable
      return fail("U+0000 is not allowed in a key");
    }
    if (!frame.keys.insert(name).second) return fail("duplicate key");
    return true;
  }

  bool parse_error(std::size_t position, const std::string&,
                   const nlohmann::detail::exception& error) override {
    if (error.id == 406) return fail("number out of range");  // out_of_range: overflow
    // A syntax error belongs to the document: the path so far may name a field already read.
    error_.emplace("", "malformed JSON at byte " + std::to_string(position));
    return false;
  }

  Json take() { return std::move(root_); }
  const std::optional<JsonError>& error() const { return error_; }

 private:
  struct Frame {
    Json* container;
    std::string key;                       ///< objects: the key of the value being read
    std::unordered_set<std::string> keys;  ///< objects: every key seen so far
  };

  /// Where the value being read goes: its parent's path plus its key or index.
  std::string path() const {
    std::string out;
    for (std::size_t level = 0; level < frames_.size(); ++level) {
      const Frame& frame = frames_[level];
      if (frame.container->is_object()) {
        out += "." + frame.key;
      } else {
        // An open child is already the array's last element; the innermost array's next
        // value is not stored yet.
        std::size_t index = frame.container->size() - (level + 1 < frames_.size() ? 1 : 0);
        out += "[" + std::to_string(index) + "]";
      }
    }
    return out;
  }

  bool fail(const std::string& message) {
    error_.emplace(path(), message);
    return false;
  }

  /// Stores value in the innermost container (or as the root) and returns where it went.
  Json* store(Json&& value) {
    if (frames_.empty()) {
      root_ = std::move(value);
      return &root_;
    }
    Frame& frame = frames_.back();
    if (frame.container->is_array()) {
      auto& array = frame.container->get_ref<Json::array_t&>();
      array.push_back(std::move(value));
      return &array.back();
    }
    // Keys are known to be unique, so append without ordered_map's linear look-up.
    auto& object = frame.container->get_ref<Json::object_t&>();
    object.emplace_back(frame.key, std::move(value));
    return &object.back().second;
  }

  bool put(Json&& value) {
    store(std::move(value));
    return true;
  }

  bool open(Json&& container) {
    if (frames_.size() >= limits_.maxDepth)
      return fail("nested deeper than " + std::to_string(limits_.maxDepth) + " levels");
    Json* stored = store(std::move(container));
    frames_.push_back({stored, {}, {}});
    return true;
  }

  bool close() {
    frames_.pop_back();
    return true;
  }

  JsonLimits limits_;
  Json root_;
  std::vector<Frame> frames_;
  std::optional<JsonError> error_;
};

}  // namespace

nlohmann::ordered_json parseStrictJson(std::string_view text, const JsonLimits& limits) {
  StrictBuilder builder(limits);
  bool ok = Json::sax_parse(text, &builder, Json::input_format_t::json, true);
  if (!ok) {
    if (builder.error()) throw *builder.error();
    throw JsonError("", "malformed JSON");
  }
  return builder.take();
}

}  // namespace tisheng::rules
