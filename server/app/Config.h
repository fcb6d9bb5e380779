#pragma once

#include <filesystem>
#include <map>
#include <string>

#include "domain/Programme.h"
#include "http/HttpServer.h"
#include "services/Settings.h"
#include "storage/Storage.h"

namespace tisheng::app {

/// Everything `tisheng serve` is configured by. Built by loadConfig(); plain data.
struct Config {
  http::HttpServerOptions http;
  /// Where people reach the server (behind nginx: https://v.example.cn). When it is https, the
  /// session cookie is marked Secure. Empty: the listening address, plain http.
  std::string publicUrl;
  std::filesystem::path dataDir = "data";
  /// storage.url: empty for the SQLite file in dataDir, else `sqlite:PATH` or
  /// `postgresql://user@host:port/db`.
  std::string storageUrl;
  std::filesystem::path rulesDir = "rating-rules/standards";
  /// Passwords refused however long they are (see security::PasswordPolicy).
  std::filesystem::path commonPasswordsFile = "config/common-passwords.txt";
  /// The built admin UI (what `make` puts in build/admin-ui). Empty: admin-ui beside the
  /// directory of the running executable (build/server/tisheng → build/admin-ui).
  std::filesystem::path adminUiDir;
  domain::Programme programme;
  services::WorkflowTimings workflow;
  /// How often the server's scheduler runs (0: never; use `tisheng tick` from cron).
  int schedulerIntervalSeconds = 300;
  int keyLifetimeDays = 2190;
  /// The key-encryption key for signing keys kept in the database (PostgreSQL): the key itself
  /// (keys.kek, meant for the environment: TISHENG_KEYS_KEK) or a file holding it.
  std::string keyEncryptionKeyText;
  std::filesystem::path keyEncryptionKeyFile;
  int statusListTtlSeconds = 86400;
  int databaseConnections = 8;
  /// What the plaque pages kept as rendered may take (server.plaque_cache_mb; 0 keeps none).
  std::size_t plaqueCacheBytes = std::size_t{32} << 20;
  int sessionHours = 12;
  /// scrypt cost as log2(N); 15 is 32 MiB and about 0.1 s per login.
  int passwordCost = 15;

  std::filesystem::path databasePath() const { return dataDir / "tisheng.db"; }
  /// Where the registry lives: storageUrl, or the SQLite file in dataDir.
  storage::StorageAddress storage() const;
  std::filesystem::path keysDir() const { return dataDir / "keys"; }
  std::filesystem::path mediaDir() const { return dataDir / "media"; }
  /// keyEncryptionKeyText, else the first line of keyEncryptionKeyFile, else empty. Throws
  /// std::runtime_error when the file cannot be read.
  std::string keyEncryptionKey() const;
  /// The part of the configuration the services take.
  services::Settings services() const { return {programme, workflow, statusListTtlSeconds}; }
  /// adminUiDir, or its default resolved from /proc/self/exe.
  std::filesystem::path resolvedAdminUiDir() const;
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
