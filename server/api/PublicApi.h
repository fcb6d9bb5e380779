#pragma once

#include "domain/Programme.h"
#include "http/Router.h"
#include "services/CertificateService.h"
#include "services/PublicRegister.h"

namespace tisheng::api {

/// Routes anyone may call without logging in: the plaque verification page `GET /c/{token}`, its
/// JSON twin `GET /api/v1/public/verify/{token}`, the published keys `GET /.well-known/jwks.json`
/// and the signed status list `GET /api/v1/public/status-list`. Genuine plaques' pages and JSON
/// are kept as rendered within keptBytes (see PlaqueCache). Arguments must outlive the router.
void addPublicRoutes(http::Router& router, const services::CertificateService& service,
                     const services::PublicRegister& publicRegister,
                     const domain::Programme& programme, std::size_t keptBytes);

}  // namespace tisheng::api
