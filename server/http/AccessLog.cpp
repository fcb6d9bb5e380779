#include "http/AccessLog.h"

#include <cstdio>
#include <ctime>

namespace tisheng::http {

namespace {

constexpr std::size_t kGatherBytes = 64u << 10;

/// The UTC time now with milliseconds, as 2026-11-26T20:03:32.123Z; the text of the second is
/// made once per second and thread.
std::string_view utcNow(char (&out)[32]) {
  thread_local std::time_t second = -1;
  thread_local char text[24];
  auto now = std::chrono::system_clock::now();
  std::time_t seconds = std::chrono::system_clock::to_time_t(now);
  if (seconds != second) {
    std::tm tm{};
    gmtime_r(&seconds, &tm);
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%S", &tm);
    second = seconds;
  }
  auto millis =
      std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
  int length = std::snprintf(out, sizeof out, "%s.%03dZ", text, static_cast<int>(millis));
  return {out, static_cast<std::size_t>(length)};
}

}  // namespace

AccessLog::AccessLog(std::ostream& out, std::chrono::milliseconds flushInterval) : out_(out) {
  flusher_ = std::jthread([this, flushInterval](const std::stop_token& stop) {
    std::mutex mutex;
    std::condition_variable_any wake;
    std::unique_lock lock(mutex);
    while (!stop.stop_requested()) {
      wake.wait_for(lock, stop, flushInterval, [] { return false; });  // until the interval ends
      flush();
    }
  });
}

AccessLog::~AccessLog() {
  flusher_.request_stop();
  flusher_.join();
  flush();
}

void AccessLog::record(std::string_view method, std::string_view path, int status, double millis,
                       std::string_view requestId) {
  char time[32];
  char figures[48];
  int length = std::snprintf(figures, sizeof figures, " %d %.2fms rid=", status, millis);
  std::string_view now = utcNow(time);
  bool full = false;
  {
    std::lock_guard lock(gathering_);
    lines_.append(now).append(" ").append(method).append(" ").append(path);
    lines_.append(figures, static_cast<std::size_t>(length)).append(requestId).append("\n");
    full = lines_.size() >= kGatherBytes;
  }
  if (full) flush();
}

void AccessLog::note(const std::string& what) {
  char time[32];
  std::string_view now = utcNow(time);
  {
    std::lock_guard lock(gathering_);
    lines_.append(now).append(" ").append(what).append("\n");
  }
  flush();
}

void AccessLog::flush() {
  std::lock_guard write(writing_);
  std::string lines;
  {
    std::lock_guard lock(gathering_);
    lines.swap(lines_);
    lines_.reserve(lines.capacity());
  }
  if (lines.empty()) return;
  out_.write(lines.data(), static_cast<std::streamsize>(lines.size()));
  out_.flush();
}

}  // namespace tisheng::http
