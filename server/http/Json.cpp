#include "http/Json.h"

#include "http/HttpError.h"

namespace tisheng::http {

Json parseJsonObject(const HttpRequest& request) {
  if (request.body.size() > kMaxJsonBytes) throw PayloadTooLarge(kMaxJsonBytes);
  if (request.body.empty()) throw ValidationError("body", "a JSON object is required");
  Json doc;
  try {
    doc = Json::parse(request.body);
  } catch (const Json::parse_error& error) {
    throw ValidationError("body", "malformed JSON at byte " + std::to_string(error.byte));
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
