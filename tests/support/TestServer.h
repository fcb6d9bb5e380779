#pragma once

#include <map>
#include <memory>
#include <sstream>
#include <string>

#include "app/App.h"
#include "support/HttpClient.h"
#include "support/SharedText.h"
#include "support/TempDir.h"
#include "support/TestDatabase.h"

namespace tisheng::test {

/// The real application on an ephemeral port with a temporary data directory and the shipped
/// standards. Its access log is captured in memory. Stops on destruction.
class TestServer {
 public:
  /// 2026-11-18T11:06:40Z, the time every test server starts at.
  static constexpr std::int64_t kStart = 1795000000;

  /// config is adjusted: port 0, data dir in a temp dir, a fresh database (see TestDatabase),
  /// rules dir from the source tree unless the config names another.
  explicit TestServer(app::Config config = {});
  /// On SQLite in its data directory whatever the run's backend (the source of a migration).
  static app::Config onSqlite() {
    app::Config config;
    config.storageUrl = kSqliteInDataDir;
    return config;
  }
  static constexpr const char* kSqliteInDataDir = "sqlite:(data dir)";
  ~TestServer();
  TestServer(const TestServer&) = delete;
  TestServer& operator=(const TestServer&) = delete;

  HttpClient client() const { return HttpClient(app_->port()); }
  std::uint16_t port() const { return app_->port(); }
  /// The access log written so far (what has gathered in memory included).
  std::string accessLog() const {
    app_->accessLog().flush();
    return log_.text();
  }
  app::App& app() { return *app_; }
  domain::ManualClock& clock() { return clock_; }
  const TempDir& dataDir() const { return dir_; }
  /// The environment that points a `tisheng` command at this server's data and database.
  std::map<std::string, std::string> commandEnvironment() const;

 private:
  TempDir dir_;
  TestDatabase database_;
  domain::ManualClock clock_{kStart};
  SharedText log_;
  std::unique_ptr<app::App> app_;
};

}  // namespace tisheng::test
