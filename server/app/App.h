#pragma once

#include <cstdint>
#include <memory>
#include <ostream>
#include <thread>

#include "app/Config.h"
#include "certificates/KeyStore.h"
#include "domain/Clock.h"
#include "http/AccessLog.h"
#include "http/HttpServer.h"
#include "http/Router.h"
#include "rules/StandardRegistry.h"
#include "security/Passwords.h"
#include "services/AuditService.h"
#include "services/AuthService.h"
#include "services/CatalogueService.h"
#include "services/CertificateService.h"
#include "services/ComplaintService.h"
#include "services/CountyService.h"
#include "services/EntryService.h"
#include "services/InspectionService.h"
#include "services/MediaStore.h"
#include "services/PlaqueReportService.h"
#include "services/PublicRegister.h"
#include "services/ReportService.h"
#include "services/Scheduler.h"
#include "services/SupervisionService.h"
#include "services/WorklistService.h"
#include "storage/Storage.h"
#include "web/StaticFiles.h"

namespace tisheng::app {

/// The composition root: builds every service from a Config and wires the routes. The
/// constructor loads the standards (throwing std::runtime_error listing every problem if any is
/// invalid), opens and migrates the database, opens the key store and binds the port; start()
/// serves. Owns everything it creates; the access log stream and the clock must outlive it.
class App {
 public:
  App(Config config, std::ostream& accessLog, const domain::Clock& clock);
  ~App();

  /// Serves, and runs the scheduler every config.schedulerIntervalSeconds (if not 0) while this
  /// server holds the scheduler's lease: with several servers on one database, one at a time.
  void start();
  /// Stops the scheduler, stops serving and waits for in-flight requests. Idempotent.
  void stop();
  std::uint16_t port() const { return server_->port(); }
  http::HttpServer::Counters httpCounters() const { return server_->counters(); }
  const http::Router& router() const { return router_; }
  const Config& config() const { return config_; }
  /// The admin UI's files as loaded at start-up (empty when the UI was not built).
  const web::StaticFiles& adminUi() const { return adminUi_; }
  storage::RegistryRepository& registry() { return storage_->registry(); }
  storage::UserRepository& users() { return storage_->users(); }
  services::CertificateService& certificates() { return certificates_; }
  services::AuthService& auth() { return auth_; }
  storage::ConnectionPool& database() { return storage_->database(); }
  services::InspectionService& inspections() { return inspections_; }
  services::SupervisionService& supervision() { return supervision_; }
  services::Scheduler& scheduler() { return scheduler_; }
  services::AuditService& audit() { return audit_; }
  services::ReportService& reports() { return reports_; }
  http::AccessLog& accessLog() { return accessLog_; }
  storage::Storage& storage() { return *storage_; }
  const rules::StandardRegistry& standards() const { return standards_; }

 private:
  bool holdsSchedulerLease(int interval);

  Config config_;
  rules::StandardRegistry standards_;
  std::unique_ptr<storage::Storage> storage_;
  certificates::KeyStore keys_;
  services::CertificateService certificates_;
  services::CountyService counties_;
  security::PasswordHasher hasher_;
  security::PasswordPolicy passwordPolicy_;
  services::AuthService auth_;
  services::MediaStore media_;
  services::ComplaintService complaints_;
  services::PlaqueReportService plaqueReports_;
  services::EntryService entries_;
  services::WorkflowContext workflowContext_;
  services::InspectionService inspections_;
  services::SupervisionService supervision_;
  services::Scheduler scheduler_;
  services::WorklistService worklist_;
  services::PublicRegister publicRegister_;
  services::CatalogueService catalogues_;
  services::ReportService reports_;
  services::AuditService audit_;
  const domain::Clock& clock_;
  http::AccessLog accessLog_;
  web::StaticFiles adminUi_;
  http::Router router_;
  std::unique_ptr<http::HttpServer> server_;
  /// Names this process as the holder of the scheduler's lease (host, process, random).
  std::string instanceId_;
  std::jthread schedulerThread_;
};

}  // namespace tisheng::app
