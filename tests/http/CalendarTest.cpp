#include <catch2/catch.hpp>

#include "certificates/CivilDate.h"
#include "domain/Calendar.h"
#include "support/Workflow.h"

using tisheng::certificates::parseIsoDate;
using tisheng::domain::Calendar;
using tisheng::rules::Category;
using tisheng::test::postJson;
using tisheng::test::TestServer;
using Json = nlohmann::ordered_json;

TEST_CASE("The programme calendar turns over at local midnight", "[unit]") {
  Calendar shanghai("Asia/Shanghai");
  int december3 = *parseIsoDate("2026-12-03");
  std::int64_t midnightUtc = 1796256000;  // 2026-12-03T00:00:00Z, 08:00 in Shanghai
  CHECK(tisheng::certificates::dayOf(midnightUtc) == december3);
  CHECK(shanghai.startOf(december3) == midnightUtc - 8 * 3600);
  CHECK(shanghai.dayOf(midnightUtc - 8 * 3600 - 1) == december3 - 1);
  CHECK(shanghai.dayOf(midnightUtc - 8 * 3600) == december3);
  CHECK(shanghai.dayOf(midnightUtc + 16 * 3600 - 1) == december3);  // 23:59:59 local
  CHECK(shanghai.dayOf(midnightUtc + 16 * 3600) == december3 + 1);
  CHECK(Calendar("UTC").dayOf(midnightUtc) == december3);
  CHECK_THROWS_AS(Calendar("Mars/Olympus_Mons"), std::invalid_argument);
}

TEST_CASE("A public notice takes objections through the whole of its last local day",
          "[http][workflow]") {
  TestServer server;
  auto entry = tisheng::test::addEntry(server, Category::Homestay, "秦岭山居");
  auto actors = tisheng::test::makeActors(server, entry);
  auto applied =
      postJson(server, "/api/v1/inspections",
               {{"kind", "initial"}, {"entry_id", entry}, {"inspectors", {"insp"}}}, actors.county);
  REQUIRE(applied.status == 201);
  std::string base =
      "/api/v1/inspections/" + std::to_string(applied.json()["inspection"]["id"].get<int>());
  REQUIRE(server.client()
              .send("PUT", base + "/scores",
                    Json{{"scores", tisheng::test::scoresAt(Category::Homestay, 1.0)}}.dump(),
                    actors.inspector)
              .status == 200);
  REQUIRE(server.client().post(base + "/submit", "", actors.inspector).status == 200);
  auto confirmed = postJson(server, base + "/decision", {{"decision", "confirm"}}, actors.county);
  REQUIRE(confirmed.status == 200);
  Json notice = confirmed.json()["notice"];
  std::string endsOn = notice["ends_on"];
  CHECK(endsOn == "2026-11-25");  // started 2026-11-18 (19:06 in Shanghai), 7 days
  std::string objections =
      "/api/v1/public/notices/" + std::to_string(notice["id"].get<int>()) + "/objections";

  // 23:59:59 in Shanghai on the last day (15:59:59 UTC): still open.
  Calendar shanghai("Asia/Shanghai");
  std::int64_t nextDay = shanghai.startOf(*parseIsoDate(endsOn) + 1);
  server.clock().set(nextDay - 1);
  tisheng::test::renewSessions(server, actors);
  CHECK(tisheng::test::tick(server).noticesIssued == 0);
  auto late = postJson(server, objections, {{"text", "最后一天晚上提出的异议"}}, {});
  CHECK(late.status == 201);
  auto dismissed =
      postJson(server,
               "/api/v1/objections/" + std::to_string(late.json()["objection"]["id"].get<int>()) +
                   "/decision",
               {{"decision", "dismissed"}, {"resolution", "核实无误"}}, actors.county);
  CHECK(dismissed.status == 200);

  // Midnight in Shanghai: the notice is over, objections are refused, the certificate issues.
  server.clock().set(nextDay);
  auto tooLate = postJson(server, objections, {{"text", "过期的异议"}}, {});
  CHECK(tooLate.status == 409);
  CHECK(tooLate.json()["error"]["detail"] == "the notice period ended on 2026-11-25");
  CHECK(tisheng::test::tick(server).noticesIssued == 1);
}

TEST_CASE("The time zone is configurable and checked", "[unit]") {
  auto config =
      tisheng::app::loadConfig("", false, {{"TISHENG_PROGRAMME_TIMEZONE", "Europe/London"}});
  CHECK(config.programme.calendar.zone() == "Europe/London");
  CHECK_THROWS_WITH(
      tisheng::app::loadConfig("", false, {{"TISHENG_PROGRAMME_TIMEZONE", "Nowhere"}}),
      Catch::Contains("programme.timezone: unknown time zone 'Nowhere'"));
}
