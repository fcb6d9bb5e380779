#include <catch2/catch.hpp>
#include <set>
#include <sstream>

#include "certificates/CivilDate.h"
#include "domain/PublicRecord.h"
#include "support/Registry.h"

using tisheng::rules::Category;
using tisheng::test::TestServer;
using Json = nlohmann::ordered_json;

namespace {

constexpr const char* kPrivateMobile = "13912345678";

/// The top grade of each category's shipped standard.
std::string topGrade(Category category) {
  switch (category) {
    case Category::Homestay: return "jia";
    case Category::Restaurant: return "a";
    case Category::Product: return "premium";
  }
  return "";
}

/// `count` certified places (homestays, restaurants and products in turn) with a business line
/// published and, on every third, a private mobile that must never leave the office.
std::vector<std::int64_t> certifiedPlaces(TestServer& server, int count) {
  std::vector<std::int64_t> ids;
  auto& registry = server.app().registry();
  for (int i = 0; i < count; ++i) {
    auto category = static_cast<Category>(i % 3);
    auto id = tisheng::test::addEntry(server, category, "地点" + std::to_string(i),
                                      "Place " + std::to_string(i));
    auto entry = *registry.entry(id);
    entry.contactPublic = i % 3 != 0;
    entry.contact = entry.contactPublic ? "0914-555" + std::to_string(1000 + i) : kPrivateMobile;
    if (category == Category::Restaurant) entry.featuredDishes = {"十大碗", "糍粑, 带\"引号\""};
    registry.updateEntry(entry, {"test", server.clock().now()});
    tisheng::test::issue(server, id, category, topGrade(category));
    ids.push_back(id);
  }
  return ids;
}

/// Every id of a paged list, page by page with limit, calling between() after each page.
std::vector<std::int64_t> pageThrough(
    TestServer& server, const std::string& query, int limit,
    const std::function<void()>& between = [] {}) {
  std::vector<std::int64_t> ids;
  std::string cursor;
  for (int pages = 0; pages < 100; ++pages) {
    auto reply = server.client().get("/api/v1/public/entries?limit=" + std::to_string(limit) +
                                     query + (cursor.empty() ? "" : "&cursor=" + cursor));
    REQUIRE(reply.status == 200);
    Json body = reply.json();
    for (const auto& entry : body["entries"]) ids.push_back(entry["id"].get<std::int64_t>());
    if (body["next_cursor"].is_null()) return ids;
    cursor = body["next_cursor"];
    between();
  }
  FAIL("paging did not end");
  return ids;
}

/// RFC 4180 fields of a CSV text (quoted fields with "" and line breaks), rows by CRLF.
std::vector<std::vector<std::string>> parseCsv(const std::string& text) {
  std::vector<std::vector<std::string>> rows(1);
  std::string field;
  bool quoted = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char ch = text[i];
    if (quoted) {
      if (ch == '"' && i + 1 < text.size() && text[i + 1] == '"')
        field += text[++i];
      else if (ch == '"')
        quoted = false;
      else
        field += ch;
    } else if (ch == '"') {
      quoted = true;
    } else if (ch == ',') {
      rows.back().push_back(std::move(field));
      field.clear();
    } else if (ch == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      rows.back().push_back(std::move(field));
      field.clear();
      rows.emplace_back();
      ++i;
    } else {
      field += ch;
    }
  }
  if (rows.back().empty()) rows.pop_back();
  return rows;
}

}  // namespace

TEST_CASE("Open data pages return every place exactly once while places change between pages",
          "[http]") {
  TestServer server;
  auto ids = certifiedPlaces(server, 23);
  tisheng::test::addEntry(server, Category::Homestay, "只在申请");  // never certified: not public
  auto& registry = server.app().registry();
  int page = 0;
  std::vector<std::int64_t> added;
  auto seen = pageThrough(server, "", 5, [&] {
    ++page;
    server.clock().set(server.clock().now() + 10);
    // A place already listed changes, one not yet listed is removed, a new one is certified.
    auto entry = *registry.entry(ids[0]);
    entry.name.zh = "改名" + std::to_string(page);
    registry.updateEntry(entry, {"test", server.clock().now()});
    std::size_t regraded = static_cast<std::size_t>(page) * 5 + 2;  // on a page still to come
    auto category = static_cast<Category>(regraded % 3);
    if (regraded < ids.size())
      tisheng::test::issue(server, ids[regraded], category, topGrade(category));
    added.push_back(certifiedPlaces(server, 1).front());
  });
  std::multiset<std::int64_t> counted(seen.begin(), seen.end());
  for (auto id : ids) CHECK(counted.count(id) == 1);
  for (auto id : added) CHECK(counted.count(id) <= 1);  // new ones after the cursor may appear
  CHECK(std::is_sorted(seen.begin(), seen.end()));
  CHECK(counted.size() == seen.size());
  CHECK(server.client().get("/api/v1/public/entries/" + std::to_string(ids.back() + 1)).status ==
        404);  // the applicant
}

