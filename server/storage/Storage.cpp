#include "storage/Storage.h"

#include <stdexcept>

#include "storage/Migrations.h"
#include "storage/Postgres.h"
#include "storage/Sqlite.h"

namespace tisheng::storage {

StorageAddress StorageAddress::parse(const std::string& text) {
  StorageAddress address;
  if (text.starts_with("sqlite:")) {
    address.file = text.substr(7);
    if (address.file.empty()) throw std::invalid_argument("sqlite: needs a file path");
    return address;
  }
  if (text.starts_with("postgresql://") || text.starts_with("postgres://")) {
    address.dialect = Dialect::Postgres;
    address.url = text;
    return address;
  }
  throw std::invalid_argument("\"" + text +
                              "\" is neither sqlite:PATH nor postgresql://user@host:port/db");
}

std::string StorageAddress::shown() const {
  if (dialect == Dialect::Sqlite) return "sqlite:" + file.string();
  // postgresql://user:password@host/db → postgresql://user@host/db
  auto scheme = url.find("://") + 3;
  auto at = url.find('@', scheme);
  auto colon = url.find(':', scheme);
  if (at == std::string::npos || colon == std::string::npos || colon > at) return url;
  return url.substr(0, colon) + url.substr(at);
}

Storage::Storage(StorageAddress address, std::unique_ptr<ConnectionPool> pool)
    : address_(std::move(address)),
      pool_(std::move(pool)),
      registry_(*pool_),
      users_(*pool_),
      complaints_(*pool_),
      workflow_(*pool_),
      publicListing_(*pool_),
      plaqueReports_(*pool_),
      leases_(*pool_) {
  if (address_.dialect == Dialect::Sqlite)
    media_ = std::make_unique<DirectoryBlobs>(address_.mediaDir);
  else
    media_ = std::make_unique<DatabaseBlobs>(*pool_);
}

std::unique_ptr<Storage> Storage::open(const StorageAddress& address, std::size_t connections,
                                       Create create) {
  std::unique_ptr<ConnectionPool> pool;
  if (address.dialect == Dialect::Sqlite) {
    if (create == Create::Never && !std::filesystem::exists(address.file))
      throw StorageError(address.file.string() + ": no database");
    pool = sqlitePool(address.file, connections);
  } else {
    pool = postgresPool(address.url, connections);
  }
  migrate(*pool->acquire());
  return std::unique_ptr<Storage>(new Storage(address, std::move(pool)));
}

}  // namespace tisheng::storage
