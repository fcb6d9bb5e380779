#pragma once

#include <cstddef>
#include <filesystem>
#include <map>
#include <string>

namespace tisheng::web {

/// One file of a static site, ready to send.
struct StaticFile {
  std::string contentType;
  std::string body;
  std::string etag;  ///< quoted, from the SHA-256 of the body
  /// The body gzip-compressed, when that makes it smaller (text types), else empty; it is sent
  /// to clients that accept gzip, under its own ETag.
  std::string gzipBody;
  std::string gzipEtag;
};

/// A directory of static files (the admin UI) read once into memory: at start-up the whole tree
/// is loaded, so a request never touches the file system and no path can escape the root.
/// Only files with a known type are kept (html, js, css, svg, png, json, webmanifest, txt);
/// hidden files and directories are skipped. Text is also kept gzip-compressed (on 3G the bytes
/// matter). Immutable after construction: thread-safe.
class StaticFiles {
 public:
  /// Largest tree accepted; a bigger one is an error (a misconfigured directory).
  static constexpr std::size_t kMaxTotalBytes = std::size_t{16} << 20;

  StaticFiles() = default;
  /// Loads root recursively; a missing root gives an empty site. Throws std::runtime_error when
  /// the tree exceeds kMaxTotalBytes or a file cannot be read.
  explicit StaticFiles(const std::filesystem::path& root);

  /// The file at a relative path such as "src/main.js", or nullptr.
  const StaticFile* find(const std::string& path) const;
  bool empty() const { return files_.empty(); }
  const std::filesystem::path& root() const { return root_; }

 private:
  std::filesystem::path root_;
  std::map<std::string, StaticFile> files_;
};

}  // namespace tisheng::web
