// The repository contract: what every storage backend must do. ctest runs this file twice, on
// SQLite and on PostgreSQL (the pg. suite), through storage::Storage as the server opens it.

#include <catch2/catch.hpp>
#include <numeric>
#include <set>
#include <thread>

#include "storage/AuditLog.h"
#include "storage/CertificateRows.h"
#include "storage/DatabaseKeyVault.h"
#include "storage/Storage.h"
#include "support/TempDir.h"
#include "support/TestDatabase.h"

using tisheng::rules::Category;
using tisheng::storage::Stamp;
namespace domain = tisheng::domain;
namespace storage = tisheng::storage;

namespace {

/// A fresh, migrated store on the backend under test.
struct Backend {
  tisheng::test::TempDir dir;
  tisheng::test::TestDatabase database;
  std::unique_ptr<storage::Storage> store;

  Backend() {
    auto address = storage::StorageAddress::parse(
        database.url().empty() ? "sqlite:" + (dir.path() / "contract.db").string()
                               : database.url());
    address.mediaDir = dir.path() / "media";
    store = storage::Storage::open(address, 6);
  }

  std::int64_t count(const std::string& table) {
    auto db = store->database().acquire();
    auto row = db->prepare("SELECT COUNT(*) FROM " + table);
    row.step();
    return row.integer(0);
  }
};

const Stamp kStamp{"contract", 1795000000};

domain::Entry entry(const std::string& name, const std::string& county, Category category,
                    std::optional<std::int64_t> owner = std::nullopt) {
  domain::Entry e;
  e.category = category;
  e.name = {name, ""};
  e.countyCode = county;
  e.ownerUserId = owner;
  return e;
}

domain::Inspection inspection(std::int64_t entryId, int scheduledOn,
                              std::vector<std::int64_t> assignees = {}) {
  domain::Inspection i;
  i.entryId = entryId;
  i.kind = domain::InspectionKind::Initial;
  i.standardId = "homestay";
  i.standardVersion = 1;
  i.scheduledOn = scheduledOn;
  i.assignees = std::move(assignees);
  return i;
}

std::vector<std::int64_t> ids(const auto& records) {
  std::vector<std::int64_t> out;
  out.reserve(records.size());
  for (const auto& record : records) out.push_back(record.id);
  return out;
}

}  // namespace

TEST_CASE("A unit of work that throws leaves nothing behind, audit records included",
          "[storage][contract]") {
  Backend backend;
  auto& registry = backend.store->registry();
  registry.addCounty("shangzhou", {"商州区", "Shangzhou"}, kStamp);
  auto id = registry.addEntry(entry("山居", "shangzhou", Category::Homestay), kStamp);
  auto auditRows = backend.count("audit_log");
  CHECK_THROWS_AS(backend.store->workflow().write([&](storage::WorkflowStore& store) {
    store.inspections().addInspection(inspection(id, 20000), kStamp);
    store.inspections().addInspection(inspection(id, 20001), kStamp);
    throw std::runtime_error("the service changed its mind");
  }),
                  std::runtime_error);
  CHECK(backend.count("inspections") == 0);
  CHECK(backend.count("audit_log") == auditRows);
  // A failing statement in the middle rolls back the statements before it.
  CHECK_THROWS_AS(backend.store->workflow().write([&](storage::WorkflowStore& store) {
    store.inspections().addInspection(inspection(id, 20000), kStamp);
    store.inspections().addInspection(inspection(id + 1000, 20001), kStamp);  // no such entry
  }),
                  storage::ConstraintError);
  CHECK(backend.count("inspections") == 0);
  CHECK(backend.count("audit_log") == auditRows);
}

TEST_CASE("Uniqueness conflicts are ConstraintErrors and change nothing", "[storage][contract]") {
  Backend backend;
  auto& registry = backend.store->registry();
  registry.addCounty("shangzhou", {"商州区", "Shangzhou"}, kStamp);
  CHECK_THROWS_AS(registry.addCounty("shangzhou", {"又一个", "Again"}, kStamp),
                  storage::ConstraintError);
  CHECK(registry.counties().at(0).name.zh == "商州区");

  auto& users = backend.store->users();
  storage::User chief;
  chief.username = "Chief";
  chief.displayName = "Chief";
  chief.role = tisheng::security::Role::CityAdmin;
  chief.passwordHash = "x";
  users.addUser(chief, kStamp);
  chief.username = "chief";  // user names are the same whatever their case
  CHECK_THROWS_AS(users.addUser(chief, kStamp), storage::ConstraintError);
  REQUIRE(users.userByName("CHIEF"));
  CHECK(users.userByName("CHIEF")->username == "Chief");
  CHECK(users.users().size() == 1);
}

