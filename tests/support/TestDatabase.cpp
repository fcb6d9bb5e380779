#include "support/TestDatabase.h"

#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <stdexcept>

#include "storage/Postgres.h"

namespace tisheng::test {

namespace {
const char* maintenanceUrl() { return std::getenv("TISHENG_TEST_POSTGRES"); }
}  // namespace

bool onPostgres() { return maintenanceUrl() != nullptr; }

TestDatabase::TestDatabase() {
  if (!onPostgres()) return;
  static std::atomic<int> counter{0};
  name_ = "tisheng_test_" + std::to_string(getpid()) + "_" + std::to_string(++counter);
  std::string admin = maintenanceUrl();
  auto path = admin.find("/postgres");
  if (path == std::string::npos)
    throw std::runtime_error("TISHENG_TEST_POSTGRES must name the postgres database");
  storage::openPostgres(admin)->execute("CREATE DATABASE " + name_);
  url_ = admin.substr(0, path) + "/" + name_ + admin.substr(path + 9);
}

TestDatabase::~TestDatabase() {
  if (name_.empty()) return;
  try {
    storage::openPostgres(maintenanceUrl())->execute("DROP DATABASE " + name_ + " WITH (FORCE)");
  } catch (const std::exception&) {
    // The whole cluster is deleted after the run anyway.
  }
}

}  // namespace tisheng::test
