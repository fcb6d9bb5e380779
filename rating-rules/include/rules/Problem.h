#pragma once

#include <stdexcept>
#include <string>
#include <vector>

namespace tisheng::rules {

/// One thing wrong with a document: where (a JSON path such as `$.sections[2].items[0].max`,
/// or an item id for score sheets) and why.
struct Problem {
  std::string path;
  std::string message;
};

/// A standard file that failed validation. what() lists every problem as `file: path: message`.
class InvalidStandard : public std::runtime_error {
 public:
  InvalidStandard(std::string file, std::vector<Problem> problems);
  const std::string& file() const { return file_; }
  const std::vector<Problem>& problems() const { return problems_; }
  /// One `file: path: message` line per problem.
  std::vector<std::string> lines() const;

 private:
  std::string file_;
  std::vector<Problem> problems_;
};

/// A score sheet that cannot be evaluated against its standard; each problem's path is the
/// item id at fault (or `scores` for the sheet as a whole).
class InvalidScoreSheet : public std::runtime_error {
 public:
  explicit InvalidScoreSheet(std::vector<Problem> problems);
  const std::vector<Problem>& problems() const { return problems_; }

 private:
  std::vector<Problem> problems_;
};

}  // namespace tisheng::rules
