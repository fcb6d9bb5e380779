#pragma once

#include <cstddef>
#include <map>
#include <string>

namespace tisheng::http {

/// The fields of an application/x-www-form-urlencoded body ('+' is a space, %XX decoded; the
/// first of repeated names wins). Malformed escapes are kept as they are.
std::map<std::string, std::string> parseForm(const std::string& body);

/// The fields of a form a browser posts, url-encoded or multipart/form-data (contentType says
/// which): a file's field holds its bytes, at most maxFileBytes (longer files are cut there and
/// their field is named "<name>.too_large" instead). Throws ValidationError for a malformed
/// multipart body.
std::map<std::string, std::string> parseFormBody(const std::string& contentType,
                                                 const std::string& body, std::size_t maxFileBytes);

}  // namespace tisheng::http
