// Writes a programme's history into a fresh data directory for the report benchmark: PLACES
// places in Shangluo's eight counties living from 2023 to 2026-11-20 — applications, notices,
// certificates, reviews that renew or re-grade, spot checks, complaints, suspensions, removals —
// with about SPOT_CHECKS spot checks per place a year (tests/support/ProgrammeHistory.h).
// Usage: tisheng-bench-history DATA_DIR PLACES [SPOT_CHECKS]   (SPOT_CHECKS default 4)
#include <chrono>
#include <cstdio>
#include <string>

#include "app/Config.h"
#include "support/ProgrammeHistory.h"

using namespace tisheng;

int main(int argc, char** argv) {
  if (argc != 3 && argc != 4) {
    std::fprintf(stderr, "usage: tisheng-bench-history DATA_DIR PLACES [SPOT_CHECKS]\n");
    return 2;
  }
  app::Config config;
  config.dataDir = argv[1];
  config.rulesDir = TISHENG_SOURCE_DIR "/rating-rules/standards";
  int places = std::stoi(argv[2]);
  double spotChecks = argc == 4 ? std::stod(argv[3]) : 4;
  auto standards = rules::StandardRegistry::load(config.rulesDir);
  auto stored = storage::Storage::open(config.storage(), 2);
  const domain::Calendar& calendar = config.programme.calendar;
  test::ProgrammeHistory history(*stored, standards, calendar, 2026);
  const std::pair<const char*, const char*> counties[] = {
      {"shangzhou", "商州区"}, {"luonan", "洛南县"},    {"danfeng", "丹凤县"},
      {"shangnan", "商南县"},  {"shanyang", "山阳县"},  {"zhenan", "镇安县"},
      {"zhashui", "柞水县"},   {"gaoxin", "商洛高新区"}};
  std::vector<std::string> codes;
  for (const auto& [code, zh] : counties) {
    history.addCounty(code, zh, code);
    codes.push_back(code);
  }
  auto start = std::chrono::steady_clock::now();
  history.generate(places, test::ProgrammeHistory::day("2023-01-01"),
                   test::ProgrammeHistory::day("2026-11-20"), codes, spotChecks);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("wrote %zu places, %zu inspections, %zu certificates, %zu complaints in %.1f s\n",
              history.places.size(), history.inspections.size(), history.certificates.size(),
              history.complaints.size(), seconds);
  return 0;
}
