#include <Poco/Checksum.h>

#include <catch2/catch.hpp>
#include <fstream>

#include "certificates/QrCode.h"
#include "support/Registry.h"
#include "support/TempDir.h"
#include "support/Tools.h"

using tisheng::rules::Category;
using tisheng::security::Role;
using tisheng::test::shell;
using tisheng::test::TestServer;

namespace {

/// A 4:3 landscape photo from a phone held upright (EXIF orientation 6: turn 90° clockwise),
/// carrying the GPS position of the house and a camera serial, made with cjpeg and exiftool.
std::string phonePhoto(const std::filesystem::path& dir) {
  std::ofstream ppm(dir / "photo.ppm", std::ios::binary);
  ppm << "P6\n64 48\n255\n";
  for (int y = 0; y < 48; ++y)
    for (int x = 0; x < 64; ++x)
      ppm << static_cast<char>(x * 4) << static_cast<char>(y * 5) << '\x80';
  ppm.close();
  std::string file = (dir / "photo.jpg").string();
  int status = 0;
  shell("cjpeg -quality 90 " + (dir / "photo.ppm").string() + " > " + file, &status);
  REQUIRE(status == 0);
  shell(
      "exiftool -q -overwrite_original -n -Orientation=6 -GPSLatitude=33.8739 "
      "-GPSLatitudeRef=N -GPSLongitude=109.9401 -GPSLongitudeRef=E -SerialNumber=CAM123 " +
          file,
      &status);
  REQUIRE(status == 0);
  REQUIRE(shell("exiftool -s3 -GPSLatitude " + file) != "");
  std::ifstream in(file, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

std::string be32(std::uint32_t v) {
  return std::string{static_cast<char>(v >> 24), static_cast<char>(v >> 16),
                     static_cast<char>(v >> 8), static_cast<char>(v)};
}

/// A PNG whose header claims width × height, with a token of image data.
std::string pngClaiming(std::uint32_t width, std::uint32_t height) {
  auto chunk = [](const std::string& type, const std::string& data) {
    Poco::Checksum crc(Poco::Checksum::TYPE_CRC32);
    crc.update(type + data);
    return be32(static_cast<std::uint32_t>(data.size())) + type + data + be32(crc.checksum());
  };
  return std::string("\x89PNG\r\n\x1A\n", 8) +
         chunk("IHDR", be32(width) + be32(height) + std::string("\x08\x02\x00\x00\x00", 5)) +
         chunk("IDAT", std::string("\x78\x9C\x03\x00\x00\x00\x00\x01", 8)) + chunk("IEND", "");
}

/// A server with entry 1 owned by "owner", and the owner's credentials.
struct OwnedEntry {
  TestServer server;
  std::int64_t entry = tisheng::test::addEntry(server, Category::Homestay, "山居");
  std::map<std::string, std::string> owner =
      tisheng::test::loginAs(server, Role::Business, "owner");
  std::string target = "/api/v1/entries/" + std::to_string(entry) + "/photo";
  OwnedEntry() { tisheng::test::setOwner(server, entry, "owner"); }
};

}  // namespace

TEST_CASE("Photos are stored rebuilt from their pixels without metadata and upright", "[http]") {
  OwnedEntry f;
  tisheng::test::TempDir dir;
  REQUIRE(f.server.client().send("PUT", f.target, phonePhoto(dir.path()), f.owner).status == 200);

  auto served = f.server.client().get("/media/entries/" + std::to_string(f.entry));
  CHECK(served.header("Content-Type") == "image/jpeg");
  auto file = tisheng::test::writeFile(dir.path() / "served.jpg", served.body).string();
  CHECK(shell("exiftool -s3 -GPSLatitude -GPSPosition -SerialNumber -Orientation " + file) == "");
  CHECK(shell("exiftool -s3 -ImageWidth -ImageHeight " + file) == "48\n64\n");  // turned upright
  int status = 0;
  shell("djpeg " + file + " > /dev/null", &status);
  CHECK(status == 0);
}

TEST_CASE("Damaged, oversized and foreign images are refused and nothing is stored", "[http]") {
  OwnedEntry f;
  tisheng::test::TempDir dir;
  std::string png = tisheng::certificates::QrCode::encode("photo").toPng(4);
  std::string jpeg = phonePhoto(dir.path());
  struct Case {
    const char* name;
    std::string bytes;
    const char* why;
  };
  std::vector<Case> cases{
      {"truncated PNG", png.substr(0, png.size() / 2), "the PNG image is damaged or incomplete"},
      {"truncated JPEG", jpeg.substr(0, jpeg.size() - 100),
       "the JPEG image is damaged or incomplete"},
      {"100000 x 100000 PNG", pngClaiming(100000, 100000), "the image has 100000×100000 pixels"},
      {"PNG header only", png.substr(0, 8), "not a readable PNG image"},
      {"JPEG marker only", "\xFF\xD8\xFF\xE0", "not a readable JPEG image"},
      {"GIF", "GIF89a\x01\x00\x01\x00", "expected a JPEG or PNG image"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.name);
    auto reply = f.server.client().send("PUT", f.target, c.bytes, f.owner);
    CHECK(reply.status == 400);
    CAPTURE(reply.body);
    CHECK(reply.errorFields() == std::vector<std::string>{"body"});
    CHECK(reply.json()["error"]["fields"][0]["message"].get<std::string>().starts_with(c.why));
  }
  CHECK(f.server.client().get("/media/entries/" + std::to_string(f.entry)).status == 404);
  CHECK_FALSE(std::filesystem::exists(f.server.dataDir().path() / "media" / "entries"));
}
