#include "http/AccessLog.h"

#include <chrono>
#include <cstdio>
#include <ctime>

namespace tisheng::http {

namespace {
std::string utcNow() {
  auto now = std::chrono::system_clock::now();
  std::time_t seconds = std::chrono::system_clock::to_time_t(now);
  auto millis =
      std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
  std::tm tm{};
  gmtime_r(&seconds, &tm);
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900,
                tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
                static_cast<int>(millis));
  return buffer;
}
}  // namespace

void AccessLog::record(const std::string& method, const std::string& path, int status,
                       double millis, const std::string& requestId) {
  char duration[32];
  std::snprintf(duration, sizeof duration, "%.2fms", millis);
  std::string line = utcNow() + " " + method + " " + path + " " + std::to_string(status) + " " +
                     duration + " rid=" + requestId + "\n";
  std::lock_guard lock(mutex_);
  out_ << line << std::flush;
}

void AccessLog::note(const std::string& what) {
  std::string line = utcNow() + " " + what + "\n";
  std::lock_guard lock(mutex_);
  out_ << line << std::flush;
}

}  // namespace tisheng::http
