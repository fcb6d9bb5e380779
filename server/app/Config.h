#pragma once

#include <filesystem>
#include <map>
#include <string>

#include "http/HttpServer.h"

namespace tisheng::app {

/// Everything `tisheng serve` is configured by. Built by loadConfig(); plain data.
struct Config {
  http::HttpServerOptions http;
  std::filesystem::path dataDir = "data";
  std::filesystem::path rulesDir = "rating-rules/standards";

  std::filesystem::path databasePath() const { return dataDir / "tisheng.db"; }
};

/// Environment variables as name → value (tests pass their own; main passes environ).
using Environment = std::map<std::string, std::string>;
Environment processEnvironment();

/// Reads a key = value file (see config/tisheng.properties for every key and its default), then
/// lets the environment override each key: `server.port` is overridden by TISHENG_SERVER_PORT.
/// A missing file is an error only when required. Throws std::runtime_error naming the file,
/// key and problem for an unknown key or a value of the wrong type or range.
Config loadConfig(const std::filesystem::path& file, bool required, const Environment& env);

/// The environment variable that overrides key.
std::string environmentName(const std::string& key);

}  // namespace tisheng::app
