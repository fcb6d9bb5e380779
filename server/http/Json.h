#pragma once

#include <nlohmann/json.hpp>

#include "http/HttpExchange.h"

namespace tisheng::http {

using Json = nlohmann::ordered_json;

/// The largest JSON body accepted, whatever the server's body limit (which photos need).
inline constexpr std::size_t kMaxJsonBytes = 1 << 20;

/// The request body as a JSON object, parsed strictly (rules::parseStrictJson: bounded
/// nesting, finite numbers, unique keys, no U+0000). Throws PayloadTooLarge past kMaxJsonBytes
/// and ValidationError naming the field at fault (or "body") for anything refused.
Json parseJsonObject(const HttpRequest& request);

/// A JSON reply; non-ASCII stays UTF-8, invalid UTF-8 is replaced rather than thrown.
HttpResponse jsonResponse(const Json& body, int status = 200);

}  // namespace tisheng::http
