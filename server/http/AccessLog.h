#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <ostream>
#include <string>
#include <string_view>
#include <thread>

namespace tisheng::http {

/// Writes one line per request: time, method, path, status, milliseconds, request id; and
/// timestamped notes of the server's own work. Request lines gather in memory and are written
/// in one piece every flushInterval, once 64 KB have gathered, with a note, on flush() and when
/// the log is destroyed (as nginx's `access_log … buffer= flush=`): requests do not queue to
/// write to the terminal or the journal one line at a time.
/// Thread-safe; does not own the stream, which must outlive it.
class AccessLog {
 public:
  explicit AccessLog(std::ostream& out,
                     std::chrono::milliseconds flushInterval = std::chrono::milliseconds(100));
  ~AccessLog();
  AccessLog(const AccessLog&) = delete;
  AccessLog& operator=(const AccessLog&) = delete;

  void record(std::string_view method, std::string_view path, int status, double millis,
              std::string_view requestId);
  /// Writes one timestamped line that is not a request (e.g. what the scheduler did), and
  /// everything gathered before it.
  void note(const std::string& what);
  /// Writes the lines gathered so far.
  void flush();

 private:
  std::ostream& out_;
  std::mutex writing_;  ///< held while writing to out_: lines keep their order
  std::mutex gathering_;
  std::string lines_;
  std::jthread flusher_;
};

}  // namespace tisheng::http
