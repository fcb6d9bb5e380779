#include "app/Config.h"

#include <Poco/AutoPtr.h>
#include <Poco/Net/IPAddress.h>
#include <Poco/NumberParser.h>
#include <Poco/Util/PropertyFileConfiguration.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <functional>
#include <regex>
#include <sstream>
#include <stdexcept>
#include <vector>

extern char** environ;

namespace tisheng::app {

namespace {

using Setter = std::function<void(Config&, const std::string&)>;

int toInt(const std::string& value, int low, int high) {
  int parsed = 0;
  if (!Poco::NumberParser::tryParse(value, parsed) || parsed < low || parsed > high)
    throw std::invalid_argument("expected an integer from " + std::to_string(low) + " to " +
                                std::to_string(high) + ", got '" + value + "'");
  return parsed;
}

std::string nonEmpty(const std::string& value) {
  if (value.empty()) throw std::invalid_argument("must not be empty");
  return value;
}

std::string hostName(const std::string& value) {
  static const std::regex kHost(
      "^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$");
  if (!std::regex_match(value, kHost))
    throw std::invalid_argument("expected a lower-case host name such as v.example.cn, got '" +
                                value + "'");
  return value;
}

std::string serialPrefix(const std::string& value) {
  static const std::regex kPrefix("^[A-Z]{1,6}$");
  if (!std::regex_match(value, kPrefix))
    throw std::invalid_argument("expected 1 to 6 upper-case letters, got '" + value + "'");
  return value;
}

const std::vector<std::pair<std::string, Setter>>& settings() {
  static const std::vector<std::pair<std::string, Setter>> table{
      {"server.host", [](Config& c, const std::string& v) { c.http.host = nonEmpty(v); }},
      {"server.port",
       [](Config& c, const std::string& v) {
         c.http.port = static_cast<std::uint16_t>(toInt(v, 0, 65535));
       }},
      {"server.public_url",
       [](Config& c, const std::string& v) {
         if (!v.empty() && !v.starts_with("https://") && !v.starts_with("http://"))
           throw std::invalid_argument("expected an http:// or https:// URL, got '" + v + "'");
         c.publicUrl = v;
       }},
      {"server.trusted_proxies",
       [](Config& c, const std::string& v) {
         c.http.trustedProxies.clear();
         std::stringstream list(v);
         for (std::string address; std::getline(list, address, ',');) {
           address.erase(0, address.find_first_not_of(' '));
           address.erase(address.find_last_not_of(' ') + 1);
           Poco::Net::IPAddress parsed;
           if (!Poco::Net::IPAddress::tryParse(address, parsed))
             throw std::invalid_argument("expected IP addresses separated by commas, got '" +
                                         address + "'");
           c.http.trustedProxies.push_back(parsed.toString());
         }
       }},
      {"server.max_threads",
       [](Config& c, const std::string& v) { c.http.maxThreads = toInt(v, 2, 1024); }},
      {"server.plaque_cache_mb",
       [](Config& c, const std::string& v) {
         c.plaqueCacheBytes = static_cast<std::size_t>(toInt(v, 0, 65536)) << 20;
       }},
      {"server.max_queued",
       [](Config& c, const std::string& v) { c.http.maxQueued = toInt(v, 1, 65536); }},
      {"server.keep_alive_seconds",
       [](Config& c, const std::string& v) { c.http.keepAliveSeconds = toInt(v, 1, 300); }},
      {"server.max_keep_alive_requests",
       [](Config& c, const std::string& v) { c.http.maxKeepAliveRequests = toInt(v, 1, 1000000); }},
      {"server.max_connections_per_address",
       [](Config& c, const std::string& v) {
         c.http.maxConnectionsPerAddress = toInt(v, 0, 65536);
       }},
      {"server.header_timeout_seconds",
       [](Config& c, const std::string& v) {
         c.http.headerTimeout = std::chrono::seconds(toInt(v, 1, 300));
       }},
      {"server.body_timeout_seconds",
       [](Config& c, const std::string& v) {
         c.http.bodyTimeout = std::chrono::seconds(toInt(v, 1, 3600));
       }},
      {"server.max_body_bytes",
       [](Config& c, const std::string& v) {
         c.http.maxBodyBytes = static_cast<std::size_t>(toInt(v, 1024, 1 << 30));
       }},
      {"storage.data_dir", [](Config& c, const std::string& v) { c.dataDir = nonEmpty(v); }},
      {"storage.url",
       [](Config& c, const std::string& v) {
         if (!v.empty()) storage::StorageAddress::parse(v);  // refuses a wrong one at start-up
         c.storageUrl = v;
       }},
      {"storage.connections",
       [](Config& c, const std::string& v) { c.databaseConnections = toInt(v, 1, 256); }},
      {"rules.dir", [](Config& c, const std::string& v) { c.rulesDir = nonEmpty(v); }},
      {"server.admin_ui_dir", [](Config& c, const std::string& v) { c.adminUiDir = v; }},
      {"security.common_passwords",
       [](Config& c, const std::string& v) { c.commonPasswordsFile = nonEmpty(v); }},
      {"programme.brand_zh",
       [](Config& c, const std::string& v) { c.programme.brandZh = nonEmpty(v); }},
      {"programme.brand_en",
       [](Config& c, const std::string& v) { c.programme.brandEn = nonEmpty(v); }},
      {"programme.name_zh",
       [](Config& c, const std::string& v) { c.programme.nameZh = nonEmpty(v); }},
      {"programme.name_en",
       [](Config& c, const std::string& v) { c.programme.nameEn = nonEmpty(v); }},
      {"programme.city_zh",
       [](Config& c, const std::string& v) { c.programme.cityZh = nonEmpty(v); }},
      {"programme.city_en",
       [](Config& c, const std::string& v) { c.programme.cityEn = nonEmpty(v); }},
      {"programme.issuer_zh",
       [](Config& c, const std::string& v) { c.programme.issuerZh = nonEmpty(v); }},
      {"programme.issuer_en",
       [](Config& c, const std::string& v) { c.programme.issuerEn = nonEmpty(v); }},
      {"programme.public_host",
       [](Config& c, const std::string& v) { c.programme.publicHost = hostName(v); }},
      {"programme.timezone",
       [](Config& c, const std::string& v) { c.programme.calendar = domain::Calendar(v); }},
      {"programme.serial_prefix",
       [](Config& c, const std::string& v) { c.programme.serialPrefix = serialPrefix(v); }},
      {"workflow.notice_days",
       [](Config& c, const std::string& v) { c.workflow.noticeDays = toInt(v, 1, 90); }},
      {"workflow.appeal_days",
       [](Config& c, const std::string& v) { c.workflow.appealDays = toInt(v, 1, 365); }},
      {"workflow.review_lead_days",
       [](Config& c, const std::string& v) { c.workflow.reviewLeadDays = toInt(v, 0, 365); }},
      {"workflow.evidence_max_bytes",
       [](Config& c, const std::string& v) {
         c.workflow.evidenceMaxBytes = toInt(v, 1024, 64 * 1024 * 1024);
       }},
      {"scheduler.interval_seconds",
       [](Config& c, const std::string& v) { c.schedulerIntervalSeconds = toInt(v, 0, 86400); }},
      {"security.session_hours",
       [](Config& c, const std::string& v) { c.sessionHours = toInt(v, 1, 720); }},
      {"security.password_cost",
       [](Config& c, const std::string& v) { c.passwordCost = toInt(v, 10, 20); }},
      {"keys.lifetime_days",
       [](Config& c, const std::string& v) { c.keyLifetimeDays = toInt(v, 30, 7300); }},
      {"keys.kek", [](Config& c, const std::string& v) { c.keyEncryptionKeyText = v; }},
      {"keys.kek_file", [](Config& c, const std::string& v) { c.keyEncryptionKeyFile = v; }},
      {"status_list.ttl_seconds",
       [](Config& c, const std::string& v) { c.statusListTtlSeconds = toInt(v, 60, 2592000); }},
  };
  return table;
}

void apply(Config& config, const std::string& source, const std::string& key,
           const std::string& value) {
  const auto& table = settings();
  auto it = std::find_if(table.begin(), table.end(), [&](const auto& e) { return e.first == key; });
  if (it == table.end()) throw std::runtime_error(source + ": " + key + ": unknown setting");
  try {
    it->second(config, value);
  } catch (const std::invalid_argument& error) {
    throw std::runtime_error(source + ": " + key + ": " + error.what());
  }
}

}  // namespace

Environment processEnvironment() {
  Environment env;
  for (char** entry = environ; entry && *entry; ++entry) {
    std::string text(*entry);
    auto eq = text.find('=');
    if (eq != std::string::npos) env.emplace(text.substr(0, eq), text.substr(eq + 1));
  }
  return env;
}

storage::StorageAddress Config::storage() const {
  auto address = storage::StorageAddress::parse(
      storageUrl.empty() ? "sqlite:" + databasePath().string() : storageUrl);
  address.mediaDir = mediaDir();
  return address;
}

std::string Config::keyEncryptionKey() const {
  if (!keyEncryptionKeyText.empty()) return keyEncryptionKeyText;
  if (keyEncryptionKeyFile.empty()) return {};
  std::ifstream in(keyEncryptionKeyFile);
  std::string line;
  if (!in || !std::getline(in, line))
    throw std::runtime_error(keyEncryptionKeyFile.string() + ": cannot be read");
  while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
  return line;
}

std::filesystem::path Config::resolvedAdminUiDir() const {
  if (!adminUiDir.empty()) return adminUiDir;
  std::error_code error;
  auto executable = std::filesystem::read_symlink("/proc/self/exe", error);
  if (error) return "admin-ui";
  return executable.parent_path().parent_path() / "admin-ui";
}

std::string environmentName(const std::string& key) {
  std::string name = "TISHENG_";
  for (char c : key)
    name += c == '.' ? '_' : static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return name;
}

Config loadConfig(const std::filesystem::path& file, bool required, const Environment& env) {
  Config config;
  if (std::filesystem::exists(file)) {
    Poco::AutoPtr<Poco::Util::PropertyFileConfiguration> properties;
    try {
      properties = new Poco::Util::PropertyFileConfiguration(file.string());
    } catch (const Poco::Exception& error) {
      throw std::runtime_error(file.string() + ": cannot be read: " + error.displayText());
    }
    Poco::Util::AbstractConfiguration::Keys sections;
    properties->keys(sections);
    for (const auto& section : sections) {
      Poco::Util::AbstractConfiguration::Keys keys;
      properties->keys(section, keys);
      if (keys.empty())
        throw std::runtime_error(file.string() + ": " + section + ": unknown setting");
      for (const auto& key : keys) {
        std::string full = section + "." + key;
        apply(config, file.string(), full, properties->getString(full, ""));
      }
    }
  } else if (required) {
    throw std::runtime_error(file.string() + ": configuration file not found");
  }
  for (const auto& [key, setter] : settings()) {
    std::string name = environmentName(key);
    if (auto it = env.find(name); it != env.end())
      apply(config, "environment " + name, key, it->second);
  }
  return config;
}

}  // namespace tisheng::app
