#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "services/ImageSanitizer.h"
#include "storage/Blobs.h"

namespace tisheng::services {

/// An image as stored: rebuilt from its pixels (see sanitizeImage).
struct StoredImage {
  std::string path;    ///< relative to the store's root, e.g. "entries/<sha256>.jpg"
  std::string sha256;  ///< hex, of the stored bytes
  std::string contentType;
  std::size_t bytes = 0;
};

/// Uploaded images, cleaned and named by the SHA-256 of their content (so a name never gets
/// different bytes), kept in a BlobStore (a folder, or the database several servers share).
/// Thread-safe.
class MediaStore {
 public:
  explicit MediaStore(storage::BlobStore& blobs, ImageLimits limits = {})
      : blobs_(blobs), limits_(limits) {}

  /// "image/jpeg" or "image/png" from the file's first bytes, or nullopt (for serving files
  /// that storeImage wrote).
  static std::optional<std::string> imageType(std::string_view bytes);

  /// Decodes the upload, stores the image rebuilt from its pixels under folder (no metadata,
  /// orientation applied) and says where. Throws Invalid when the upload is not
  /// a whole JPEG or PNG image within the limits.
  StoredImage storeImage(const std::string& folder, std::string_view upload) const;
  /// The bytes stored under a path made by storeImage; nullopt when there are none.
  std::optional<std::string> read(const std::string& relativePath) const;

 private:
  storage::BlobStore& blobs_;
  ImageLimits limits_;
};

}  // namespace tisheng::services
