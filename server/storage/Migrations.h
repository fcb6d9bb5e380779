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

/// Every schema change, numbered from 1, in order. Never edit a released migration: add one.
const std::vector<Migration>& migrations();

/// Brings the database to the latest schema, each migration in its own transaction, recording
/// the version in PRAGMA user_version. Throws StorageError when the database is newer than this
/// binary knows ("schema version 7 is newer than this build of tisheng (up to 5)").
/// Returns the schema version now in force.
int migrate(Connection& connection);

/// The schema version in force (0 for an empty database).
int schemaVersion(Connection& connection);

}  // namespace tisheng::storage
