#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace tisheng::services {

/// Uploaded images on disk under a root folder, named by the SHA-256 of their content (so a
/// file is never overwritten with different bytes). Thread-safe.
class MediaStore {
 public:
  explicit MediaStore(std::filesystem::path root) : root_(std::move(root)) {}

  /// "image/jpeg" or "image/png" from the file's first bytes, or nullopt.
  static std::optional<std::string> imageType(std::string_view bytes);

  /// Stores bytes under folder and returns the relative path ("entries/<sha256>.jpg").
  /// Throws http::ValidationError when the bytes are not a JPEG or PNG image.
  std::string storeImage(const std::string& folder, const std::string& bytes) const;
  /// The bytes at a relative path made by storeImage; nullopt when missing or outside the root.
  std::optional<std::string> read(const std::string& relativePath) const;

 private:
  std::filesystem::path root_;
};

}  // namespace tisheng::services