TEST_CASE("updated_since returns exactly the places changed after the instant", "[http]") {
  TestServer server;
  auto ids = certifiedPlaces(server, 9);
  auto& registry = server.app().registry();
  server.clock().set(server.clock().now() + 3600);
  std::int64_t instant = server.clock().now();
  server.clock().set(instant + 5);
  tisheng::storage::Stamp stamp{"test", server.clock().now()};
  // A field, a reply, a status, a re-grading and a brand-new place.
  auto renamed = *registry.entry(ids[1]);
  renamed.description = {"新简介", "New description"};
  registry.updateEntry(renamed, stamp);
  registry.setReply(ids[2], std::string("谢谢"), stamp);
  auto revoked =
      registry.certificateBySerial(server.client()
                                       .get("/api/v1/public/entries/" + std::to_string(ids[4]))
                                       .json()["entry"]["certificate"]["serial"]
                                       .get<std::string>());
  registry.setStatus(revoked->serial, tisheng::domain::CertificateStatus::Revoked,
                     tisheng::domain::revocationStatusReason("fraud", "内部备注"), stamp);
  tisheng::test::issue(server, ids[7], Category::Restaurant, "b");
  auto fresh = certifiedPlaces(server, 1).front();

  auto since = [&](const std::string& value) {
    auto reply = server.client().get("/api/v1/public/entries?updated_since=" + value);
    REQUIRE(reply.status == 200);
    std::set<std::int64_t> changed;
    Json body = reply.json();
    for (const auto& entry : body["entries"]) changed.insert(entry["id"].get<std::int64_t>());
    return changed;
  };
  std::string at = tisheng::certificates::isoTime(instant);
  CHECK(since(at) == std::set<std::int64_t>{ids[1], ids[2], ids[4], ids[7], fresh});
  CHECK(since(tisheng::certificates::isoTime(instant - 3600)).size() == 10);
  CHECK(since(tisheng::certificates::isoTime(instant + 6)).empty());
  // An offset means the same instant.
  CHECK(since("2026-11-18T20:06:40%2B08:00") == since("2026-11-18T12:06:40Z"));

  auto removed = server.client().get("/api/v1/public/entries/" + std::to_string(ids[4])).json();
  CHECK(removed["entry"]["status"] == "removed");
  CHECK(removed["entry"]["status_detail"]["reason"]["code"] == "fraud");
  CHECK(removed["entry"]["status_detail"]["reason"]["title"]["zh"] == "弄虚作假");
  CHECK(removed.dump().find("内部备注") == std::string::npos);  // the office's note stays inside
  auto bad = server.client().get("/api/v1/public/entries?updated_since=yesterday&status=gone");
  CHECK(bad.errorFields() == std::vector<std::string>{"status", "updated_since"});
}

