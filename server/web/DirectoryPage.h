#pragma once

#include <optional>
#include <string>

#include "domain/Programme.h"
#include "http/HttpExchange.h"
#include "http/Json.h"

namespace tisheng::web {

/// The public directory (no JavaScript): results on public notice (公示), each with a form to
/// object, then certified entries with grade, serial and a link to their verification page.
/// directory is the JSON of GET /api/v1/public/directory; county and category are the filters
/// in force (kept in the language switch).
http::HttpResponse directoryPage(const domain::Programme& programme, bool english,
                                 const http::Json& directory, const std::string& query);

/// The page after an objection: received (201), or the problem (400, 404, 409, 429).
http::HttpResponse objectionResult(int status, const domain::Programme& programme, bool english,
                                   const std::string& message);

}  // namespace tisheng::web
