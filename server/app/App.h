#pragma once

#include <cstdint>
#include <memory>
#include <ostream>

#include "app/Config.h"
#include "http/AccessLog.h"
#include "http/HttpServer.h"
#include "http/Router.h"
#include "rules/StandardRegistry.h"
#include "storage/Database.h"

namespace tisheng::app {

/// The composition root: reads nothing global, builds every service from a Config and wires the
/// routes. The constructor loads the standards (throwing std::runtime_error listing every
/// problem if any is invalid), opens the database and binds the port; start() serves.
/// Owns everything it creates; the access log stream must outlive it.
class App {
 public:
  App(Config config, std::ostream& accessLog);
  ~App();

  void start();
  /// Stops serving and waits for in-flight requests. Idempotent.
  void stop();
  std::uint16_t port() const { return server_->port(); }
  const http::Router& router() const { return router_; }
  const Config& config() const { return config_; }

 private:
  Config config_;
  rules::StandardRegistry registry_;
  storage::Database database_;
  http::AccessLog accessLog_;
  http::Router router_;
  std::unique_ptr<http::HttpServer> server_;
};

}  // namespace tisheng::app
