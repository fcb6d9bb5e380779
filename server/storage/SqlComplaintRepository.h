#pragma once

#include "storage/ComplaintRepository.h"
#include "storage/Database.h"

namespace tisheng::storage {

/// ComplaintRepository on an SQL database (SQLite or PostgreSQL). The pool must outlive it.
class SqlComplaintRepository : public ComplaintRepository {
 public:
  explicit SqlComplaintRepository(ConnectionPool& pool) : pool_(pool) {}
  std::int64_t add(const NewComplaint& complaint, const Stamp& stamp) override;
  int countFromAddressSince(std::string_view address, std::int64_t since) override;

 private:
  ConnectionPool& pool_;
};

}  // namespace tisheng::storage
