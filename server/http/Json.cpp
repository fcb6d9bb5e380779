#include "http/Json.h"

#include "http/HttpError.h"
#include "rules/StrictJson.h"

namespace tisheng::http {

Json parseJsonObject(const HttpRequest& request) {
  if (request.body.size() > kMaxJsonBytes) throw PayloadTooLarge(kMaxJsonBytes);
  if (request.body.empty()) throw ValidationError("body", "a JSON object is required");
  Json doc;
  try {
    doc = rules::parseStrictJson(request.body);
  } catch (const rules::JsonError& error) {
    // Paths start with '.' (".scores.hygiene"); the field is named without it.
    throw ValidationError(error.path().empty() ? "body" : error.path().substr(1), error.what());
  }
  if (!doc.is_object()) throw ValidationError("body", "expected a JSON object");
  return doc;
}

HttpResponse jsonResponse(const Json& body, int status) {
  HttpResponse response;
  response.status = status;
  response.body = body.dump(-1, ' ', false, Json::error_handler_t::replace);
  return response;
}

}  // namespace tisheng::http
