#pragma once

#include "http/Router.h"
#include "web/StaticFiles.h"

namespace tisheng::api {

/// The admin UI, a static single-page application, under /admin/ (index.html at /admin/), sent
/// with its own strict Content-Security-Policy, an ETag (304 on If-None-Match) and
/// `Cache-Control: no-cache`, so a browser always revalidates and never runs a stale app. `/`
/// sends a signed-in person to /admin/ and anyone else to the public directory; /favicon.svg is
/// the programme's emblem, the icon of every page. The site must outlive the router.
void addAdminUiRoutes(http::Router& router, const web::StaticFiles& site);

}  // namespace tisheng::api
