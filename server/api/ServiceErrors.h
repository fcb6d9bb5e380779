#pragma once

#include "http/HttpError.h"
#include "http/HttpExchange.h"
#include "services/Errors.h"

namespace tisheng::api {

/// The HTTP form of a service's refusal — the one place where service errors meet statuses:
/// invalid 400, unauthenticated 401, forbidden 403, not found 404, conflict 409, too large 413,
/// rate limited 429.
http::HttpError asHttp(const services::ServiceError& error);

/// Throws the http error for a service's refusal (a 429 keeps its Retry-After).
[[noreturn]] void rethrowAsHttp(const services::ServiceError& error);

/// Turns service errors thrown below it into http errors for withErrorMapping().
http::Handler withServiceErrors(http::Handler inner);

}  // namespace tisheng::api
