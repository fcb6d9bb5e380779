#pragma once

#include <Poco/Pipe.h>
#include <Poco/PipeStream.h>
#include <Poco/Process.h>

#include <future>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace tisheng::test {

struct Finished {
  int exitCode = -1;
  std::string out;
  std::string err;
};

/// The `tisheng` binary under test, started in the source tree with extra environment.
/// Standard error is drained on another thread so that no pipe can fill up and block the child;
/// standard output is read by the test through out().
class RunningTisheng {
 public:
  RunningTisheng(const std::vector<std::string>& args,
                 const std::map<std::string, std::string>& env);

  std::istream& out() { return *out_; }
  /// For `serve`: reads standard output up to "listening on http://127.0.0.1:PORT/" and returns
  /// PORT; throws std::runtime_error when the process ends first.
  std::uint16_t listeningPort();
  /// Sends a signal (SIGTERM to stop a server).
  void signal(int number) const;
  /// Waits for the exit and returns the code, the rest of standard output and all of stderr.
  Finished finish();

 private:
  Poco::Pipe outPipe_, errPipe_;
  std::unique_ptr<Poco::ProcessHandle> handle_;
  std::unique_ptr<Poco::PipeInputStream> out_;
  std::future<std::string> err_;
};

/// Runs `tisheng` with args to completion.
Finished runTisheng(const std::vector<std::string>& args,
                    const std::map<std::string, std::string>& env = {});

}  // namespace tisheng::test
