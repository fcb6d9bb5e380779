// Plaque pages kept as rendered: served again until a change they show, revalidated with 304,
// and never stale — under load, the first scan after a change shows it, from every thread.

#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <thread>

#include "api/PlaqueCache.h"
#include "storage/Storage.h"
#include "support/Registry.h"

using tisheng::domain::CertificateStatus;
using tisheng::rules::Category;
using tisheng::test::TestServer;

namespace {

bool shows(const tisheng::test::Reply& reply, const char* words) {
  return reply.body.find(words) != std::string::npos;
}

}  // namespace

TEST_CASE("A plaque page is kept until a change it shows, and revalidates with 304",
          "[http][plaque]") {
  TestServer server;
  auto entry = tisheng::test::addEntry(server, Category::Homestay, "云端山居", "Cloud Inn");
  auto certificate = tisheng::test::issue(server, entry, Category::Homestay, "jia");
  auto client = server.client();
  std::string target = "/c/" + certificate.token;

  auto first = client.get(target);
  REQUIRE(first.status == 200);
  CHECK(shows(first, "真实有效"));
  CHECK(shows(first, "查验时间"));
  std::string etag = first.header("ETag");
  CHECK_FALSE(etag.empty());
  CHECK(first.header("Cache-Control") == "no-cache");
  auto again = client.get(target);
  CHECK(again.body == first.body);
  CHECK(again.header("ETag") == etag);
  // The check time is the time of each scan, also on a kept page.
  server.clock().set(server.clock().now() + 120);
  auto later = client.get(target);
  CHECK(later.body != first.body);
  CHECK(later.header("ETag") == etag);
  auto unchanged = client.get(target, {{"If-None-Match", etag}});
  CHECK(unchanged.status == 304);
  CHECK(unchanged.body.empty());
  CHECK(unchanged.header("Content-Security-Policy") == first.header("Content-Security-Policy"));

  // Each change the page shows is on the next scan, with a new ETag.
  server.app().registry().setStatus(certificate.serial, CertificateStatus::Suspended, "整改中",
                                    {"test", server.clock().now()});
  auto suspended = client.get(target, {{"If-None-Match", etag}});
  CHECK(suspended.status == 200);
  CHECK(shows(suspended, "暂停使用"));
  CHECK(suspended.header("ETag") != etag);
  server.app().registry().renameCounty("shangzhou", {"商州新区", "New Shangzhou"},
                                       {"test", server.clock().now()});
  CHECK(shows(client.get(target), "商州新区"));
  server.app().registry().setReply(entry, "已整改完毕，欢迎再来。", {"test", server.clock().now()});
  CHECK(shows(client.get(target), "已整改完毕"));
  // The next day the page is made again (validity is judged by the day).
  auto beforeMidnight = client.get(target).header("ETag");
  server.clock().advanceDays(1);
  CHECK(client.get(target).header("ETag") != beforeMidnight);

  // Each language is its own page; a token made up is never kept.
  auto english = client.get(target, {{"Accept-Language", "en"}});
  CHECK(shows(english, "Suspended"));
  CHECK(client.get("/c/AAAA").header("ETag").empty());
}

TEST_CASE("The JSON twin is kept like the page, with the time of each check", "[http][plaque]") {
  TestServer server;
  auto entry = tisheng::test::addEntry(server, Category::Restaurant, "秦岭山珍馆");
  auto certificate = tisheng::test::issue(server, entry, Category::Restaurant, "a");
  auto client = server.client();
  std::string target = "/api/v1/public/verify/" + certificate.token;

  auto first = client.get(target);
  REQUIRE(first.status == 200);
  CHECK(first.json()["status"] == "active");
  std::string etag = first.header("ETag");
  CHECK_FALSE(etag.empty());
  CHECK(etag != client.get("/c/" + certificate.token).header("ETag"));  // not the page's
  CHECK(first.header("Cache-Control") == "no-cache");
  server.clock().set(server.clock().now() + 90);
  auto later = client.get(target);
  CHECK(later.header("ETag") == etag);
  CHECK(later.json()["checked_at"] != first.json()["checked_at"]);
  auto expected = first.json();
  expected["checked_at"] = later.json()["checked_at"];
  CHECK(later.json() == expected);  // the rest as kept
  CHECK(client.get(target, {{"If-None-Match", etag}}).status == 304);

  server.app().registry().setStatus(certificate.serial, CertificateStatus::Revoked, "食品安全",
                                    {"test", server.clock().now()});
  auto revoked = client.get(target, {{"If-None-Match", etag}});
  CHECK(revoked.status == 200);
  CHECK(revoked.json()["status"] == "revoked");
  CHECK(revoked.json()["status_reason"] == "食品安全");
  CHECK(client.get("/api/v1/public/verify/AAAA").header("ETag").empty());
}

