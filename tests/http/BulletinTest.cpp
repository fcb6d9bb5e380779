// The quarterly bulletin (商洛市三个提升工作季度通报) as an A4 PDF, as an HTML page with
// server-drawn SVG charts, and from the command line — checked with poppler's tools.

#include <catch2/catch.hpp>
#include <regex>

#include "certificates/CivilDate.h"
#include "domain/PublicRecord.h"
#include "support/ProgrammeHistory.h"
#include "support/Registry.h"
#include "support/Subprocess.h"
#include "support/TempDir.h"
#include "support/Tools.h"

using tisheng::security::Role;
using tisheng::test::ProgrammeHistory;
using tisheng::test::TestServer;
namespace domain = tisheng::domain;

namespace {

struct Bulletin {
  TestServer server;
  ProgrammeHistory history{server.app().storage(), server.app().standards(),
                           server.app().config().programme.calendar, 21};
  std::map<std::string, std::string> city, luonan;

  Bulletin() {
    history.addCounty("shangzhou", "商州区", "Shangzhou District");
    history.addCounty("luonan", "洛南县", "Luonan County");
    history.addCounty("shangnan", "商南县", "Shangnan County");
    history.generate(120, ProgrammeHistory::day("2025-01-01"), ProgrammeHistory::day("2026-11-20"),
                     {"shangzhou", "luonan"});
    city = tisheng::test::loginAs(server, Role::CityAdmin, "city");
    luonan = tisheng::test::loginAs(server, Role::CountyAdmin, "luonan.office", "luonan");
  }
};

std::string squeeze(std::string text) { return std::regex_replace(text, std::regex("\\s+"), ""); }

}  // namespace

TEST_CASE("The quarterly bulletin prints as A4 with its ranking, charts and removals",
          "[http][reports]") {
  Bulletin b;
  auto report = b.server.app().reports().report(*domain::Period::parse("2026-Q2"), std::nullopt);
  REQUIRE_FALSE(report.removals.empty());

  auto reply = b.server.client().get("/api/v1/reports/bulletin?period=2026-Q2&format=pdf", b.city);
  REQUIRE(reply.status == 200);
  CHECK(reply.header("Content-Type") == "application/pdf");
  tisheng::test::TempDir dir;
  auto file = tisheng::test::writeFile(dir.path() / "bulletin.pdf", reply.body);
  std::string info = tisheng::test::shell("pdfinfo " + file.string());
  CHECK(info.find("595.276 x 841.89 pts (A4)") != std::string::npos);
  CHECK(info.find("商洛市三个提升工作季度通报") != std::string::npos);
  std::string text = squeeze(tisheng::test::shell("pdftotext " + file.string() + " -"));
  CHECK(text.find("商洛市三个提升工作季度通报") != std::string::npos);
  CHECK(text.find("2026年第二季度（2026年4月1日至2026年6月30日）") != std::string::npos);
  CHECK(text.find("全市在册特色民宿、特色餐饮店、特色产品共" +
                  std::to_string(report.totalCertified().count) + "家") != std::string::npos);
  for (const char* county : {"商州区", "洛南县", "商南县"})
    CHECK(text.find(county) != std::string::npos);
  for (const auto& removal : report.removals) {
    CAPTURE(removal.serial);
    CHECK(text.find(removal.serial) != std::string::npos);
    CHECK(text.find(squeeze(removal.name.zh)) != std::string::npos);
    CHECK(text.find(squeeze(domain::revocationTitle(removal.reason).zh)) != std::string::npos);
  }
  // The most-failed item's title (its first words: long titles wrap within their cell).
  REQUIRE_FALSE(report.mostFailed.empty());
  CHECK(text.find(squeeze(report.mostFailed.front().title.zh).substr(0, 12)) != std::string::npos);
  CHECK(text.find("第1页") != std::string::npos);
}