TEST_CASE("The CSV export round-trips against the JSON and no private contact leaves", "[http]") {
  TestServer server;
  auto ids = certifiedPlaces(server, 12);
  auto owner = tisheng::test::loginAs(server, tisheng::security::Role::Business, "private.person");
  tisheng::test::setOwner(server, ids[0], "private.person");
  auto csv = server.client().get("/api/v1/public/entries.csv");
  REQUIRE(csv.status == 200);
  CHECK(csv.header("Content-Type") == "text/csv; charset=utf-8");
  REQUIRE(csv.body.starts_with("\xEF\xBB\xBF"));
  auto rows = parseCsv(csv.body.substr(3));
  auto jsonl = server.client().get("/api/v1/public/entries.jsonl");
  REQUIRE(jsonl.status == 200);
  std::vector<Json> records;
  std::istringstream lines(jsonl.body);
  for (std::string line; std::getline(lines, line);) records.push_back(Json::parse(line));
  REQUIRE(records.size() == ids.size());
  REQUIRE(rows.size() == records.size() + 1);
  const auto& header = rows[0];
  auto column = [&](const std::string& name) {
    auto at = std::find(header.begin(), header.end(), name);
    REQUIRE(at != header.end());
    return static_cast<std::size_t>(at - header.begin());
  };
  for (std::size_t i = 0; i < records.size(); ++i) {
    const auto& row = rows[i + 1];
    const auto& record = records[i];
    REQUIRE(row.size() == header.size());
    CHECK(row[column("id")] == record["id"].dump());
    CHECK(row[column("name_zh")] == record["name"]["zh"]);
    CHECK(row[column("status")] == record["status"]);
    CHECK(row[column("serial")] == record["certificate"]["serial"]);
    CHECK(row[column("valid_until")] == record["certificate"]["valid_until"]);
    CHECK(row[column("contact")] ==
          (record["contact"].is_null() ? "" : record["contact"].get<std::string>()));
    if (record["category"] == "restaurant")
      CHECK(row[column("featured_dishes")] == "十大碗; 糍粑, 带\"引号\"");
    // The same record as the list and the single answer give.
    CHECK(server.client().get("/api/v1/public/entries/" + record["id"].dump()).json()["entry"] ==
          record);
  }
  auto list = server.client().get("/api/v1/public/entries?limit=1000");
  for (const auto& body : {csv.body, jsonl.body, list.body}) {
    CHECK(body.find(kPrivateMobile) == std::string::npos);
    CHECK(body.find("private.person") == std::string::npos);
  }
  CHECK(list.body.find("0914-5551001") != std::string::npos);  // a published business line
}

TEST_CASE("Open data revalidates with 304, allows other origins and filters", "[http]") {
  TestServer server;
  auto ids = certifiedPlaces(server, 6);
  const std::string target = "/api/v1/public/entries?category=homestay";
  auto first = server.client().get(target);
  REQUIRE(first.status == 200);
  std::string etag = first.header("ETag");
  CHECK(first.header("Cache-Control") == "public, max-age=60");
  CHECK(first.header("Access-Control-Allow-Origin") == "*");
  auto again = server.client().get(target, {{"If-None-Match", etag}});
  CHECK(again.status == 304);
  CHECK(again.body.empty());
  CHECK(server.client().get(target, {{"If-None-Match", "\"other\", W/" + etag}}).status == 304);
  CHECK(server.client().get(target, {{"If-None-Match", "\"other\""}}).status == 200);
  auto modified = first.header("Last-Modified");
  CHECK(server.client().get(target, {{"If-Modified-Since", modified}}).status == 304);
  auto csv = server.client().get("/api/v1/public/entries.csv");
  CHECK(server.client()
            .get("/api/v1/public/entries.csv", {{"If-None-Match", csv.header("ETag")}})
            .status == 304);

  // A change: the old tag no longer matches, and If-Modified-Since sees it.
  server.clock().set(server.clock().now() + 60);
  server.app().registry().setReply(ids[0], std::string("欢迎"), {"test", server.clock().now()});
  CHECK(server.client().get(target, {{"If-None-Match", etag}}).status == 200);
  CHECK(server.client().get(target, {{"If-Modified-Since", modified}}).status == 200);

  auto preflight = server.client().send("OPTIONS", "/api/v1/public/entries", "", {});
  CHECK(preflight.status == 204);
  CHECK(preflight.header("Access-Control-Allow-Methods") == "GET");

  auto count = [&](const std::string& query) {
    return server.client().get("/api/v1/public/entries?" + query).json()["entries"].size();
  };
  CHECK(count("category=homestay") == 2);
  CHECK(count("category=product&grade=premium") == 2);
  CHECK(count("category=product&grade=first") == 0);
  CHECK(count("grade=jia") == 2);
  CHECK(count("county=shangzhou&status=certified") == 6);
  CHECK(count("county=luonan") == 0);
  CHECK(count("q=place%203") == 1);
  CHECK(count("q=%E5%9C%B0%E7%82%B9") == 6);  // 地点
  CHECK(count("q=%25") == 0);                 // a literal %, not a wildcard
  CHECK(count("status=suspended") == 0);
}
