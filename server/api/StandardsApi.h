#pragma once

#include "http/Router.h"
#include "rules/StandardRegistry.h"

namespace tisheng::api {

/// GET /api/v1/standards, GET /api/v1/standards/{id}[?version=], and
/// POST /api/v1/standards/{id}/evaluate[?version=] (a dry run of a score sheet).
/// The registry must outlive the router.
void addStandardsRoutes(http::Router& router, const rules::StandardRegistry& registry);

}  // namespace tisheng::api
