#include "app/Config.h"
#include "app/Keys.h"
#include "certificates/CivilDate.h"
#include "certificates/KeyStore.h"
#include "cli/Commands.h"
#include "domain/Clock.h"
#include "services/AuditService.h"
#include "services/Scheduler.h"
#include "storage/Storage.h"

namespace tisheng::cli {

namespace {
const char* kTickHelp =
    "usage: tisheng tick [--config FILE] [--at YYYY-MM-DD]\n"
    "Runs the scheduler once, as the server does every scheduler.interval_seconds: ends notice\n"
    "periods (issuing certificates unless objections are open), applies revocations that fall\n"
    "due, revokes certificates whose rectification deadline passed, expires certificates past\n"
    "their date and opens periodic reviews. --at runs it as of the start of that day (programme "
    "time zone), for\n"
    "tests and catching up. Prints what it did; exits 1 if any item failed (the rest still ran).\n";
}  // namespace

int tick(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  std::string configFile = kDefaultConfigFile;
  bool configRequired = false;
  std::optional<int> at;
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--help" || args[i] == "-h") {
      out << kTickHelp;
      return 0;
    } else if (args[i] == "--config" && i + 1 < args.size()) {
      configFile = args[++i];
      configRequired = true;
    } else if (args[i] == "--at" && i + 1 < args.size() &&
               (at = certificates::parseIsoDate(args[++i]))) {
      continue;
    } else {
      err << kTickHelp;
      return 2;
    }
  }
  try {
    auto config = app::loadConfig(configFile, configRequired, app::processEnvironment());
    domain::SystemClock systemClock;
    // --at DATE: as of local midnight beginning that day in the programme's time zone.
    domain::ManualClock fixedClock(at ? config.programme.calendar.startOf(*at) : systemClock.now());
    const domain::Clock& clock = fixedClock;
    auto standards = rules::StandardRegistry::load(config.rulesDir);
    auto stored = storage::Storage::open(config.storage(), 2, storage::Storage::Create::Never);
    auto& registry = stored->registry();
    auto keys = app::openKeys(config, *stored, clock.now());
    services::CertificateService certificates(registry, standards, keys, clock, config.services());
    auto& workflow = stored->workflow();
    services::WorkflowContext context{standards, certificates, config.services()};
    services::TickReport report = services::Scheduler(workflow, context).tick(clock.now());
    out << "tick at " << certificates::isoTime(clock.now()) << ": " << services::summary(report)
        << "\n";
    for (const auto& error : report.errors) out << "error: " << error << "\n";
    services::AuditService audit(stored->database(), keys, config.programme.publicHost);
    if (auto made = audit.checkpointIfDue(clock.now()))
      out << "audit checkpoint: " << made->head.rows << " rows, head " << made->head.hash << "\n";
    return report.errors.empty() ? 0 : 1;
  } catch (const std::exception& error) {
    err << "tisheng tick: " << error.what() << "\n";
    return 2;
  }
}

}  // namespace tisheng::cli
