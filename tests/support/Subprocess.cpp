#include "support/Subprocess.h"

#include <Poco/Pipe.h>
#include <Poco/PipeStream.h>
#include <Poco/Process.h>
#include <Poco/StreamCopier.h>

#include <future>
#include <sstream>

namespace tisheng::test {

Finished runTisheng(const std::vector<std::string>& args,
                    const std::map<std::string, std::string>& env) {
  Poco::Pipe out, err;
  Poco::Process::Env environment(env.begin(), env.end());
  auto handle = Poco::Process::launch(TISHENG_BINARY, args, TISHENG_SOURCE_DIR, nullptr, &out, &err,
                                      environment);
  // Drain stderr on another thread so that neither pipe can fill up and block the child.
  auto errText = std::async(std::launch::async, [&err] {
    Poco::PipeInputStream in(err);
    std::ostringstream text;
    Poco::StreamCopier::copyStream(in, text);
    return text.str();
  });
  Poco::PipeInputStream outStream(out);
  std::ostringstream outText;
  Poco::StreamCopier::copyStream(outStream, outText);
  Finished finished;
  finished.exitCode = handle.wait();
  finished.out = outText.str();
  finished.err = errText.get();
  return finished;
}

}  // namespace tisheng::test
