#pragma once

#include <map>
#include <string>
#include <vector>

namespace tisheng::test {

struct Finished {
  int exitCode = -1;
  std::string out;
  std::string err;
};

/// Runs the `tisheng` binary under test with args and extra environment, waits for it, and
/// returns its exit code and output.
Finished runTisheng(const std::vector<std::string>& args,
                    const std::map<std::string, std::string>& env = {});

}  // namespace tisheng::test
