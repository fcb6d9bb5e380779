#pragma once

#include <nlohmann/json.hpp>

#include "http/HttpExchange.h"

namespace tisheng::http {

using Json = nlohmann::ordered_json;

/// The largest JSON body accepted, whatever the server's body limit (which photos need).
inline constexpr std::size_t kMaxJsonBytes = 1 << 20;

/// The request body as a JSON object. Throws PayloadTooLarge past kMaxJsonBytes and
/// ValidationError (field "body") when it is empty, not JSON (with the byte offset) or not an
/// object.
Json parseJsonObject(const HttpRequest& request);

/// A JSON reply; non-ASCII stays UTF-8, invalid UTF-8 is replaced rather than thrown.
HttpResponse jsonResponse(const Json& body, int status = 200);

}  // namespace tisheng::http
