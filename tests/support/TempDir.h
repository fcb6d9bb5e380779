#pragma once

#include <filesystem>

namespace tisheng::test {

/// A fresh directory under the system temp dir, removed with everything in it on destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

/// The repository checkout the tests were built from.
std::filesystem::path sourceDir();

}  // namespace tisheng::test