TEST_CASE("A change made by another process on the same database reaches the kept pages",
          "[http][plaque]") {
  TestServer server;
  auto entry = tisheng::test::addEntry(server, Category::Homestay, "云端山居");
  auto certificate = tisheng::test::issue(server, entry, Category::Homestay, "jia");
  std::string target = "/c/" + certificate.token;
  auto client = server.client();
  CHECK(shows(client.get(target), "真实有效"));  // now kept

  // Another process (`tisheng tick` from cron, another server on the same PostgreSQL) has its
  // own connections to the database.
  auto other = tisheng::storage::Storage::open(server.app().config().storage(), 1);
  other->registry().setStatus(certificate.serial, CertificateStatus::Suspended, "整改中",
                              {"tick", server.clock().now()});
  // This server learns it from the database within its generation interval (20 ms).
  auto changed = std::chrono::steady_clock::now();
  while (!shows(client.get(target), "暂停使用") &&
         std::chrono::steady_clock::now() - changed < std::chrono::seconds(5))
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  CHECK(shows(client.get(target), "暂停使用"));
}

TEST_CASE("Under load, the first scan after a change shows it, from every thread",
          "[http][plaque]") {
  TestServer server;
  auto entry = tisheng::test::addEntry(server, Category::Restaurant, "秦岭山珍馆");
  auto certificate = tisheng::test::issue(server, entry, Category::Restaurant, "a");
  std::string target = "/c/" + certificate.token;
  using Clock = std::chrono::steady_clock;
  std::atomic<Clock::rep> changedAt{Clock::time_point::max().time_since_epoch().count()};
  std::atomic<bool> done{false};
  std::atomic<int> stale{0}, after{0}, before{0};
  std::vector<std::thread> scanners;
  scanners.reserve(4);
  for (int n = 0; n < 4; ++n)
    scanners.emplace_back([&] {
      auto client = server.client();
      while (!done) {
        auto started = Clock::now().time_since_epoch().count();
        auto reply = client.get(target);
        bool changed = shows(reply, "暂停使用");
        if (started > changedAt.load()) {
          ++after;
          if (!changed) ++stale;
        } else if (!changed) {
          ++before;
        }
      }
    });
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  server.app().registry().setStatus(certificate.serial, CertificateStatus::Suspended, "整改中",
                                    {"test", server.clock().now()});
  changedAt = Clock::now().time_since_epoch().count();
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  done = true;
  for (auto& scanner : scanners) scanner.join();
  CHECK(before > 0);
  CHECK(after > 0);
  CHECK(stale == 0);
}

TEST_CASE("Kept plaque pages stay within their size, the least recently used going first",
          "[plaque]") {
  tisheng::api::PlaqueCache cache(20000);
  auto page = [](std::int64_t generation) {
    auto p = std::make_shared<tisheng::api::PlaqueCache::Page>();
    p->generation = generation;
    p->day = 100;
    p->response.body.assign(4000, 'x');
    return p;
  };
  for (int n = 0; n < 10; ++n) cache.put("token" + std::to_string(n), page(1));
  CHECK(cache.bytes() <= 20000);
  CHECK(cache.pages() < 10);
  CHECK(cache.find("token9", 1, 100));
  CHECK_FALSE(cache.find("token0", 1, 100));  // the oldest went first
  CHECK_FALSE(cache.find("token9", 2, 100));  // another generation
  CHECK_FALSE(cache.find("token9", 1, 101));  // another day
  cache.put("token9", page(2));
  CHECK(cache.find("token9", 2, 100));
  cache.put("token9", page(1));  // an older rendering never replaces a newer one
  CHECK(cache.find("token9", 2, 100));

  // Pages share the beginning they have in common: one copy.
  auto head = cache.sharedHead(std::string(3000, 'h'));
  CHECK(cache.sharedHead(std::string(3000, 'h')) == head);
  CHECK(cache.sharedHead(std::string(3000, 'i')) != head);
}
