#pragma once

#include "storage/ComplaintRepository.h"
#include "storage/Sqlite.h"

namespace tisheng::storage {

/// ComplaintRepository on SQLite. The pool must outlive it.
class SqliteComplaintRepository : public ComplaintRepository {
 public:
  explicit SqliteComplaintRepository(ConnectionPool& pool) : pool_(pool) {}
  std::int64_t add(const NewComplaint& complaint, const Stamp& stamp) override;
  int countFromAddressSince(std::string_view address, std::int64_t since) override;

 private:
  ConnectionPool& pool_;
};

}  // namespace tisheng::storage
