#pragma once

#include "http/Router.h"
#include "services/AuthService.h"

namespace tisheng::api {

/// `POST /api/v1/login`, `POST /api/v1/logout`, `GET /api/v1/session`, and the user accounts:
/// `GET /api/v1/users`, `POST /api/v1/users`. The session cookie is marked Secure when
/// secureCookie (the server's public URL is https). The service must outlive the router.
void addAuthRoutes(http::Router& router, services::AuthService& auth, int sessionSeconds,
                   bool secureCookie);

}  // namespace tisheng::api
