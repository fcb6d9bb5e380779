#pragma once

#include "storage/Database.h"
#include "storage/PublicListing.h"

namespace tisheng::storage {

/// PublicListing on an SQL database (SQLite or PostgreSQL). The pool must outlive it.
class SqlPublicListing : public PublicListing {
 public:
  explicit SqlPublicListing(ConnectionPool& pool) : pool_(pool) {}
  std::vector<domain::PublicRecord> records(const domain::PublicQuery& query) override;
  std::size_t count(const domain::PublicQuery& query) override;
  std::optional<domain::PublicRecord> record(std::int64_t entryId) override;
  std::vector<domain::Certificate> history(std::int64_t entryId) override;
  std::int64_t lastChange() override;

 private:
  ConnectionPool& pool_;
};

}  // namespace tisheng::storage
