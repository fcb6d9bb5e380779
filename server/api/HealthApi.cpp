#include "api/HealthApi.h"

#include <utility>

#include "http/Json.h"
#include "storage/Migrations.h"

namespace tisheng::api {

namespace {
/// The schema version, or -1 when the database does not answer.
int schemaVersion(storage::ConnectionPool& database) {
  try {
    auto db = database.acquire();
    return storage::schemaVersion(*db);
  } catch (const storage::StorageError&) {
    return -1;
  }
}
}  // namespace

void addHealthRoutes(http::Router& router, storage::ConnectionPool& database,
                     const rules::StandardRegistry& registry,
                     std::function<http::HttpServer::Counters()> connections) {
  router.add("GET", "/healthz",
             [&database, &registry, connections = std::move(connections)](http::HttpRequest&) {
               int schema = schemaVersion(database);
               bool up = schema >= 0;
               auto counters = connections();
               return http::jsonResponse({{"status", up ? "ok" : "unavailable"},
                                          {"database", up ? "ok" : "unavailable"},
                                          {"schema_version", schema},
                                          {"standards", registry.latestOfEach().size()},
                                          {"connections",
                                           {{"refused_queue_full", counters.refusedQueueFull},
                                            {"refused_per_address", counters.refusedForAddress},
                                            {"timed_out", counters.timedOut}}}},
                                         up ? 200 : 503);
             });
}

}  // namespace tisheng::api
