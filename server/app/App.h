#pragma once

#include <cstdint>
#include <memory>
#include <ostream>

#include "app/Clock.h"
#include "app/Config.h"
#include "certificates/KeyStore.h"
#include "http/AccessLog.h"
#include "http/HttpServer.h"
#include "http/Router.h"
#include "rules/StandardRegistry.h"
#include "security/Passwords.h"
#include "services/AuthService.h"
#include "services/CertificateService.h"
#include "services/ComplaintService.h"
#include "services/MediaStore.h"
#include "storage/Sqlite.h"
#include "storage/SqliteComplaintRepository.h"
#include "storage/SqliteRegistryRepository.h"
#include "storage/SqliteUserRepository.h"

namespace tisheng::app {

/// The composition root: builds every service from a Config and wires the routes. The
/// constructor loads the standards (throwing std::runtime_error listing every problem if any is
/// invalid), opens and migrates the database, opens the key store and binds the port; start()
/// serves. Owns everything it creates; the access log stream and the clock must outlive it.
class App {
 public:
  App(Config config, std::ostream& accessLog, const Clock& clock);
  ~App();

  void start();
  /// Stops serving and waits for in-flight requests. Idempotent.
  void stop();
  std::uint16_t port() const { return server_->port(); }
  const http::Router& router() const { return router_; }
  const Config& config() const { return config_; }
  storage::RegistryRepository& registry() { return registry_; }
  storage::UserRepository& users() { return users_; }
  services::CertificateService& certificates() { return certificates_; }
  services::AuthService& auth() { return auth_; }
  storage::ConnectionPool& database() { return database_; }

 private:
  Config config_;
  rules::StandardRegistry standards_;
  storage::ConnectionPool database_;
  storage::SqliteRegistryRepository registry_;
  certificates::KeyStore keys_;
  services::CertificateService certificates_;
  storage::SqliteUserRepository users_;
  security::PasswordHasher hasher_;
  services::AuthService auth_;
  services::MediaStore media_;
  storage::SqliteComplaintRepository complaintStore_;
  services::ComplaintService complaints_;
  http::AccessLog accessLog_;
  http::Router router_;
  std::unique_ptr<http::HttpServer> server_;
};

}  // namespace tisheng::app
