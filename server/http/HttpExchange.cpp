#include "http/HttpExchange.h"

namespace tisheng::http {

std::optional<std::string> HttpRequest::queryValue(const std::string& name) const {
  auto it = query.find(name);
  if (it == query.end()) return std::nullopt;
  return it->second;
}

std::string HttpRequest::header(const std::string& name) const {
  auto it = headers.find(name);
  return it == headers.end() ? "" : it->second;
}

std::string HttpRequest::lang() const {
  if (auto explicitLang = queryValue("lang")) return explicitLang->starts_with("en") ? "en" : "zh";
  // The public pages' language switch remembers the choice in this cookie.
  std::string chosen = cookie("lang");
  if (chosen == "en" || chosen == "zh") return chosen;
  std::string accept = header("accept-language");
  // The first language listed is the preferred one; only English is offered besides Chinese.
  return accept.starts_with("en") ? "en" : "zh";
}

std::string HttpRequest::cookie(const std::string& name) const {
  std::string header = this->header("cookie");
  std::size_t start = 0;
  while (start < header.size()) {
    std::size_t end = header.find(';', start);
    if (end == std::string::npos) end = header.size();
    std::size_t begin = header.find_first_not_of(' ', start);
    std::size_t eq = header.find('=', begin);
    if (begin < end && eq < end && header.compare(begin, eq - begin, name) == 0 &&
        eq - begin == name.size())
      return header.substr(eq + 1, end - eq - 1);
    start = end + 1;
  }
  return "";
}

void HttpResponse::setHeader(const std::string& name, const std::string& value) {
  for (auto& [key, existing] : headers)
    if (key == name) {
      existing = value;
      return;
    }
  headers.emplace_back(name, value);
}

}  // namespace tisheng::http
