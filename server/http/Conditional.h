#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "http/HttpExchange.h"

namespace tisheng::http {

/// A strong entity tag of a body: its SHA-256, quoted.
std::string etagOf(std::string_view body);

/// Whether an If-None-Match header names the tag (a list, weak tags and "*" included).
bool etagMatches(const std::string& ifNoneMatch, const std::string& etag);

/// An HTTP-date (RFC 9110) of a Unix time, and back (nullopt when not one).
std::string httpDate(std::int64_t unixSeconds);
std::optional<std::int64_t> parseHttpDate(const std::string& text);

/// Makes a response revalidatable: sets ETag (of its body), Last-Modified and Cache-Control, and
/// answers 304 without a body when the request's If-None-Match names that ETag or, without an
/// If-None-Match, its If-Modified-Since is not before lastModified (RFC 9110 §13.2.2).
HttpResponse revalidated(const HttpRequest& request, HttpResponse response,
                         std::int64_t lastModified, const std::string& cacheControl);

}  // namespace tisheng::http
