#include <catch2/catch.hpp>
#include <set>
#include <sstream>

#include "certificates/CivilDate.h"
#include "certificates/QrCode.h"
#include "domain/PublicRecord.h"
#include "support/Registry.h"
#include "support/Subprocess.h"
#include "support/TempDir.h"
#include "support/Tools.h"

using tisheng::domain::CertificateStatus;
using tisheng::rules::Category;
using tisheng::security::Role;
using tisheng::test::TestServer;

namespace {

struct Places {
  std::vector<std::string> listed;     ///< names that must appear
  std::vector<std::string> unlisted;   ///< names that must not
  tisheng::domain::Certificate first;  ///< the first listed homestay's certificate
};

/// Homestays in every state, and a restaurant (another catalogue).
Places places(TestServer& server) {
  auto& registry = server.app().registry();
  Places out;
  tisheng::storage::Stamp stamp{"test", server.clock().now()};
  auto add = [&](const std::string& name, Category category = Category::Homestay) {
    auto id = tisheng::test::addEntry(server, category, name);
    auto entry = *registry.entry(id);
    entry.contact = "0914-5550000";
    entry.contactPublic = true;
    entry.description = {"秦岭山间的小院。", "A courtyard in the Qinling."};
    registry.updateEntry(entry, stamp);
    return tisheng::test::issue(server, id, category, category == Category::Homestay ? "jia" : "a");
  };
  out.first = add("云端山居");
  add("溪边小院");
  out.listed = {"云端山居", "溪边小院"};
  registry.setStatus(add("暂停的民宿").serial, CertificateStatus::Suspended, "限期整改", stamp);
  registry.setStatus(add("摘牌的民宿").serial, CertificateStatus::Revoked,
                     tisheng::domain::revocationStatusReason("fraud", ""), stamp);
  registry.setStatus(add("过期的民宿").serial, CertificateStatus::Expired, std::nullopt, stamp);
  add("一家餐馆", Category::Restaurant);
  out.unlisted = {"暂停的民宿", "摘牌的民宿", "过期的民宿", "一家餐馆"};
  return out;
}

}  // namespace

TEST_CASE("A catalogue PDF is A5, lists exactly the active places and its QR codes scan",
          "[http][catalogue]") {
  TestServer server;
  auto expected = places(server);
  std::string png = tisheng::certificates::QrCode::encode("a photo").toPng(6);
  auto owner = tisheng::test::loginAs(server, Role::CityAdmin, "city");
  REQUIRE(server.client()
              .send("PUT", "/api/v1/entries/" + std::to_string(expected.first.entryId) + "/photo",
                    png, owner)
              .status == 200);
  auto pdf = server.client().get("/api/v1/catalogues/homestay.pdf", owner);
  REQUIRE(pdf.status == 200);
  CHECK(pdf.header("Content-Type") == "application/pdf");
  tisheng::test::TempDir dir;
  auto file = tisheng::test::writeFile(dir.path() / "homestays.pdf", pdf.body);
  std::string info = tisheng::test::shell("pdfinfo " + file.string());
  CHECK(info.find("419.528 x 595.276 pts") != std::string::npos);  // 148 x 210 mm
  std::string text = tisheng::test::shell("pdftotext " + file.string() + " -");
  for (const auto& name : expected.listed) CHECK(text.find(name) != std::string::npos);
  for (const auto& name : expected.unlisted) CHECK(text.find(name) == std::string::npos);
  CHECK(text.find("特色民宿宣传册") != std::string::npos);
  CHECK(text.find("2026年11月18日认定有效") != std::string::npos);
  CHECK(text.find("0914-5550000") != std::string::npos);

  // Page 3 holds the first county's places, the first of them 云端山居.
  tisheng::test::shell("pdftoppm -r 300 -f 3 -l 3 -png " + file.string() + " " +
                       (dir.path() / "page").string());
  auto page = dir.path() / "page-3.png";
  std::istringstream symbols(tisheng::test::decodeQr(page));  // the photo is a QR code too
  std::set<std::string> decoded;
  for (std::string line; std::getline(symbols, line);) decoded.insert(line);
  CHECK(decoded.count(server.app().certificates().verificationUrl(expected.first)) == 1);

  auto html = server.client().get("/api/v1/catalogues/homestay.html?lang=en", owner);
  REQUIRE(html.status == 200);
  CHECK(html.body.find("Featured Homestays") != std::string::npos);
  CHECK(html.body.find("<svg") != std::string::npos);
  CHECK(html.body.find("/media/entries/" + std::to_string(expected.first.entryId)) !=
        std::string::npos);
  for (const auto& name : expected.unlisted) CHECK(html.body.find(name) == std::string::npos);
}

TEST_CASE("Catalogues are for offices in their county, filter by grade, and print from the CLI",
          "[http][catalogue]") {
  TestServer server;
  auto expected = places(server);
  server.app().registry().addCounty("luonan", {"洛南县", "Luonan"}, {"test", 0});
  auto here = tisheng::test::loginAs(server, Role::CountyAdmin, "here", "shangzhou");
  auto there = tisheng::test::loginAs(server, Role::CountyAdmin, "there", "luonan");
  auto inspector = tisheng::test::loginAs(server, Role::Inspector, "insp", "shangzhou");
  CHECK(server.client().get("/api/v1/catalogues/homestay.html").status == 401);
  CHECK(server.client().get("/api/v1/catalogues/homestay.html", inspector).status == 403);
  CHECK(server.client().get("/api/v1/catalogues/homestay.html?county=shangzhou", there).status ==
        403);
  CHECK(server.client().get("/api/v1/catalogues/hotel.pdf", here).status == 404);
  CHECK(server.client().get("/api/v1/catalogues/homestay.html?at=tomorrow", here).status == 400);
  auto own = server.client().get("/api/v1/catalogues/homestay.html", there);
  CHECK(own.body.find("云端山居") == std::string::npos);  // Luonan has none
  auto mine = server.client().get("/api/v1/catalogues/homestay.html", here);
  CHECK(mine.body.find("云端山居") != std::string::npos);
  CHECK(server.client()
            .get("/api/v1/catalogues/homestay.html?grade=yi", here)
            .body.find("云端山居") == std::string::npos);
  // Before the certificates were issued, nobody.
  CHECK(server.client()
            .get("/api/v1/catalogues/homestay.html?at=2026-01-01", here)
            .body.find("云端山居") == std::string::npos);

  // The public edition: anyone, revalidated.
  auto published = server.client().get("/catalogues/homestay.pdf");
  REQUIRE(published.status == 200);
  CHECK(server.client()
            .get("/catalogues/homestay.pdf", {{"If-None-Match", published.header("ETag")}})
            .status == 304);

  tisheng::test::TempDir dir;
  auto out = (dir.path() / "brochure.pdf").string();
  auto printed = tisheng::test::runTisheng(
      {"catalogue", "--category", "homestay", "--out", out, "--at", "2026-11-20"},
      server.commandEnvironment());
  CHECK(printed.exitCode == 0);
  std::string text = tisheng::test::shell("pdftotext " + out + " -");
  CHECK(text.find("溪边小院") != std::string::npos);
  CHECK(text.find("2026年11月20日认定有效") != std::string::npos);
  CHECK(tisheng::test::runTisheng({"catalogue", "--category", "hotel", "--out", out},
                                  server.commandEnvironment())
            .exitCode == 2);
}
