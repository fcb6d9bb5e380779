#pragma once

#include <filesystem>
#include <memory>

#include "storage/Database.h"

struct sqlite3;

namespace tisheng::storage {

/// Opens (creating the file) one SQLite connection: WAL, foreign keys on, busy timeout.
std::unique_ptr<Connection> openSqlite(const std::filesystem::path& file);

/// A pool of connections to one SQLite file, creating its folder.
std::unique_ptr<ConnectionPool> sqlitePool(const std::filesystem::path& file, std::size_t size);

/// The SQLite handle behind a connection opened by openSqlite (for the online backup API).
sqlite3* sqliteHandle(Connection& connection);

}  // namespace tisheng::storage
