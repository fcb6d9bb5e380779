#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>

#include "storage/Blobs.h"
#include "storage/Database.h"
#include "storage/Leases.h"
#include "storage/SqlComplaintRepository.h"
#include "storage/SqlPlaqueReportRepository.h"
#include "storage/SqlPublicListing.h"
#include "storage/SqlRegistryRepository.h"
#include "storage/SqlUserRepository.h"
#include "storage/SqlWorkflowRepository.h"

namespace tisheng::storage {

/// Where the registry lives, as `storage.url` says it: `sqlite:PATH` (the embedded default) or
/// `postgresql://user@host:port/database` (several servers on one database).
struct StorageAddress {
  Dialect dialect = Dialect::Sqlite;
  std::filesystem::path file;  ///< SQLite
  std::string url;             ///< PostgreSQL, as libpq takes it
  /// With SQLite, photos and evidence are files in this folder; with PostgreSQL they are in the
  /// database, where every server finds them.
  std::filesystem::path mediaDir;

  /// Throws std::invalid_argument naming what is wrong with text.
  static StorageAddress parse(const std::string& text);
  /// The address without any password, for logs and messages.
  std::string shown() const;
};

/// Everything the registry keeps, on one database: the connection pool, migrated to the latest
/// schema when opened, and the repositories over it. What serve, tick, admin, audit and backup
/// all open, whichever engine the address names.
class Storage {
 public:
  enum class Create { IfMissing, Never };
  /// Opens and migrates; with Create::IfMissing an SQLite file and its folder are created.
  /// Throws StorageError ("...: no database" for a missing SQLite file with Create::Never).
  static std::unique_ptr<Storage> open(const StorageAddress& address, std::size_t connections,
                                       Create create = Create::IfMissing);

  const StorageAddress& address() const { return address_; }
  ConnectionPool& database() { return *pool_; }
  RegistryRepository& registry() { return registry_; }
  UserRepository& users() { return users_; }
  ComplaintRepository& complaints() { return complaints_; }
  WorkflowRepository& workflow() { return workflow_; }
  PublicListing& publicListing() { return publicListing_; }
  PlaqueReportRepository& plaqueReports() { return plaqueReports_; }
  BlobStore& media() { return *media_; }
  Leases& leases() { return leases_; }

 private:
  Storage(StorageAddress address, std::unique_ptr<ConnectionPool> pool);

  StorageAddress address_;
  std::unique_ptr<ConnectionPool> pool_;
  SqlRegistryRepository registry_;
  SqlUserRepository users_;
  SqlComplaintRepository complaints_;
  SqlWorkflowRepository workflow_;
  SqlPublicListing publicListing_;
  SqlPlaqueReportRepository plaqueReports_;
  std::unique_ptr<BlobStore> media_;
  Leases leases_;
};

}  // namespace tisheng::storage