TEST_CASE("The bulletin's HTML draws its charts as SVG, in either language", "[http][reports]") {
  Bulletin b;
  REQUIRE(b.server.client()
              .send("PUT", "/api/v1/targets/2026",
                    R"({"targets": [{"county": "shangzhou", "category": "homestay", "target": 10},
                                    {"county": "luonan", "category": "homestay", "target": 40}]})",
                    [&] {
                      auto h = b.city;
                      h["Content-Type"] = "application/json";
                      return h;
                    }())
              .status == 200);
  auto page = b.server.client().get("/api/v1/reports/bulletin?period=2026-Q3", b.city);
  REQUIRE(page.status == 200);
  CHECK(page.header("Content-Type") == "text/html; charset=utf-8");
  CHECK(page.header("Content-Security-Policy").find("default-src 'none'") != std::string::npos);
  CHECK(page.body.find("<html lang=\"zh-CN\">") != std::string::npos);
  CHECK(page.body.find("<script") == std::string::npos);
  // The ranking's chart: one bar per county, in the ranking's order, lengths as progress.
  auto report = b.server.client().get("/api/v1/reports?period=2026-Q3", b.city).json();
  std::regex bar("<rect [^>]*data-value=\"([0-9.]+)\"");
  std::vector<double> values;
  auto chart = page.body.substr(page.body.find("<svg"));
  chart = chart.substr(0, chart.find("</svg>"));
  for (std::sregex_iterator i(chart.begin(), chart.end(), bar), end; i != end; ++i)
    values.push_back(std::stod((*i)[1]));
  REQUIRE(values.size() == report["ranking"].size());
  for (std::size_t i = 0; i < values.size(); ++i) {
    double progress = report["ranking"][i]["progress"].is_null()
                          ? 0
                          : report["ranking"][i]["progress"].get<double>();
    CHECK(values[i] == Approx(progress).margin(0.05));
  }
  CHECK(page.body.find("年度目标完成率") != std::string::npos);

  auto english =
      b.server.client().get("/api/v1/reports/bulletin?period=2026-Q3&lang=en", b.city).body;
  CHECK(english.find("<html lang=\"en\">") != std::string::npos);
  CHECK(english.find("Shangluo Three Upgrades: Quarterly Bulletin") != std::string::npos);
  CHECK(english.find("Q3 2026 (1 July 2026 to 30 September 2026)") != std::string::npos);

  // A county office's bulletin is its own county's.
  auto own = b.server.client().get("/api/v1/reports/bulletin?period=2026-Q3", b.luonan);
  REQUIRE(own.status == 200);
  CHECK(own.body.find("季度通报（洛南县）") != std::string::npos);
  CHECK(own.body.find("商州区") == std::string::npos);
  CHECK(b.server.client()
            .get("/api/v1/reports/bulletin?period=2026-Q3&county=shangzhou", b.luonan)
            .status == 403);
  CHECK(
      b.server.client().get("/api/v1/reports/bulletin?period=2026-Q3&format=doc", b.city).status ==
      400);
}

TEST_CASE("tisheng report writes the bulletin and the figures from the command line",
          "[http][reports]") {
  Bulletin b;
  tisheng::test::TempDir dir;
  auto pdf = (dir.path() / "q2.pdf").string();
  auto made = tisheng::test::runTisheng({"report", "--period", "2026-Q2", "--out", pdf},
                                        b.server.commandEnvironment());
  CHECK(made.exitCode == 0);
  CHECK(
      squeeze(tisheng::test::shell("pdftotext " + pdf + " -")).find("商洛市三个提升工作季度通报") !=
      std::string::npos);
  auto json = (dir.path() / "q2.json").string();
  CHECK(tisheng::test::runTisheng(
            {"report", "--period", "2026-Q2", "--county", "luonan", "--out", json},
            b.server.commandEnvironment())
            .exitCode == 0);
  auto figures = nlohmann::ordered_json::parse(tisheng::test::shell("cat " + json));
  auto api = b.server.client().get("/api/v1/reports?period=2026-Q2&county=luonan", b.city).json();
  CHECK(figures["certified"] == api["certified"]);
  CHECK(figures["flows"] == api["flows"]);
  auto bad = tisheng::test::runTisheng({"report", "--period", "2026-Q9", "--out", json},
                                       b.server.commandEnvironment());
  CHECK(bad.exitCode == 2);
  auto nowhere = tisheng::test::runTisheng(
      {"report", "--period", "2026", "--county", "nowhere", "--out", json},
      b.server.commandEnvironment());
  CHECK(nowhere.exitCode == 2);
  CHECK(nowhere.err.find("no county 'nowhere'") != std::string::npos);
}
