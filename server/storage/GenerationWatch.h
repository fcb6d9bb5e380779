#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <thread>

#include "storage/Database.h"

namespace tisheng::storage {

/// The registry's generation as this process knows it, without asking the database on every
/// read. Commits made through the pool raise it before their connection goes back, so a read
/// that starts after such a commit returned sees it; a thread started by the first read asks the
/// database every `interval` for commits made by other processes (another server on the same
/// PostgreSQL, `tisheng tick` from cron), which are therefore seen within one interval.
class GenerationWatch {
 public:
  GenerationWatch(ConnectionPool& pool, std::chrono::milliseconds interval)
      : pool_(pool), interval_(interval) {}
  ~GenerationWatch();
  GenerationWatch(const GenerationWatch&) = delete;
  GenerationWatch& operator=(const GenerationWatch&) = delete;

  std::int64_t current();

 private:
  void readDatabase();
  void watch();

  ConnectionPool& pool_;
  std::chrono::milliseconds interval_;
  std::once_flag started_;
  std::mutex mutex_;
  std::condition_variable stop_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace tisheng::storage
