#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace tisheng::cli {

/// Each command takes the arguments after its name and returns the process exit code;
/// it writes results to out and diagnostics to err, and never throws.

/// `tisheng serve [--config FILE]`: serves until SIGINT or SIGTERM, then shuts down cleanly.
/// Call before any other thread starts (it blocks those signals for the whole process).
int serve(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

/// `tisheng rules lint DIR`: prints `file: json-path: message` for every problem; exit 1 if any.
int rules(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

/// The overview printed by `tisheng --help`.
std::string usage();

}  // namespace tisheng::cli
