#include "rules/Problem.h"

namespace tisheng::rules {

namespace {
std::string joined(const std::vector<Problem>& problems, const std::string& prefix,
                   const std::string& separator) {
  std::string out;
  for (const auto& p : problems)
    out += (out.empty() ? "" : separator) + prefix + p.path + ": " + p.message;
  return out;
}
}  // namespace

InvalidStandard::InvalidStandard(std::string file, std::vector<Problem> problems)
    : std::runtime_error(joined(problems, file + ": ", "\n")),
      file_(std::move(file)),
      problems_(std::move(problems)) {}

std::vector<std::string> InvalidStandard::lines() const {
  std::vector<std::string> out;
  for (const auto& p : problems_) out.push_back(file_ + ": " + p.path + ": " + p.message);
  return out;
}

InvalidScoreSheet::InvalidScoreSheet(std::vector<Problem> problems)
    : std::runtime_error("invalid score sheet: " + joined(problems, "", "; ")),
      problems_(std::move(problems)) {}

}  // namespace tisheng::rules
