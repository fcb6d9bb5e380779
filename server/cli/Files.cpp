#include "cli/Files.h"

#include <fstream>
#include <sstream>
#include <stdexcept>

#include "rules/StrictJson.h"

namespace tisheng::cli {

std::string readFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error(path + ": cannot be read");
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

std::vector<certificates::KeyRecord> publishedKeys(const std::string& jwksFile) {
  return certificates::fromJwks(rules::parseStrictJson(readFile(jwksFile)));
}

}  // namespace tisheng::cli
