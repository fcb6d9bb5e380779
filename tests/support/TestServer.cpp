#include "support/TestServer.h"

namespace tisheng::test {

TestServer::TestServer(app::Config config) {
  config.http.port = 0;
  config.http.maxThreads = 8;
  config.passwordCost = 10;  // fast logins; production uses 15
  // Tests run the scheduler themselves, on their clock, unless they ask for the server's own.
  if (config.schedulerIntervalSeconds == app::Config{}.schedulerIntervalSeconds)
    config.schedulerIntervalSeconds = 0;
  config.dataDir = dir_.path();
  if (config.storageUrl == kSqliteInDataDir)
    config.storageUrl = "sqlite:" + (dir_.path() / "tisheng.db").string();
  else if (config.storageUrl.empty())
    config.storageUrl = database_.url();
  if (config.keyEncryptionKeyText.empty() && onPostgres())
    config.keyEncryptionKeyText = "test key-encryption key, 32 chars or more";
  if (config.rulesDir == app::Config{}.rulesDir)
    config.rulesDir = sourceDir() / "rating-rules" / "standards";
  config.commonPasswordsFile = sourceDir() / "config" / "common-passwords.txt";
  app_ = std::make_unique<app::App>(config, log_, clock_);
  app_->start();
}

std::map<std::string, std::string> TestServer::commandEnvironment() const {
  return {{"TISHENG_STORAGE_DATA_DIR", dir_.path().string()},
          {"TISHENG_STORAGE_URL", app_->config().storageUrl},
          {"TISHENG_KEYS_KEK", app_->config().keyEncryptionKeyText}};
}

TestServer::~TestServer() {
  app_->stop();
  app_.reset();  // closes its connections before the database is dropped
}

}  // namespace tisheng::test
