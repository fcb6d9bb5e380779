// Times the workflow on a fresh data directory the way the server runs it: COUNT homestays
// certified 340 days ago, a scheduler pass that opens all their reviews, a second pass that
// finds nothing to do, then reviews carried through (save a full sheet, submit, confirm: the
// certificate is renewed) for the first 1,000.
// Usage: tisheng-bench-workflow DATA_DIR COUNT
#include <chrono>
#include <cstdio>
#include <string>

#include "app/Config.h"
#include "app/DemoWorkflows.h"
#include "app/Keys.h"
#include "certificates/CivilDate.h"
#include "certificates/KeyStore.h"
#include "domain/Clock.h"
#include "services/InspectionService.h"
#include "services/Scheduler.h"
#include "storage/Storage.h"

using namespace tisheng;

namespace {
double seconds(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}
}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: tisheng-bench-workflow DATA_DIR COUNT\n");
    return 2;
  }
  app::Config config;
  config.dataDir = argv[1];
  config.rulesDir = TISHENG_SOURCE_DIR "/rating-rules/standards";
  int count = std::stoi(argv[2]);

  auto standards = rules::StandardRegistry::load(config.rulesDir);
  auto stored = storage::Storage::open(config.storage(), 4);
  auto& registry = stored->registry();
  domain::SystemClock system;
  std::int64_t now = system.now();
  domain::ManualClock clock(now - 340 * 86400L);
  auto keys = app::openKeys(config, *stored, clock.now());
  services::CertificateService certificates(registry, standards, keys, clock, config.services());
  registry.addCounty("shangzhou", {"商州区", "Shangzhou District"}, {"bench", clock.now()});
  int issuedOn = certificates::dayOf(clock.now());
  for (int i = 0; i < count; ++i) {
    domain::Entry entry;
    entry.name = {"测试民宿" + std::to_string(i), ""};
    entry.countyCode = "shangzhou";
    auto id = registry.addEntry(entry, {"bench", clock.now()});
    certificates.issue(id, "homestay", 1, "yi", issuedOn, issuedOn, "bench");
  }
  clock.set(now);

  auto& workflow = stored->workflow();
  services::WorkflowContext context{standards, certificates, config.services()};
  services::Scheduler scheduler(workflow, context);
  auto start = std::chrono::steady_clock::now();
  auto first = scheduler.tick(now);
  double opening = seconds(start);
  start = std::chrono::steady_clock::now();
  auto second = scheduler.tick(now);
  double idle = seconds(start);
  std::printf("scheduler pass over %d certificates opening %d reviews: %.2f s\n", count,
              first.reviewsOpened, opening);
  std::printf("scheduler pass with nothing to do (%d overdue counted): %.3f s\n",
              second.inspectionsOverdue, idle);

  services::MediaStore media(stored->media());
  services::InspectionService inspections(workflow, media, context, clock);
  auto& users = stored->users();
  auto account = [&](const std::string& name, security::Role role) {
    storage::User user{0, name, name, role, std::nullopt, "not used", false};
    return security::Principal{users.addUser(user, {"bench", now}), name, role, std::nullopt};
  };
  auto office = account("office", security::Role::CityAdmin);
  auto inspector = account("inspector", security::Role::Inspector);
  auto sheet = app::uniformScores(*standards.latest("homestay"), 0.7);
  int cycles = std::min(count, 1000);
  auto reviews = inspections.list(office, {.status = domain::InspectionStatus::Scheduled});
  start = std::chrono::steady_clock::now();
  for (int i = 0; i < cycles; ++i) {
    auto id = reviews[static_cast<std::size_t>(i)].id;
    inspections.saveScores(inspector, id, sheet, nlohmann::ordered_json::object());
    inspections.submit(inspector, id);
    inspections.decide(office, id, {.decision = "confirm"});
  }
  double cycling = seconds(start);
  std::printf(
      "%d reviews scored (52 items), submitted and confirmed (renewal) in %.2f s: "
      "%.0f per second\n",
      cycles, cycling, cycles / cycling);
  return 0;
}
