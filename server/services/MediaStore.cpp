#include "services/MediaStore.h"

#include <fstream>
#include <sstream>

#include "certificates/Crypto.h"
#include "services/Errors.h"
#include "services/ImageSanitizer.h"

namespace tisheng::services {

namespace fs = std::filesystem;

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
  fs::path file = root_ / name;
  if (!fs::exists(file)) {
    fs::create_directories(file.parent_path());
    fs::path temporary = file;
    temporary += ".tmp";
    {
      std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
      out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
      if (!out.flush()) throw std::runtime_error("cannot write " + temporary.string());
    }
    fs::rename(temporary, file);
  }
  return {name, sha256, image.type, bytes.size()};
}

std::optional<std::string> MediaStore::read(const std::string& relativePath) const {
  if (relativePath.find("..") != std::string::npos || relativePath.starts_with("/"))
    return std::nullopt;
  std::ifstream in(root_ / relativePath, std::ios::binary);
  if (!in) return std::nullopt;
  std::stringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

}  // namespace tisheng::services
