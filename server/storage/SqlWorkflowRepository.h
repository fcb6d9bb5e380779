#pragma once

#include "storage/Database.h"
#include "storage/WorkflowRepository.h"

namespace tisheng::storage {

/// WorkflowRepository on an SQL database: each write() is one write transaction on one
/// connection borrowed from the pool, which must outlive it.
class SqlWorkflowRepository : public WorkflowRepository {
 public:
  explicit SqlWorkflowRepository(ConnectionPool& pool) : pool_(pool) {}

  void write(const std::function<void(WorkflowStore&)>& work) override;
  void read(const std::function<void(WorkflowStore&)>& work) override;

 private:
  ConnectionPool& pool_;
};

}  // namespace tisheng::storage
