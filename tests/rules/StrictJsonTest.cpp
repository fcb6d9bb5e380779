#include <catch2/catch.hpp>
#include <string>

#include "rules/StrictJson.h"

using tisheng::rules::JsonError;
using tisheng::rules::parseStrictJson;
using Json = nlohmann::ordered_json;

namespace {

/// The error parseStrictJson throws for text, as "path: message".
std::string refusal(const std::string& text, tisheng::rules::JsonLimits limits = {}) {
  try {
    parseStrictJson(text, limits);
  } catch (const JsonError& error) {
    return error.path() + ": " + error.what();
  }
  return "accepted";
}

}  // namespace

TEST_CASE("Strict JSON builds the same value as an ordinary parser", "[unit]") {
  const std::string text =
      R"({"b": [1, -2, 3.5, true, null, "字"], "a": {"x": {}, "y": []}, "n": 18446744073709551615})";
  Json value = parseStrictJson(text);
  CHECK(value == Json::parse(text));
  CHECK(value.dump() == Json::parse(text).dump());  // key order kept
  CHECK(parseStrictJson("7") == Json(7));
}

TEST_CASE("Strict JSON refuses nesting past the limit before building it", "[unit]") {
  CHECK(refusal(std::string(64, '[') + std::string(64, ']')) == "accepted");
  std::string path;
  for (int level = 0; level < 64; ++level) path += "[0]";
  CHECK(refusal(std::string(65, '[') + std::string(65, ']')) ==
        path + ": nested deeper than 64 levels");
  // The input that crashed the server: a hundred thousand brackets, then more keys.
  std::string attack = R"({"username": )" + std::string(100000, '[') + R"(, "x": 1})";
  CHECK(refusal(attack).ends_with(": nested deeper than 64 levels"));
  CHECK(refusal(R"({"a": {"b": {"c": 1}}})", {.maxDepth = 2}) ==
        ".a.b: nested deeper than 2 levels");
}

TEST_CASE("Strict JSON refuses numbers a double cannot hold and names the field", "[unit]") {
  CHECK(refusal(R"({"scores": {"hygiene": 1e400}})") == ".scores.hygiene: number out of range");
  CHECK(refusal(R"({"a": [1, -1e400]})") == ".a[1]: number out of range");
  CHECK(refusal("1e400") == ": number out of range");
  CHECK(parseStrictJson("1e308").get<double>() == 1e308);
  CHECK(parseStrictJson("1e-400").get<double>() == 0.0);  // underflow is an ordinary zero
}

TEST_CASE("Strict JSON refuses duplicate keys and U+0000", "[unit]") {
  CHECK(refusal(R"({"name": "a", "name": "b"})") == ".name: duplicate key");
  CHECK(refusal(R"({"a": {"k": 1, "j": 2, "k": 3}})") == ".a.k: duplicate key");
  CHECK(refusal(R"([{"k": 1}, {"k": 2}])") == "accepted");  // same key in sibling objects
  CHECK(refusal(R"({"name": "a\u0000b"})") == ".name: U+0000 is not allowed in text");
  CHECK(refusal(R"({"a\u0000": 1})") == R"(.a\u0000: U+0000 is not allowed in a key)");
}

TEST_CASE("Strict JSON refuses malformed text with the byte offset", "[unit]") {
  CHECK(refusal(R"({"a": 1,})") == ": malformed JSON at byte 9");
  CHECK(refusal(R"({"a": [1, 2 x]})").ends_with("malformed JSON at byte 13"));
  CHECK(refusal("{} {}") == ": malformed JSON at byte 4");
  CHECK(refusal("") == ": malformed JSON at byte 1");
}
