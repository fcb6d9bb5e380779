#pragma once

#include <string>
#include <vector>

#include "certificates/Keys.h"

namespace tisheng::cli {

/// The whole file; throws std::runtime_error naming it when it cannot be read.
std::string readFile(const std::string& path);

/// The keys of a saved copy of /.well-known/jwks.json; throws std::runtime_error saying what is
/// wrong with the file.
std::vector<certificates::KeyRecord> publishedKeys(const std::string& jwksFile);

}  // namespace tisheng::cli