TEST_CASE("Queries filter and order the same on every backend", "[storage][contract]") {
  Backend backend;
  auto& registry = backend.store->registry();
  registry.addCounty("shangzhou", {"商州区", "Shangzhou"}, kStamp);
  registry.addCounty("zhashui", {"柞水县", "Zhashui"}, kStamp);
  storage::User owner;
  owner.username = "owner";
  owner.displayName = "Owner";
  owner.passwordHash = "x";
  auto ownerId = backend.store->users().addUser(owner, kStamp);
  auto a = registry.addEntry(entry("甲", "zhashui", Category::Homestay), kStamp);
  auto b = registry.addEntry(entry("乙", "shangzhou", Category::Restaurant, ownerId), kStamp);
  auto c = registry.addEntry(entry("丙", "shangzhou", Category::Homestay, ownerId), kStamp);
  auto d = registry.addEntry(entry("丁", "shangzhou", Category::Homestay), kStamp);

  using std::nullopt;
  CHECK(ids(registry.entries(nullopt, nullopt, nullopt)) == std::vector<std::int64_t>{a, b, c, d});
  CHECK(ids(registry.entries("shangzhou", nullopt, nullopt)) == std::vector<std::int64_t>{b, c, d});
  CHECK(ids(registry.entries("shangzhou", Category::Homestay, nullopt)) ==
        std::vector<std::int64_t>{c, d});
  CHECK(ids(registry.entries(nullopt, nullopt, ownerId)) == std::vector<std::int64_t>{b, c});
  CHECK(registry.entries("nowhere", nullopt, nullopt).empty());

  // Inspections: by date then id; filters by county, entry, status and assignee or queue.
  std::vector<std::int64_t> inspections;
  backend.store->workflow().write([&](storage::WorkflowStore& store) {
    inspections.push_back(store.inspections().addInspection(inspection(c, 20010), kStamp));
    inspections.push_back(store.inspections().addInspection(inspection(a, 20005), kStamp));
    inspections.push_back(
        store.inspections().addInspection(inspection(d, 20005, {ownerId}), kStamp));
    inspections.push_back(store.inspections().addInspection(inspection(b, 20001), kStamp));
    auto cancelled = *store.inspections().inspection(inspections[3]);
    cancelled.status = domain::InspectionStatus::Cancelled;
    store.inspections().recordDecision(cancelled, kStamp);
  });
  backend.store->workflow().read([&](storage::WorkflowStore& store) {
    auto [ic, ia, id, ib] =
        std::tuple{inspections[0], inspections[1], inspections[2], inspections[3]};
    CHECK(ids(store.inspections().inspections({})) == std::vector<std::int64_t>{ib, ia, id, ic});
    CHECK(ids(store.inspections().inspections({.county = "shangzhou"})) ==
          std::vector<std::int64_t>{ib, id, ic});
    CHECK(ids(store.inspections().inspections({.entryId = a})) == std::vector<std::int64_t>{ia});
    CHECK(ids(store.inspections().inspections({.status = domain::InspectionStatus::Cancelled})) ==
          std::vector<std::int64_t>{ib});
    CHECK(ids(store.inspections().inspections({.assignee = ownerId})) ==
          std::vector<std::int64_t>{id});
    CHECK(ids(store.inspections().inspections({.assignee = ownerId, .queueCounty = "shangzhou"})) ==
          std::vector<std::int64_t>{ib, id, ic});
  });
}

TEST_CASE("Concurrent writers all land, each with one audit record in one chain",
          "[storage][contract]") {
  Backend backend;
  auto& registry = backend.store->registry();
  registry.addCounty("shangzhou", {"商州区", "Shangzhou"}, kStamp);
  std::vector<std::thread> writers;
  std::vector<std::vector<std::int64_t>> made(4);
  writers.reserve(4);
  for (int w = 0; w < 4; ++w)
    writers.emplace_back([&, w] {
      for (int n = 0; n < 25; ++n)
        made[static_cast<std::size_t>(w)].push_back(
            registry.addEntry(entry("店" + std::to_string(w) + "-" + std::to_string(n), "shangzhou",
                                    Category::Restaurant),
                              kStamp));
    });
  for (auto& writer : writers) writer.join();
  std::set<std::int64_t> distinct;
  for (const auto& list : made) distinct.insert(list.begin(), list.end());
  CHECK(distinct.size() == 100);
  CHECK(backend.count("entries") == 100);
  CHECK(backend.count("audit_log") == 101);
  auto check = storage::verifyAudit(*backend.store->database().acquire());
  CHECK(check.intact);
  CHECK(check.rows == 101);
}

