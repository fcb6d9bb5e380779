#include "api/Access.h"

#include <openssl/crypto.h>

#include <algorithm>

#include "http/HttpError.h"

namespace tisheng::api {

namespace {
bool isWrite(const std::string& method) {
  return method != "GET" && method != "HEAD" && method != "OPTIONS";
}

bool sameSecret(const std::string& a, const std::string& b) {
  return a.size() == b.size() && CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}
}  // namespace

http::Handler withAuthentication(http::Handler inner, const services::AuthService& auth) {
  return [inner = std::move(inner), &auth](http::HttpRequest& request) {
    std::string bearer = request.header("authorization");
    bool viaCookie = !bearer.starts_with("Bearer ");
    std::string token = viaCookie ? request.cookie(kSessionCookie) : bearer.substr(7);
    if (auto session = auth.authenticate(token)) {
      if (viaCookie && isWrite(request.method) &&
          !sameSecret(request.header("x-csrf-token"), session->csrfToken))
        throw http::Forbidden("missing or wrong X-CSRF-Token for a cookie session");
      request.principal = session->principal;
      request.principal->viaCookie = viaCookie;
    }
    return inner(request);
  };
}

const security::Principal& requireLogin(const http::HttpRequest& request) {
  if (!request.principal) throw http::Unauthorized();
  return *request.principal;
}

const security::Principal& requireRole(const http::HttpRequest& request,
                                       std::initializer_list<security::Role> roles) {
  const security::Principal& principal = requireLogin(request);
  if (std::find(roles.begin(), roles.end(), principal.role) == roles.end())
    throw http::Forbidden("your role may not do this");
  return principal;
}

}  // namespace tisheng::api
