#pragma once

#include "http/Router.h"
#include "rules/StandardRegistry.h"
#include "storage/Sqlite.h"

namespace tisheng::api {

/// GET /healthz: 200 with what was checked when the database answers, 503 when it does not.
/// Both arguments must outlive the router.
void addHealthRoutes(http::Router& router, storage::ConnectionPool& database,
                     const rules::StandardRegistry& registry);

}  // namespace tisheng::api
