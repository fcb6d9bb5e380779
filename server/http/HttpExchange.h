#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "security/Principal.h"

namespace tisheng::http {

/// A request as handlers see it: already read in full (up to the body limit) and decoded.
/// Owned by the connection thread for the duration of one request.
struct HttpRequest {
  std::string method;
  std::string path;  ///< percent-decoded, without the query
  std::multimap<std::string, std::string> query;
  std::map<std::string, std::string> headers;  ///< names lower-case
  std::string body;
  bool bodyTooLarge = false;
  /// Why the request's framing is ambiguous (then no body was read), or "".
  std::string framingError;
  std::string remoteAddress;
  std::string requestId;
  std::map<std::string, std::string> params;  ///< from the route pattern
  /// Set by the authentication decorator when the request carries a valid session.
  std::optional<security::Principal> principal;

  /// The first query value for name.
  std::optional<std::string> queryValue(const std::string& name) const;
  /// The header (name lower-case), or "".
  std::string header(const std::string& name) const;
  /// "en" when ?lang=en, else the `lang` cookie (zh or en), else "en" when Accept-Language
  /// prefers English, else "zh".
  std::string lang() const;
  /// The value of a cookie, or "".
  std::string cookie(const std::string& name) const;
};

struct HttpResponse {
  int status = 200;
  std::string contentType = "application/json; charset=utf-8";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;

  void setHeader(const std::string& name, const std::string& value);
};

/// Every handler and decorator has this shape; may throw HttpError (mapped by withErrorMapping).
using Handler = std::function<HttpResponse(HttpRequest&)>;

}  // namespace tisheng::http
