#include "api/ServiceErrors.h"

namespace tisheng::api {

using Kind = services::ServiceError::Kind;

http::HttpError asHttp(const services::ServiceError& error) {
  std::vector<http::FieldError> fields;
  for (const auto& field : error.fields()) fields.push_back({field.field, field.message});
  switch (error.kind()) {
    case Kind::Invalid: return http::ValidationError(std::move(fields));
    case Kind::Unauthenticated: return http::Unauthorized(error.what());
    case Kind::Forbidden: return http::Forbidden(error.what());
    case Kind::NotFound: return http::NotFound(error.what());
    case Kind::Conflict: return http::Conflict(error.what());
    case Kind::TooLarge:
      return {413, "payload_too_large", std::string("request body ") + error.what()};
    case Kind::RateLimited: return http::RateLimited(error.retryAfterSeconds());
  }
  return {500, "internal", "internal error"};
}

void rethrowAsHttp(const services::ServiceError& error) {
  if (error.kind() == Kind::RateLimited) throw http::RateLimited(error.retryAfterSeconds());
  throw asHttp(error);
}

http::Handler withServiceErrors(http::Handler inner) {
  return [inner = std::move(inner)](http::HttpRequest& request) {
    try {
      return inner(request);
    } catch (const services::ServiceError& error) {
      rethrowAsHttp(error);
    }
  };
}

}  // namespace tisheng::api
