#include "app/Config.h"
#include "app/Keys.h"
#include "certificates/CivilDate.h"
#include "certificates/KeyStore.h"
#include "cli/Commands.h"
#include "domain/Clock.h"

namespace tisheng::cli {

namespace {
const char* kKeysHelp =
    "usage: tisheng keys list|rotate|revoke KID [--config FILE]\n"
    "Manages the Ed25519 keys that sign plaques (in <storage.data_dir>/keys).\n"
    "  list         every key with its dates; the signing key is marked *\n"
    "  rotate       make a new signing key; older keys stay published and keep verifying\n"
    "  revoke KID   revoke a compromised key: plaques it signed fail offline verification\n"
    "Restart a running server after rotate or revoke.\n";

void print(std::ostream& out, const certificates::KeyRecord& key, bool signing) {
  out << (signing ? "* " : "  ") << key.kid << "  from " << certificates::isoTime(key.notBefore)
      << "  expires " << certificates::isoTime(key.expires);
  if (key.revokedAt) out << "  REVOKED " << certificates::isoTime(*key.revokedAt);
  out << "\n";
}
}  // namespace

int keys(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  std::vector<std::string> positional;
  std::string configFile = kDefaultConfigFile;
  bool configRequired = false;
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--help" || args[i] == "-h") {
      out << kKeysHelp;
      return 0;
    }
    if (args[i] == "--config" && i + 1 < args.size()) {
      configFile = args[++i];
      configRequired = true;
    } else {
      positional.push_back(args[i]);
    }
  }
  bool valid = (positional.size() == 1 && (positional[0] == "list" || positional[0] == "rotate")) ||
               (positional.size() == 2 && positional[0] == "revoke");
  if (!valid) {
    err << kKeysHelp;
    return 2;
  }
  try {
    auto config = app::loadConfig(configFile, configRequired, app::processEnvironment());
    std::int64_t now = domain::SystemClock().now();
    auto stored = storage::Storage::open(config.storage(), 1);
    auto store = app::openKeys(config, *stored, now);
    if (positional[0] == "rotate") {
      auto key = store.rotate(now, config.keyLifetimeDays);
      out << "new signing key " << key.kid << "\n";
    } else if (positional[0] == "revoke") {
      store.revoke(positional[1], now);
      out << "revoked " << positional[1] << "\n";
    }
    std::string signing;
    try {
      signing = store.signingKey(now).kid;
    } catch (const std::runtime_error&) {
      signing.clear();
    }
    for (const auto& key : store.keys()) print(out, key, key.kid == signing);
    return 0;
  } catch (const std::exception& error) {
    err << "tisheng keys: " << error.what() << "\n";
    return 1;
  }
}

}  // namespace tisheng::cli
