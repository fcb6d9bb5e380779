#pragma once

#include <filesystem>
#include <map>
#include <string>

#include "domain/Calendar.h"
#include "http/HttpServer.h"

namespace tisheng::app {

/// Who runs the programme: printed on plaques and pages. Nothing here is hard-coded elsewhere.
struct Programme {
  std::string brandZh = "22℃商洛·中国康养之都";
  std::string brandEn = "22°C Shangluo · China's Capital of Wellness";
  std::string nameZh = "三个提升";
  std::string nameEn = "Three Upgrades";
  std::string issuerZh = "商洛市三个提升工作专班办公室";
  std::string issuerEn = "Shangluo Three Upgrades Programme Office";
  /// Host of the verification URLs in QR codes, printed under them.
  std::string publicHost = "v.example.cn";
  std::string serialPrefix = "SL";
  /// Where the programme's days begin and end: every date shown or compared (notice ends,
  /// deadlines, validity) is a day of this calendar.
  domain::Calendar calendar{"Asia/Shanghai"};
};

/// Timings of the certification workflow.
struct Workflow {
  /// Days a confirmed grade stays on public notice (公示) before the certificate is issued.
  int noticeDays = 7;
  /// Days after a decision during which it may be appealed (申诉).
  int appealDays = 21;
  /// How many days before a review falls due the scheduler opens its inspection.
  int reviewLeadDays = 30;
  /// Largest evidence photo an inspector may upload.
  int evidenceMaxBytes = 5 * 1024 * 1024;
};

/// Everything `tisheng serve` is configured by. Built by loadConfig(); plain data.
struct Config {
  http::HttpServerOptions http;
  /// Where people reach the server (behind nginx: https://v.example.cn). When it is https, the
  /// session cookie is marked Secure. Empty: the listening address, plain http.
  std::string publicUrl;
  std::filesystem::path dataDir = "data";
  std::filesystem::path rulesDir = "rating-rules/standards";
  /// Passwords refused however long they are (see security::PasswordPolicy).
  std::filesystem::path commonPasswordsFile = "config/common-passwords.txt";
  /// The built admin UI (what `make` puts in build/admin-ui). Empty: admin-ui beside the
  /// directory of the running executable (build/server/tisheng → build/admin-ui).
  std::filesystem::path adminUiDir;
  Programme programme;
  Workflow workflow;
  /// How often the server's scheduler runs (0: never; use `tisheng tick` from cron).
  int schedulerIntervalSeconds = 300;
  int keyLifetimeDays = 2190;
  int statusListTtlSeconds = 86400;
  int databaseConnections = 8;
  int sessionHours = 12;
  /// scrypt cost as log2(N); 15 is 32 MiB and about 0.1 s per login.
  int passwordCost = 15;

  std::filesystem::path databasePath() const { return dataDir / "tisheng.db"; }
  std::filesystem::path keysDir() const { return dataDir / "keys"; }
  std::filesystem::path mediaDir() const { return dataDir / "media"; }
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
