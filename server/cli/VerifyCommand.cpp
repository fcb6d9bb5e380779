#include "app/Config.h"
#include "app/Keys.h"
#include "certificates/CivilDate.h"
#include "certificates/KeyStore.h"
#include "certificates/OfflineVerifier.h"
#include "cli/Commands.h"
#include "cli/Files.h"
#include "domain/Clock.h"

namespace tisheng::cli {

namespace {
const char* kVerifyHelp =
    "usage: tisheng verify URL|TOKEN [--keys jwks.json] [--status status-list.jws] [--config "
    "FILE]\n"
    "Checks a plaque offline: the token's Ed25519 signature against the published keys\n"
    "(--keys, as served at /.well-known/jwks.json; default: this installation's key store),\n"
    "the key's dates and revocation, the certificate's validity, and with --status the\n"
    "certificate's status in a signed status list (/api/v1/public/status-list) and its age.\n"
    "--at judges as of another time than now (for audits).\n"
    "Exits 0 when genuine, 1 when not, 2 on bad usage.\n";

const char* categoryName(rules::Category category) {
  switch (category) {
    case rules::Category::Homestay: return "homestay (特色民宿)";
    case rules::Category::Restaurant: return "restaurant (特色餐饮店)";
    case rules::Category::Product: return "product (特色产品)";
  }
  return "";
}
}  // namespace

int verify(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  std::string token, keysFile, statusFile, configFile = kDefaultConfigFile;
  bool configRequired = false;
  std::int64_t now = domain::SystemClock().now();
  for (std::size_t i = 0; i < args.size(); ++i) {
    bool hasValue = i + 1 < args.size();
    if (args[i] == "--help" || args[i] == "-h") {
      out << kVerifyHelp;
      return 0;
    } else if (args[i] == "--keys" && hasValue) {
      keysFile = args[++i];
    } else if (args[i] == "--status" && hasValue) {
      statusFile = args[++i];
    } else if (args[i] == "--at" && hasValue) {
      try {
        now = std::stoll(args[++i]);
      } catch (const std::exception&) {
        err << "tisheng verify: --at expects Unix seconds\n";
        return 2;
      }
    } else if (args[i] == "--config" && hasValue) {
      configFile = args[++i];
      configRequired = true;
    } else if (token.empty() && !args[i].starts_with("--")) {
      token = args[i];
    } else {
      err << kVerifyHelp;
      return 2;
    }
  }
  if (token.empty()) {
    err << kVerifyHelp;
    return 2;
  }
  try {
    std::vector<certificates::KeyRecord> keys;
    if (!keysFile.empty()) {
      keys = publishedKeys(keysFile);
    } else {
      auto config = app::loadConfig(configFile, configRequired, app::processEnvironment());
      auto stored = storage::Storage::open(config.storage(), 1, storage::Storage::Create::Never);
      keys = certificates::KeyStore::read(app::keyVault(config, *stored)).keys();
    }
    auto verdict = certificates::verifyOffline(token, keys, now);
    if (!verdict.genuine) {
      out << "NOT GENUINE: " << verdict.reason << "\n";
      return 1;
    }
    if (!statusFile.empty())
      certificates::applyStatusList(verdict,
                                    certificates::openStatusList(readFile(statusFile), keys), now);
    const auto& c = *verdict.claims;
    out << "GENUINE: signature verified with key " << verdict.key->kid << "\n"
        << "certificate id: " << c.certificateId << "\n"
        << "category: " << categoryName(c.category) << "\n"
        << "grade rank: " << static_cast<int>(c.gradeRank) << " (1 = the standard's best grade)\n"
        << "issued: " << certificates::isoDate(c.issuedDay) << "\n"
        << "valid until: " << certificates::isoDate(c.validUntilDay)
        << (verdict.expired ? " (EXPIRED)" : "") << "\n";
    if (verdict.status)
      out << "status: " << certificates::toString(*verdict.status) << " (" << verdict.statusNote
          << ")\n";
    else if (!verdict.statusNote.empty())
      out << "status: unknown (" << verdict.statusNote << ")\n";
    else
      out << "status: not checked (pass --status for the live status as of a time)\n";
    return 0;
  } catch (const std::exception& error) {
    err << "tisheng verify: " << error.what() << "\n";
    return 2;
  }
}

}  // namespace tisheng::cli
