#include "storage/Migrations.h"

namespace tisheng::storage {

const std::vector<Migration>& migrations(Dialect dialect) {
  return dialect == Dialect::Sqlite ? sqliteMigrations() : postgresMigrations();
}

namespace {

/// PostgreSQL's bookkeeping: the versions applied, and the row writers take turns on.
void prepareBookkeeping(Connection& connection) {
  // Two servers starting at once may both create them; the loser's CREATE fails once.
  for (int attempt = 1;; ++attempt) {
    try {
      connection.execute(
          "CREATE TABLE IF NOT EXISTS schema_migrations (version BIGINT PRIMARY KEY, "
          "name TEXT NOT NULL);"
          "CREATE TABLE IF NOT EXISTS write_turn (id BIGINT PRIMARY KEY);"
          "INSERT INTO write_turn (id) VALUES (1) ON CONFLICT (id) DO NOTHING;");
      return;
    } catch (const StorageError&) {
      if (attempt == 3) throw;
    }
  }
}

void refuseNewer(int version, int latest) {
  if (version > latest)
    throw StorageError("database schema version " + std::to_string(version) +
                       " is newer than this build of tisheng (up to " + std::to_string(latest) +
                       "); use a newer tisheng");
}

int migrateSqlite(Connection& connection) {
  int version = schemaVersion(connection);
  refuseNewer(version, sqliteMigrations().back().version);
  for (const auto& migration : sqliteMigrations()) {
    if (migration.version <= version) continue;
    Transaction transaction(connection);
    connection.execute(migration.sql);
    connection.execute("PRAGMA user_version = " + std::to_string(migration.version));
    transaction.commit();
    version = migration.version;
  }
  return version;
}

int migratePostgres(Connection& connection) {
  prepareBookkeeping(connection);
  Transaction transaction(connection);  // holds the write turn: one server migrates at a time
  int version = schemaVersion(connection);
  refuseNewer(version, postgresMigrations().back().version);
  for (const auto& migration : postgresMigrations()) {
    if (migration.version <= version) continue;
    connection.execute(migration.sql);
    connection.prepare("INSERT INTO schema_migrations (version, name) VALUES (?, ?)")
        .bind(1, migration.version)
        .bind(2, migration.name)
        .run();
    version = migration.version;
  }
  transaction.commit();
  return version;
}

}  // namespace

int schemaVersion(Connection& connection) {
  auto current =
      connection.prepare(connection.dialect() == Dialect::Sqlite
                             ? "PRAGMA user_version"
                             : "SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
  current.step();
  return static_cast<int>(current.integer(0));
}

int migrate(Connection& connection) {
  return connection.dialect() == Dialect::Sqlite ? migrateSqlite(connection)
                                                 : migratePostgres(connection);
}

}  // namespace tisheng::storage
