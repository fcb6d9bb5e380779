#pragma once

#include <memory>
#include <sstream>

#include "app/App.h"
#include "support/HttpClient.h"
#include "support/TempDir.h"

namespace tisheng::test {

/// The real application on an ephemeral port with a temporary data directory and the shipped
/// standards. Its access log is captured in memory. Stops on destruction.
class TestServer {
 public:
  /// config is adjusted: port 0, data dir in a temp dir, rules dir from the source tree.
  explicit TestServer(app::Config config = {});
  ~TestServer();

  HttpClient client() const { return HttpClient(app_->port()); }
  std::uint16_t port() const { return app_->port(); }
  std::string accessLog() const { return log_.str(); }
  const app::App& app() const { return *app_; }
  const TempDir& dataDir() const { return dir_; }

 private:
  TempDir dir_;
  std::ostringstream log_;
  std::unique_ptr<app::App> app_;
};

}  // namespace tisheng::test
