#include "support/Subprocess.h"

#include <signal.h>

#include <Poco/StreamCopier.h>

#include <regex>
#include <sstream>
#include <stdexcept>

namespace tisheng::test {

namespace {
std::string readAll(std::istream& in) {
  std::ostringstream text;
  Poco::StreamCopier::copyStream(in, text);
  return text.str();
}
}  // namespace

RunningTisheng::RunningTisheng(const std::vector<std::string>& args,
                               const std::map<std::string, std::string>& env) {
  Poco::Process::Env environment(env.begin(), env.end());
  handle_ = std::make_unique<Poco::ProcessHandle>(Poco::Process::launch(
      TISHENG_BINARY, args, TISHENG_SOURCE_DIR, nullptr, &outPipe_, &errPipe_, environment));
  err_ = std::async(std::launch::async, [this] {
    Poco::PipeInputStream in(errPipe_);
    return readAll(in);
  });
  out_ = std::make_unique<Poco::PipeInputStream>(outPipe_);
}

void RunningTisheng::signal(int number) const { ::kill(handle_->id(), number); }

std::uint16_t RunningTisheng::listeningPort() {
  static const std::regex kListening("listening on http://127\\.0\\.0\\.1:(\\d+)/");
  for (std::string line; std::getline(*out_, line);) {
    std::smatch match;
    if (std::regex_search(line, match, kListening))
      return static_cast<std::uint16_t>(std::stoi(match[1]));
  }
  throw std::runtime_error("tisheng ended without listening");
}

Finished RunningTisheng::finish() {
  Finished finished;
  finished.out = readAll(*out_);
  finished.exitCode = handle_->wait();
  finished.err = err_.get();
  return finished;
}

Finished runTisheng(const std::vector<std::string>& args,
                    const std::map<std::string, std::string>& env) {
  return RunningTisheng(args, env).finish();
}

}  // namespace tisheng::test
