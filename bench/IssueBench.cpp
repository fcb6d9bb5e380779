// Issues certificates into a fresh data directory the way the server does (sign + store), times
// the first 10,000 including rendering each QR code as SVG, and writes every token to a file for
// the verification load test.
// Usage: tisheng-bench-issue DATA_DIR COUNT TOKENS_FILE [ENTRIES]   (ENTRIES default 1000; the
// certificates go round them, so with ENTRIES = COUNT each entry holds one)
#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>

#include "app/Config.h"
#include "app/Keys.h"
#include "certificates/CivilDate.h"
#include "certificates/KeyStore.h"
#include "certificates/QrCode.h"
#include "domain/Clock.h"
#include "services/CertificateService.h"
#include "storage/Storage.h"

using namespace tisheng;

int main(int argc, char** argv) {
  if (argc != 4 && argc != 5) {
    std::fprintf(stderr, "usage: tisheng-bench-issue DATA_DIR COUNT TOKENS_FILE [ENTRIES]\n");
    return 2;
  }
  app::Config config;
  config.dataDir = argv[1];
  config.rulesDir = TISHENG_SOURCE_DIR "/rating-rules/standards";
  long count = std::stol(argv[2]);
  std::ofstream tokens(argv[3]);
  long entryCount = argc == 5 ? std::stol(argv[4]) : 1000;

  auto standards = rules::StandardRegistry::load(config.rulesDir);
  auto stored = storage::Storage::open(config.storage(), 2);
  auto& registry = stored->registry();
  domain::SystemClock clock;
  auto keys = app::openKeys(config, *stored, clock.now());
  services::CertificateService service(registry, standards, keys, clock, config.services());

  registry.addCounty("shangzhou", {"商州区", "Shangzhou District"}, {"bench", clock.now()});
  const rules::Category categories[] = {rules::Category::Homestay, rules::Category::Restaurant,
                                        rules::Category::Product};
  const char* grades[][3] = {
      {"jia", "yi", "bing"}, {"a", "b", "c"}, {"premium", "first", "second"}};
  std::vector<std::int64_t> entries;
  for (long i = 0; i < entryCount; ++i) {
    domain::Entry entry;
    entry.category = categories[i % 3];
    entry.name = {"测试主体" + std::to_string(i), "Test entry " + std::to_string(i)};
    entry.countyCode = "shangzhou";
    entry.address = {"北新街 " + std::to_string(i) + " 号", ""};
    entry.contact = "0914-" + std::to_string(2300000 + i);
    entry.contactPublic = i % 2 == 0;
    entry.description = {"秦岭山间的特色主体，供基准测试。", "A place for the benchmarks."};
    entries.push_back(registry.addEntry(entry, {"bench", clock.now()}));
  }

  int today = certificates::dayOf(clock.now());
  auto start = std::chrono::steady_clock::now();
  double firstTenThousand = 0;
  std::size_t svgBytes = 0;
  for (long i = 0; i < count; ++i) {
    std::size_t e = static_cast<std::size_t>(i) % entries.size();
    auto c = service.issue(entries[e], std::string(rules::toString(categories[e % 3])), 1,
                           grades[e % 3][i % 3], today, today, "bench");
    if (i < 10000)
      svgBytes += certificates::QrCode::encode(service.verificationUrl(c)).toSvg().size();
    tokens << c.token << "\n";
    if (i + 1 == std::min(count, 10000L))
      firstTenThousand =
          std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  }
  double total = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  long measured = std::min(count, 10000L);
  std::printf(
      "issued %ld certificates (sign + store + QR SVG) in %.2f s: %.0f per second (avg SVG %zu "
      "bytes)\n",
      measured, firstTenThousand, measured / firstTenThousand,
      svgBytes / static_cast<std::size_t>(measured));
  std::printf("issued %ld certificates in all in %.2f s\n", count, total);
  return 0;
}
