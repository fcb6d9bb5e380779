#pragma once

#include "http/Router.h"
#include "services/CatalogueService.h"

namespace tisheng::api {

/// Brochures and catalogues from the live register: for offices
/// `GET /api/v1/catalogues/{category}.pdf|.html` (?county=, ?grade=, ?at=YYYY-MM-DD, ?lang=; a
/// county office its own county), and the current edition for anyone at
/// `GET /catalogues/{category}.pdf|.html` (today, every county, revalidated by ETag).
/// Arguments must outlive the router.
void addCatalogueRoutes(http::Router& router, const services::CatalogueService& catalogues,
                        const services::PublicRegister& publicRegister);

}  // namespace tisheng::api