TEST_CASE("The registry's generation moves on with each commit a plaque shows, never a rollback",
          "[storage][contract]") {
  Backend backend;
  auto& registry = backend.store->registry();
  auto inDatabase = [&] {
    return storage::registryGeneration(*backend.store->database().acquire());
  };
  registry.addCounty("shangzhou", {"商州区", "Shangzhou"}, kStamp);
  auto id = registry.addEntry(entry("山居", "shangzhou", Category::Homestay), kStamp);
  std::int64_t start = registry.generation();
  CHECK(start == inDatabase());
  registry.setReply(id, "欢迎", kStamp);
  CHECK(registry.generation() == start + 1);  // at once, without asking the database
  {
    auto db = backend.store->database().acquire();
    storage::Transaction transaction(*db);
    storage::advanceGeneration(*db);  // and then not committed
  }
  CHECK(registry.generation() == start + 1);
  CHECK(inDatabase() == start + 1);

  std::vector<std::thread> writers;
  writers.reserve(4);
  for (int w = 0; w < 4; ++w)
    writers.emplace_back([&, w] {
      for (int n = 0; n < 25; ++n) registry.setReply(id, std::to_string(w * 100 + n), kStamp);
    });
  for (auto& writer : writers) writer.join();
  CHECK(registry.generation() == start + 101);
  CHECK(inDatabase() == start + 101);
}

TEST_CASE("A lease has one holder at a time until it expires or is released",
          "[storage][contract]") {
  Backend backend;
  auto& leases = backend.store->leases();
  CHECK(leases.take("scheduler", "a", 1000, 60));
  CHECK_FALSE(leases.take("scheduler", "b", 1030, 60));
  CHECK(leases.take("scheduler", "a", 1030, 60));  // renewed until 1090
  CHECK_FALSE(leases.take("scheduler", "b", 1089, 60));
  CHECK(leases.take("scheduler", "b", 1090, 60));
  CHECK(leases.take("other", "a", 1090, 60));  // leases are independent
  leases.release("scheduler", "a");            // not a's any more: no effect
  CHECK_FALSE(leases.take("scheduler", "a", 1100, 60));
  leases.release("scheduler", "b");
  CHECK(leases.take("scheduler", "a", 1100, 60));
}

TEST_CASE("Media keep their first bytes, binary and whole", "[storage][contract]") {
  Backend backend;
  auto& media = backend.store->media();
  std::string bytes("\x89PNG\r\n\x1A\n\0\xFF\x00 tail", 16);
  media.put("evidence/abc.png", bytes);
  media.put("evidence/abc.png", "other bytes");
  CHECK(media.get("evidence/abc.png") == bytes);
  CHECK_FALSE(media.get("evidence/none.png"));
  CHECK_FALSE(media.get("../evidence/abc.png"));
}

TEST_CASE("Media stored by several writers at once all succeed with the same bytes",
          "[storage][contract]") {
  Backend backend;
  auto& media = backend.store->media();
  const std::string bytes(std::size_t{64} << 10, 'p');
  std::vector<std::thread> writers;
  std::vector<int> failures(8, 0);
  writers.reserve(failures.size());
  for (std::size_t w = 0; w < failures.size(); ++w)
    writers.emplace_back([&, w] {
      for (int round = 0; round < 20; ++round) {
        try {
          media.put("entries/same-" + std::to_string(round) + ".png", bytes);
        } catch (const std::exception&) {
          ++failures[w];
        }
      }
    });
  for (auto& writer : writers) writer.join();
  CHECK(std::accumulate(failures.begin(), failures.end(), 0) == 0);
  for (int round = 0; round < 20; ++round)
    CHECK(media.get("entries/same-" + std::to_string(round) + ".png") == bytes);
}

TEST_CASE("Keys in the database are encrypted and open only with their key-encryption key",
          "[storage][contract]") {
  Backend backend;
  const std::string kek = "a key-encryption key of 32 characters";
  auto vault = std::make_shared<storage::DatabaseKeyVault>(backend.store->database(), kek);
  auto keys = tisheng::certificates::KeyStore::open(vault, kStamp.at, 365);
  REQUIRE(keys.keys().size() == 1);
  // Opening again finds the same key instead of making one.
  auto again = tisheng::certificates::KeyStore::open(
      std::make_shared<storage::DatabaseKeyVault>(backend.store->database(), kek), kStamp.at + 5,
      365);
  CHECK(again.keys().size() == 1);
  CHECK(again.keys()[0].kid == keys.keys()[0].kid);
  {
    auto db = backend.store->database().acquire();
    auto row = db->prepare("SELECT private_key FROM signing_keys");
    REQUIRE(row.step());
    CHECK(row.text(0).starts_with("-----BEGIN ENCRYPTED PRIVATE KEY-----"));
  }
  auto wrong = std::make_shared<storage::DatabaseKeyVault>(backend.store->database(),
                                                           "another key-encryption key, also long");
  CHECK_THROWS_WITH(tisheng::certificates::KeyStore::read(wrong),
                    Catch::Contains("cannot be opened with this key-encryption key"));
  CHECK_THROWS_AS(storage::DatabaseKeyVault(backend.store->database(), "short"),
                  std::invalid_argument);
}
