#include "storage/GenerationWatch.h"

#include "storage/CertificateRows.h"

namespace tisheng::storage {

GenerationWatch::~GenerationWatch() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  stop_.notify_all();
  if (thread_.joinable()) thread_.join();
}

std::int64_t GenerationWatch::current() {
  std::call_once(started_, [this] {
    readDatabase();  // the first read is exact
    thread_ = std::thread([this] { watch(); });
  });
  return pool_.knownGeneration();
}

void GenerationWatch::readDatabase() {
  auto db = pool_.acquire();
  pool_.noteGeneration(registryGeneration(*db));
}

void GenerationWatch::watch() {
  std::unique_lock lock(mutex_);
  while (!stop_.wait_for(lock, interval_, [this] { return stopping_; })) {
    lock.unlock();
    try {
      readDatabase();
    } catch (const StorageError&) {
      // The database is away for a moment (a PostgreSQL restart); the next round asks again.
    }
    lock.lock();
  }
}

}  // namespace tisheng::storage
