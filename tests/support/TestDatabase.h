#pragma once

#include <string>

namespace tisheng::test {

/// Which database the server tests run on. By default each test server has its own SQLite file
/// in its data directory. When TISHENG_TEST_POSTGRES names a PostgreSQL server's maintenance
/// database (postgresql://user@/postgres?host=DIR, as scripts/test-postgres.sh prints it), each
/// test server gets a new empty database there instead, dropped when the server ends.
class TestDatabase {
 public:
  TestDatabase();
  ~TestDatabase();
  TestDatabase(const TestDatabase&) = delete;
  TestDatabase& operator=(const TestDatabase&) = delete;

  /// The storage.url for the server: empty for SQLite.
  const std::string& url() const { return url_; }

 private:
  std::string name_;
  std::string url_;
};

/// True when the tests run on PostgreSQL.
bool onPostgres();

}  // namespace tisheng::test
