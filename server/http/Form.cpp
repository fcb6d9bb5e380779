#include "http/Form.h"

#include <Poco/Exception.h>
#include <Poco/URI.h>

#include <algorithm>

namespace tisheng::http {

namespace {
std::string decode(std::string text) {
  // In form encoding a literal '+' arrives as %2B, so every raw '+' is a space.
  std::replace(text.begin(), text.end(), '+', ' ');
  std::string out;
  try {
    Poco::URI::decode(text, out);
  } catch (const Poco::Exception&) {
    out = text;
  }
  return out;
}
}  // namespace

std::map<std::string, std::string> parseForm(const std::string& body) {
  std::map<std::string, std::string> fields;
  std::size_t start = 0;
  while (start <= body.size()) {
    std::size_t end = body.find('&', start);
    if (end == std::string::npos) end = body.size();
    std::string pair = body.substr(start, end - start);
    std::size_t eq = pair.find('=');
    if (!pair.empty())
      fields.emplace(decode(pair.substr(0, eq)),
                     eq == std::string::npos ? "" : decode(pair.substr(eq + 1)));
    start = end + 1;
  }
  return fields;
}

}  // namespace tisheng::http
