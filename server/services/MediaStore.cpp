#include "services/MediaStore.h"

#include "certificates/Crypto.h"
#include "services/Errors.h"
#include "services/ImageSanitizer.h"

namespace tisheng::services {

std::optional<std::string> MediaStore::imageType(std::string_view bytes) {
  if (bytes.size() > 3 && bytes.substr(0, 3) == "\xFF\xD8\xFF") return "image/jpeg";
  if (bytes.size() > 8 && bytes.substr(0, 8) == "\x89PNG\r\n\x1A\n") return "image/png";
  return std::nullopt;
}

StoredImage MediaStore::storeImage(const std::string& folder, std::string_view upload) const {
  CleanImage image = sanitizeImage(upload, limits_);
  const std::string& bytes = image.bytes;
  std::string sha256 = certificates::hex(certificates::sha256(bytes));
  std::string name = folder + "/" + sha256 + (image.type == "image/png" ? ".png" : ".jpg");
  blobs_.put(name, bytes);
  return {name, sha256, image.type, bytes.size()};
}

std::optional<std::string> MediaStore::read(const std::string& relativePath) const {
  return blobs_.get(relativePath);
}

}  // namespace tisheng::services
