#pragma once

#include <string>
#include <vector>

#include "storage/Database.h"

namespace tisheng::storage {

struct Migration {
  int version;
  std::string name;
  std::string sql;
};

/// Every schema change, numbered from 1, in order, in SQLite's dialect (SqliteMigrations.cpp).
/// Never edit a released migration: add one, here and in postgresMigrations() with the same number.
const std::vector<Migration>& sqliteMigrations();
/// The same migrations in PostgreSQL's dialect (PostgresMigrations.cpp).
const std::vector<Migration>& postgresMigrations();
const std::vector<Migration>& migrations(Dialect dialect);

/// Brings the database to the latest schema, recording the version (SQLite: PRAGMA
/// user_version, each migration in its own transaction; PostgreSQL: the schema_migrations table,
/// all in one transaction that other servers starting at the same time wait for). Throws
/// StorageError when the database is newer than this binary knows ("schema version 7 is newer
/// than this build of tisheng (up to 5)"). Returns the schema version now in force.
int migrate(Connection& connection);

/// The schema version in force (0 for an empty database).
int schemaVersion(Connection& connection);

}  // namespace tisheng::storage
