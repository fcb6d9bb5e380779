#include "app/App.h"

#include "api/Access.h"
#include "api/AuthApi.h"
#include "api/CertificatesApi.h"
#include "api/ComplaintsApi.h"
#include "api/EntriesApi.h"
#include "api/HealthApi.h"
#include "api/MediaApi.h"
#include "api/PublicApi.h"
#include "api/StandardsApi.h"
#include "http/Decorators.h"
#include "storage/Migrations.h"

namespace tisheng::app {

namespace {
storage::ConnectionPool& migrated(storage::ConnectionPool& pool) {
  auto db = pool.acquire();
  storage::migrate(*db);
  return pool;
}
}  // namespace

App::App(Config config, std::ostream& accessLog, const Clock& clock)
    : config_(std::move(config)),
      standards_(rules::StandardRegistry::load(config_.rulesDir)),
      database_(config_.databasePath(), static_cast<std::size_t>(config_.databaseConnections)),
      registry_(migrated(database_)),
      keys_(certificates::KeyStore::open(config_.keysDir(), clock.now(), config_.keyLifetimeDays)),
      certificates_(registry_, standards_, keys_, clock, config_),
      users_(database_),
      hasher_(config_.passwordCost),
      auth_(users_, hasher_, clock, config_.sessionHours * 3600),
      media_(config_.mediaDir()),
      complaintStore_(database_),
      complaints_(complaintStore_, registry_, clock),
      accessLog_(accessLog) {
  api::addHealthRoutes(router_, database_, standards_);
  api::addAuthRoutes(router_, auth_, config_.sessionHours * 3600);
  api::addStandardsRoutes(router_, standards_);
  api::addPublicRoutes(router_, certificates_, config_.programme);
  api::addCertificateRoutes(router_, certificates_);
  api::addEntryRoutes(router_, registry_, users_, clock);
  api::addMediaRoutes(router_, registry_, media_, clock);
  api::addComplaintRoutes(router_, complaints_, registry_, config_.programme);

  http::Handler routed = [this](http::HttpRequest& request) { return router_(request); };
  http::Handler handler = http::withSecurityHeaders(http::withRequestId(
      http::withLogging(http::withErrorMapping(http::withBodyLimit(
                            api::withAuthentication(routed, auth_), config_.http.maxBodyBytes)),
                        accessLog_)));
  server_ = std::make_unique<http::HttpServer>(handler, config_.http);
}

App::~App() { stop(); }

void App::start() { server_->start(); }

void App::stop() { server_->stop(); }

}  // namespace tisheng::app
