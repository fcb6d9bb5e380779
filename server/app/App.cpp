#include "app/App.h"

#include "api/HealthApi.h"
#include "api/StandardsApi.h"
#include "http/Decorators.h"

namespace tisheng::app {

App::App(Config config, std::ostream& accessLog)
    : config_(std::move(config)),
      registry_(rules::StandardRegistry::load(config_.rulesDir)),
      database_(config_.databasePath()),
      accessLog_(accessLog) {
  api::addHealthRoutes(router_, database_, registry_);
  api::addStandardsRoutes(router_, registry_);

  http::Handler routed = [this](http::HttpRequest& request) { return router_(request); };
  http::Handler handler = http::withSecurityHeaders(http::withRequestId(http::withLogging(
      http::withErrorMapping(http::withBodyLimit(routed, config_.http.maxBodyBytes)), accessLog_)));
  server_ = std::make_unique<http::HttpServer>(handler, config_.http);
}

App::~App() { stop(); }

void App::start() { server_->start(); }

void App::stop() { server_->stop(); }

}  // namespace tisheng::app
