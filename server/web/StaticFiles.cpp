#include "web/StaticFiles.h"

#include <fstream>
#include <sstream>
#include <stdexcept>

#include <Poco/DeflatingStream.h>

#include "certificates/Crypto.h"

namespace tisheng::web {

namespace {

const std::map<std::string, std::string>& contentTypes() {
  static const std::map<std::string, std::string> types{
      {".html", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".json", "application/json; charset=utf-8"},
      {".webmanifest", "application/manifest+json"},
      {".txt", "text/plain; charset=utf-8"},
  };
  return types;
}

std::string gzip(const std::string& bytes) {
  std::ostringstream out;
  Poco::DeflatingOutputStream deflate(out, Poco::DeflatingStreamBuf::STREAM_GZIP, 9);
  deflate.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  deflate.close();
  return out.str();
}

bool hidden(const std::filesystem::path& relative) {
  for (const auto& part : relative)
    if (part.string().starts_with(".")) return true;
  return false;
}

}  // namespace

StaticFiles::StaticFiles(const std::filesystem::path& root) : root_(root) {
  if (!std::filesystem::is_directory(root)) return;
  std::size_t total = 0;
  for (const auto& item : std::filesystem::recursive_directory_iterator(root)) {
    if (!item.is_regular_file()) continue;
    auto relative = std::filesystem::relative(item.path(), root);
    auto type = contentTypes().find(item.path().extension().string());
    if (hidden(relative) || type == contentTypes().end()) continue;
    std::ifstream in(item.path(), std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    if (!in) throw std::runtime_error("cannot read " + item.path().string());
    StaticFile file{type->second, bytes.str(), "", "", ""};
    total += file.body.size();
    if (total > kMaxTotalBytes)
      throw std::runtime_error(root.string() + ": more than 16 MiB of static files");
    std::string digest = certificates::hex(certificates::sha256(file.body)).substr(0, 32);
    file.etag = "\"" + digest + "\"";
    if (type->second != "image/png") {
      std::string compressed = gzip(file.body);
      if (compressed.size() < file.body.size()) {
        file.gzipBody = std::move(compressed);
        file.gzipEtag = "\"" + digest + "-gzip\"";
      }
    }
    files_.emplace(relative.generic_string(), std::move(file));
  }
}

const StaticFile* StaticFiles::find(const std::string& path) const {
  auto found = files_.find(path);
  return found == files_.end() ? nullptr : &found->second;
}

}  // namespace tisheng::web
