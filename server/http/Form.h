#pragma once

#include <map>
#include <string>

namespace tisheng::http {

/// The fields of an application/x-www-form-urlencoded body ('+' is a space, %XX decoded; the
/// first of repeated names wins). Malformed escapes are kept as they are.
std::map<std::string, std::string> parseForm(const std::string& body);

}  // namespace tisheng::http
