#pragma once

#include <cstddef>

#include "http/AccessLog.h"
#include "http/HttpExchange.h"

namespace tisheng::http {

// Cross-cutting concerns, each wrapping a Handler. The server composes them as
// withRequestId(withLogging(withErrorMapping(withBodyLimit(router)))) plus security headers.

/// Gives the request an id (a sane incoming X-Request-Id is kept) and echoes it in the reply.
Handler withRequestId(Handler inner);

/// Records one access-log line per request, including failed ones. The log must outlive it.
Handler withLogging(Handler inner, AccessLog& log);

/// Turns HttpError into its JSON reply and anything else into a 500 that shows only the
/// request id; never lets an exception escape.
Handler withErrorMapping(Handler inner);

/// Answers 400 (field "headers") for ambiguous framing (HttpRequest::framingError) and 413 when
/// the body was larger than the limit (HttpRequest::bodyTooLarge).
Handler withBodyLimit(Handler inner, std::size_t maxBytes);

/// Adds nosniff, frame-deny and referrer headers to every reply, and a default CSP to those
/// that set none of their own.
Handler withSecurityHeaders(Handler inner);

}  // namespace tisheng::http
