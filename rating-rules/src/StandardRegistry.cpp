#include "rules/StandardRegistry.h"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "rules/Problem.h"
#include "rules/StandardParser.h"

namespace tisheng::rules {

namespace fs = std::filesystem;

StandardRegistry StandardRegistry::scan(const fs::path& dir, std::vector<std::string>& problems) {
  StandardRegistry registry;
  std::error_code error;
  if (!fs::is_directory(dir, error)) {
    problems.push_back(dir.string() + ": not a directory");
    return registry;
  }
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(dir, error))
    if (entry.is_regular_file() && entry.path().extension() == ".json")
      files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  if (files.empty()) problems.push_back(dir.string() + ": no *.json standards found");
  std::map<std::string, std::string> origin;  // "id@version" -> file name
  for (const auto& file : files) {
    std::ifstream in(file, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    if (!in) {
      problems.push_back(file.string() + ": cannot be read");
      continue;
    }
    try {
      auto standard = std::make_shared<const Standard>(parseStandard(text.str(), file.string()));
      std::string key = standard->id + "@" + std::to_string(standard->version);
      if (!registry.add(standard)) {
        problems.push_back(file.string() + ": $.version: version " +
                           std::to_string(standard->version) + " of '" + standard->id +
                           "' is also defined in " + origin[key]);
        continue;
      }
      origin[key] = file.filename().string();
    } catch (const InvalidStandard& invalid) {
      auto lines = invalid.lines();
      problems.insert(problems.end(), lines.begin(), lines.end());
    }
  }
  return registry;
}

StandardRegistry StandardRegistry::load(const fs::path& dir) {
  std::vector<std::string> problems;
  StandardRegistry registry = scan(dir, problems);
  if (!problems.empty()) {
    std::string message;
    for (const auto& line : problems) message += (message.empty() ? "" : "\n") + line;
    throw std::runtime_error(message);
  }
  return registry;
}

bool StandardRegistry::add(std::shared_ptr<const Standard> standard) {
  auto& versions = byId_[standard->id];
  return versions.emplace(standard->version, std::move(standard)).second;
}

std::shared_ptr<const Standard> StandardRegistry::latest(std::string_view id) const {
  auto it = byId_.find(id);
  if (it == byId_.end() || it->second.empty()) return nullptr;
  return it->second.rbegin()->second;
}

std::shared_ptr<const Standard> StandardRegistry::find(std::string_view id, int version) const {
  auto it = byId_.find(id);
  if (it == byId_.end()) return nullptr;
  auto found = it->second.find(version);
  return found == it->second.end() ? nullptr : found->second;
}

std::vector<std::shared_ptr<const Standard>> StandardRegistry::latestOfEach() const {
  std::vector<std::shared_ptr<const Standard>> out;
  for (const auto& [id, versions] : byId_)
    if (!versions.empty()) out.push_back(versions.rbegin()->second);
  return out;
}

std::vector<int> StandardRegistry::versions(std::string_view id) const {
  std::vector<int> out;
  if (auto it = byId_.find(id); it != byId_.end())
    for (const auto& [version, standard] : it->second) out.push_back(version);
  return out;
}

LocalizedText StandardRegistry::gradeTitle(std::string_view id, int version,
                                           const std::string& grade) const {
  if (auto standard = find(id, version))
    if (const Grade* found = standard->findGrade(grade)) return found->title;
  return {grade, grade};
}

}  // namespace tisheng::rules
