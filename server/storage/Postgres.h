#pragma once

#include <memory>
#include <string>

#include "storage/Database.h"

namespace tisheng::storage {

/// Opens one PostgreSQL connection through libpq (url: postgresql://user@host:port/db). Its
/// statements are prepared once per connection (per combination of parameter types) and keep
/// SQLite's `?` / `?N` placeholders in the repositories' SQL. Writers take turns on the
/// write_turn row (Connection::beginWrite); readers see one REPEATABLE READ snapshot.
std::unique_ptr<Connection> openPostgres(const std::string& url);

/// A pool of connections to one PostgreSQL database.
std::unique_ptr<ConnectionPool> postgresPool(const std::string& url, std::size_t size);

/// Converts SQLite placeholders to PostgreSQL ones: `?` is one more than the highest number used
/// so far, `?N` is $N (as SQLite numbers them). Quoted text is left alone.
std::string postgresPlaceholders(const std::string& sql);

}  // namespace tisheng::storage
