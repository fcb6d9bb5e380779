#pragma once

#include <initializer_list>

#include "http/HttpExchange.h"
#include "services/AuthService.h"

namespace tisheng::api {

/// The session cookie's name.
inline constexpr const char* kSessionCookie = "tisheng_session";

/// Resolves the session from `Authorization: Bearer <token>` or the session cookie and sets
/// HttpRequest::principal. A write (POST, PUT, PATCH, DELETE) authenticated by the cookie must
/// carry the session's CSRF token in `X-CSRF-Token`, or gets 403. An unknown or expired token
/// leaves the request anonymous. The service must outlive the handler.
http::Handler withAuthentication(http::Handler inner, const services::AuthService& auth);

/// The caller; throws http::Unauthorized when anonymous.
const security::Principal& requireLogin(const http::HttpRequest& request);
/// The caller if it has one of roles; throws Unauthorized (anonymous) or Forbidden.
const security::Principal& requireRole(const http::HttpRequest& request,
                                       std::initializer_list<security::Role> roles);

}  // namespace tisheng::api
