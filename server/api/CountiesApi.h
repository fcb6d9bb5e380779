#pragma once

#include "http/Router.h"
#include "services/CountyService.h"

namespace tisheng::api {

/// GET /api/v1/counties (anyone: the directory filters by them), POST /api/v1/counties and
/// PATCH /api/v1/counties/{code} (the city office). The service must outlive the router.
void addCountyRoutes(http::Router& router, services::CountyService& counties);

}  // namespace tisheng::api
