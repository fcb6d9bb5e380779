#include <cctype>

#include "app/Config.h"
#include "app/Keys.h"
#include "certificates/AuditCheckpoint.h"
#include "certificates/CivilDate.h"
#include "certificates/KeyStore.h"
#include "cli/Commands.h"
#include "cli/Files.h"
#include "domain/Clock.h"
#include "services/AuditService.h"
#include "storage/AuditLog.h"
#include "storage/Storage.h"

namespace tisheng::cli {

namespace {

const char* kAuditHelp =
    "usage: tisheng audit verify [--checkpoint FILE [--keys JWKS]] [--config FILE]\n"
    "       tisheng audit checkpoint [--config FILE]\n"
    "verify recomputes the hash chain of the audit trail. Exits 0 and prints the row count and\n"
    "the head hash when intact; exits 1 naming the first edited, inserted or missing row\n"
    "otherwise. With --checkpoint, also proves that the trail extends a signed checkpoint saved\n"
    "earlier (from `audit checkpoint` or /api/v1/public/audit/checkpoints/latest): the trail\n"
    "still reaches the checkpoint's head at its row, so it was not rewritten or cut off since.\n"
    "The signature is checked with the server's key store, or with the published keys (--keys,\n"
    "a copy of /.well-known/jwks.json).\n"
    "checkpoint signs the current head, stores it (the server publishes it) and prints it.\n";

std::string trimmed(std::string text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.pop_back();
  return text;
}

}  // namespace

int audit(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  std::string action = args.empty() ? "" : args[0];
  if (action == "--help" || action == "-h") {
    out << kAuditHelp;
    return 0;
  }
  std::string configFile = kDefaultConfigFile, checkpointFile, keysFile;
  bool configRequired = false;
  bool usable = action == "verify" || action == "checkpoint";
  for (std::size_t i = 1; usable && i < args.size(); ++i) {
    bool hasValue = i + 1 < args.size();
    if (args[i] == "--config" && hasValue) {
      configFile = args[++i];
      configRequired = true;
    } else if (args[i] == "--checkpoint" && hasValue && action == "verify") {
      checkpointFile = args[++i];
    } else if (args[i] == "--keys" && hasValue && action == "verify") {
      keysFile = args[++i];
    } else {
      usable = false;
    }
  }
  if (!usable) {
    err << kAuditHelp;
    return 2;
  }
  try {
    auto config = app::loadConfig(configFile, configRequired, app::processEnvironment());
    domain::SystemClock clock;
    auto stored = storage::Storage::open(config.storage(), 1, storage::Storage::Create::Never);
    if (action == "checkpoint") {
      auto keys = app::openKeys(config, *stored, clock.now());
      auto made = services::AuditService(stored->database(), keys, config.programme.publicHost)
                      .checkpoint(clock.now());
      out << made.jws << "\n";
      return 0;
    }
    storage::AuditCheck check;
    if (checkpointFile.empty()) {
      check = storage::verifyAudit(*stored->database().acquire());
    } else {
      auto keys = keysFile.empty()
                      ? certificates::KeyStore::read(app::keyVault(config, *stored)).keys()
                      : publishedKeys(keysFile);
      auto checkpoint = certificates::openAuditCheckpoint(trimmed(readFile(checkpointFile)), keys);
      check = storage::verifyAuditExtends(*stored->database().acquire(),
                                          {checkpoint.rows, checkpoint.head});
      if (check.intact)
        out << "extends the checkpoint of " << certificates::isoTime(checkpoint.at) << " ("
            << checkpoint.rows << " rows)\n";
    }
    if (!check.intact) {
      out << "audit trail BROKEN at row " << *check.firstBadRow << ": " << check.problem << "\n";
      return 1;
    }
    out << "audit trail intact: " << check.rows << " rows, head " << check.headHash << "\n";
    return 0;
  } catch (const std::exception& error) {
    err << "tisheng audit: " << error.what() << "\n";
    return 2;
  }
}

}  // namespace tisheng::cli
