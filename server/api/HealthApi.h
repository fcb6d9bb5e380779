#pragma once

#include <functional>

#include "http/HttpServer.h"
#include "http/Router.h"
#include "rules/StandardRegistry.h"
#include "storage/Database.h"

namespace tisheng::api {

/// GET /healthz: 200 with what was checked when the database answers, 503 when it does not,
/// and the connections the server refused or cut off (see HttpServer::Counters). The database
/// and registry must outlive the router; connections is called on every request.
void addHealthRoutes(http::Router& router, storage::ConnectionPool& database,
                     const rules::StandardRegistry& registry,
                     std::function<http::HttpServer::Counters()> connections);

}  // namespace tisheng::api
