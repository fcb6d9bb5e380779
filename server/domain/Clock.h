#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>

namespace tisheng::domain {

/// Where the time comes from, so tests can move it. Implementations are thread-safe.
class Clock {
 public:
  virtual ~Clock() = default;
  /// Unix seconds.
  virtual std::int64_t now() const = 0;
};

class SystemClock : public Clock {
 public:
  std::int64_t now() const override {
    return std::chrono::duration_cast<std::chrono::seconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
  }
};

/// A clock that stands still until told to move.
class ManualClock : public Clock {
 public:
  explicit ManualClock(std::int64_t start) : now_(start) {}
  std::int64_t now() const override { return now_.load(); }
  void set(std::int64_t value) { now_.store(value); }
  void advanceDays(int days) { now_ += static_cast<std::int64_t>(days) * 86400; }

 private:
  std::atomic<std::int64_t> now_;
};

}  // namespace tisheng::domain
