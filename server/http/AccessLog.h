#pragma once

#include <mutex>
#include <ostream>
#include <string>

namespace tisheng::http {

/// Writes one line per request: time, method, path, status, milliseconds, request id; and
/// timestamped notes of the server's own work.
/// Thread-safe; does not own the stream, which must outlive it.
class AccessLog {
 public:
  explicit AccessLog(std::ostream& out) : out_(out) {}
  void record(const std::string& method, const std::string& path, int status, double millis,
              const std::string& requestId);
  /// Writes one timestamped line that is not a request (e.g. what the scheduler did).
  void note(const std::string& what);

 private:
  std::mutex mutex_;
  std::ostream& out_;
};

}  // namespace tisheng::http
