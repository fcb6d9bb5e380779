#include "http/Framing.h"

#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/String.h>

#include <algorithm>
#include <cctype>
#include <string_view>
#include <vector>

namespace tisheng::http {

namespace {

/// RFC 9110 §5.6.2 token characters.
bool isToken(std::string_view name) {
  static constexpr std::string_view kSpecials = "!#$%&'*+-.^_`|~";
  return !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) ||
           kSpecials.find(c) != std::string_view::npos;
  });
}

bool isDigits(std::string_view value) {
  return !value.empty() && value.size() <= 18 &&
         std::all_of(value.begin(), value.end(),
                     [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
}

std::vector<std::string> valuesOf(const Poco::Net::HTTPServerRequest& request,
                                  const std::string& name) {
  std::vector<std::string> values;
  for (const auto& [key, value] : request)
    if (Poco::icompare(key, name) == 0) values.push_back(value);
  return values;
}

}  // namespace

std::string framingError(const Poco::Net::HTTPServerRequest& request) {
  for (const auto& [name, value] : request)
    if (!isToken(name)) return "header name is not a token: '" + name + "'";
  auto lengths = valuesOf(request, "Content-Length");
  auto codings = valuesOf(request, "Transfer-Encoding");
  for (const auto& length : lengths)
    if (!isDigits(length)) return "Content-Length must be decimal digits";
  if (std::adjacent_find(lengths.begin(), lengths.end(), std::not_equal_to<>()) != lengths.end())
    return "conflicting Content-Length headers";
  if (!codings.empty() && !lengths.empty()) return "Content-Length and Transfer-Encoding together";
  if (codings.size() > 1 || (codings.size() == 1 && Poco::icompare(codings[0], "chunked") != 0))
    return "unsupported Transfer-Encoding (only a single chunked)";
  return {};
}

bool hasBody(const Poco::Net::HTTPServerRequest& request) {
  return request.getChunkedTransferEncoding() || request.hasContentLength();
}

bool lacksDeclaredBody(const Poco::Net::HTTPServerRequest& request) {
  const std::string& method = request.getMethod();
  return !hasBody(request) && (method == "POST" || method == "PUT" || method == "PATCH");
}

}  // namespace tisheng::http
