#include "storage/Blobs.h"

#include <unistd.h>
#include <atomic>
#include <fstream>
#include <sstream>

namespace tisheng::storage {

namespace fs = std::filesystem;

namespace {
bool plainRelative(const std::string& name) {
  return !name.empty() && name.find("..") == std::string::npos && !name.starts_with("/");
}

/// A temporary name no other writer uses, in this process or another: writers of the same
/// bytes may race, and each must rename its own whole file into place.
fs::path temporaryBeside(const fs::path& file) {
  static std::atomic<std::uint64_t> counter{0};
  fs::path temporary = file;
  temporary += "." + std::to_string(::getpid()) + "-" + std::to_string(++counter) + ".tmp";
  return temporary;
}
}  // namespace

void DirectoryBlobs::put(const std::string& name, std::string_view bytes) {
  fs::path file = root_ / name;
  if (fs::exists(file)) return;
  fs::create_directories(file.parent_path());
  fs::path temporary = temporaryBeside(file);
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out.flush()) {
      std::error_code ignored;
      fs::remove(temporary, ignored);
      throw StorageError("cannot write " + temporary.string());
    }
  }
  fs::rename(temporary, file);
}

std::optional<std::string> DirectoryBlobs::get(const std::string& name) {
  if (!plainRelative(name)) return std::nullopt;
  std::ifstream in(root_ / name, std::ios::binary);
  if (!in) return std::nullopt;
  std::stringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

void DatabaseBlobs::put(const std::string& name, std::string_view bytes) {
  auto db = pool_.acquire();
  Transaction transaction(*db);
  db->prepare("INSERT INTO media (name, bytes) VALUES (?, ?) ON CONFLICT (name) DO NOTHING")
      .bind(1, name)
      .bindBlob(2, bytes)
      .run();
  transaction.commit();
}

std::optional<std::string> DatabaseBlobs::get(const std::string& name) {
  if (!plainRelative(name)) return std::nullopt;
  auto db = pool_.acquire();
  auto row = db->prepare("SELECT bytes FROM media WHERE name = ?");
  row.bind(1, name);
  if (!row.step()) return std::nullopt;
  return row.text(0);
}

}  // namespace tisheng::storage
