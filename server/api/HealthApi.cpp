#include "api/HealthApi.h"

#include "http/Json.h"

namespace tisheng::api {

void addHealthRoutes(http::Router& router, storage::Database& database,
                     const rules::StandardRegistry& registry) {
  router.add("GET", "/healthz", [&database, &registry](http::HttpRequest&) {
    bool databaseUp = database.healthy();
    return http::jsonResponse({{"status", databaseUp ? "ok" : "unavailable"},
                               {"database", databaseUp ? "ok" : "unavailable"},
                               {"standards", registry.latestOfEach().size()}},
                              databaseUp ? 200 : 503);
  });
}

}  // namespace tisheng::api
