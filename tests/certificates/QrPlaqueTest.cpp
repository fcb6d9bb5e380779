#include <catch2/catch.hpp>
#include <regex>

#include "certificates/Plaque.h"
#include "certificates/QrCode.h"
#include "support/TempDir.h"
#include "support/Tools.h"

using namespace tisheng::certificates;
using tisheng::test::TempDir;

namespace {
// A real-length token URL (133 Base32 characters).
const std::string kUrl =
    "https://v.example.cn/c/" + std::string(133, 'Q').replace(0, 10, "AEBAGBAFAY");

PlaqueContent content() {
  PlaqueContent c;
  c.brand = "22℃商洛·中国康养之都";
  c.programme = "三个提升";
  c.categoryZh = "特色民宿";
  c.categoryEn = "Featured Homestay";
  c.entryNameZh = "云上牧护关民宿";
  c.entryNameEn = "Cloud Pass Homestay";
  c.gradeZh = "甲级";
  c.gradeEn = "Grade A";
  c.serial = "SL-MS-2026-000123";
  c.validUntil = "2029-11-24";
  c.issuerZh = "商洛市三个提升工作专班办公室";
  c.issuerEn = "Shangluo Three Upgrades Programme Office";
  c.url = kUrl;
  c.shortDomain = "v.example.cn";
  return c;
}
}  // namespace

TEST_CASE("A verification URL fits QR version 10 at level Q and zbarimg reads it back", "[unit]") {
  auto qr = QrCode::encode(kUrl);
  CHECK(qr.version() <= 10);
  CHECK(qr.size() == 17 + 4 * qr.version() + 2 * QrCode::kQuietZone);
  for (int i = 0; i < qr.size(); ++i) {  // the quiet zone is light all round
    CHECK_FALSE(qr.dark(i, 0));
    CHECK_FALSE(qr.dark(0, i));
    CHECK_FALSE(qr.dark(i, qr.size() - 1));
  }
  TempDir dir;
  auto png = tisheng::test::writeFile(dir.path() / "qr.png", qr.toPng(4));
  CHECK(tisheng::test::decodeQr(png) == kUrl);
  std::string svg = qr.toSvg();
  CHECK(svg.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\"", 0) == 0);
  CHECK(svg.find("<path") != std::string::npos);
  CHECK_THROWS(QrCode::encode(std::string(400, 'x')));
}

TEST_CASE("The PDF plaque has the entry name and serial as text on one A5 page", "[unit]") {
  TempDir dir;
  auto pdf = tisheng::test::writeFile(dir.path() / "plaque.pdf", renderPlaquePdf(content()));
  std::string text = tisheng::test::shell("pdftotext -layout '" + pdf.string() + "' -");
  CHECK(text.find("云上牧护关民宿") != std::string::npos);
  CHECK(text.find("SL-MS-2026-000123") != std::string::npos);
  CHECK(text.find("甲级") != std::string::npos);
  CHECK(text.find("2029-11-24") != std::string::npos);
  CHECK(text.find("v.example.cn") != std::string::npos);
  std::string info = tisheng::test::shell("pdfinfo '" + pdf.string() + "'");
  CHECK(std::regex_search(info, std::regex("Pages: +1\n")));
  CHECK(info.find("419.528 x 595.276 pts") != std::string::npos);
  std::string fonts = tisheng::test::shell("pdffonts '" + pdf.string() + "'");
  CHECK(fonts.find("NotoSerifCJK") != std::string::npos);
}

TEST_CASE("The PNG plaque's QR code decodes to exactly the verification URL", "[unit]") {
  TempDir dir;
  auto png = tisheng::test::writeFile(dir.path() / "plaque.png", renderPlaquePng(content(), 200));
  CHECK(tisheng::test::decodeQr(png) == kUrl);
}

TEST_CASE("The SVG plaque is an A5 vector image with the text as glyph outlines", "[unit]") {
  std::string svg = renderPlaqueSvg(content());
  CHECK(svg.find("<svg") != std::string::npos);
  CHECK(svg.find("width=\"419.527559pt\" height=\"595.275591pt\"") != std::string::npos);
  CHECK(svg.find("<symbol overflow=\"visible\" id=\"glyph") != std::string::npos);
}
