#pragma once

#include "storage/Sqlite.h"
#include "storage/WorkflowRepository.h"

namespace tisheng::storage {

/// WorkflowRepository on SQLite: each write() is one BEGIN IMMEDIATE transaction on one
/// connection borrowed from the pool, which must outlive it.
class SqliteWorkflowRepository : public WorkflowRepository {
 public:
  explicit SqliteWorkflowRepository(ConnectionPool& pool) : pool_(pool) {}

  void write(const std::function<void(WorkflowStore&)>& work) override;
  void read(const std::function<void(WorkflowStore&)>& work) override;

 private:
  ConnectionPool& pool_;
};

}  // namespace tisheng::storage
