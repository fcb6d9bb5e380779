#pragma once

#include <string>

namespace Poco::Net {
class HTTPServerRequest;
}

namespace tisheng::http {

/// Why the request's framing is ambiguous (RFC 9112 §6.3), or "" when it is not. A proxy and
/// this server could otherwise disagree on where the request ends (request smuggling):
/// header names that are not tokens (`Transfer-Encoding : chunked`), Content-Length that is
/// not plain digits (`+5`) or given twice with different values, Content-Length together with
/// Transfer-Encoding, and any transfer coding other than a single `chunked`.
std::string framingError(const Poco::Net::HTTPServerRequest& request);

/// True when the request declares a body (a Content-Length or chunked coding). One that does
/// not has none (RFC 9112 §6.3): the server must not wait for one.
bool hasBody(const Poco::Net::HTTPServerRequest& request);

/// A POST, PUT or PATCH without Content-Length or chunked coding: its body is empty, but any
/// bytes the client sends after its head cannot be trusted to start the next request.
bool lacksDeclaredBody(const Poco::Net::HTTPServerRequest& request);

}  // namespace tisheng::http
