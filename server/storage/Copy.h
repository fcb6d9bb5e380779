#pragma once

#include <cstdint>
#include <map>
#include <string>

#include "storage/Database.h"

namespace tisheng::storage {

/// Rows per table, as counted in one database.
using TableCounts = std::map<std::string, std::int64_t>;

/// Copies every row of every table from an SQLite database into an empty PostgreSQL one, both
/// at the latest schema, ids, hashes and all, in one transaction on the target (nothing is left
/// half-copied), then moves the target's id sequences past the copied ids. Throws StorageError
/// when the target already holds rows or the source has a table this build does not know.
/// Returns the rows copied per table.
TableCounts copyRegistry(Connection& source, Connection& target);

/// Rows per table of the registry in database.
TableCounts countRows(Connection& database);

}  // namespace tisheng::storage
