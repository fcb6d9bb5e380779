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
  std::string accept = header("accept-language");
  // The first language listed is the preferred one; only English is offered besides Chinese.
  return accept.starts_with("en") ? "en" : "zh";
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
