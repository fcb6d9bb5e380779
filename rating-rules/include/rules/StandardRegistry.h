#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "rules/Standard.h"

namespace tisheng::rules {

/// Every version of every standard known to the system, immutable once loaded.
/// Copies share the standards; const methods are thread-safe.
class StandardRegistry {
 public:
  /// Loads every `*.json` file of dir into registry, appending a `file: json-path: message`
  /// line to problems for each thing wrong (bad files are skipped, the rest still load).
  static StandardRegistry scan(const std::filesystem::path& dir,
                               std::vector<std::string>& problems);

  /// Loads dir; throws std::runtime_error listing every problem when anything is wrong.
  static StandardRegistry load(const std::filesystem::path& dir);

  /// Adds a standard; returns false (and keeps the first) when its id and version exist.
  bool add(std::shared_ptr<const Standard> standard);

  /// The highest version of id, or nullptr.
  std::shared_ptr<const Standard> latest(std::string_view id) const;
  /// That exact version, or nullptr.
  std::shared_ptr<const Standard> find(std::string_view id, int version) const;
  /// The latest version of each standard, ordered by id.
  std::vector<std::shared_ptr<const Standard>> latestOfEach() const;
  /// Every version of id, oldest first.
  std::vector<int> versions(std::string_view id) const;
  /// The title of grade in that version of standard id; the grade id itself when unknown.
  LocalizedText gradeTitle(std::string_view id, int version, const std::string& grade) const;

 private:
  std::map<std::string, std::map<int, std::shared_ptr<const Standard>>, std::less<>> byId_;
};

}  // namespace tisheng::rules
