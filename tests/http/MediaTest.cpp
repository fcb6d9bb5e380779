#include <catch2/catch.hpp>

#include "certificates/QrCode.h"
#include "support/Registry.h"
#include "support/TempDir.h"
#include "support/Tools.h"

using tisheng::rules::Category;
using tisheng::security::Role;
using tisheng::test::TestServer;

TEST_CASE("An entry's photo is uploaded by its owner and shown on the verification page",
          "[http]") {
  TestServer server;
  auto entry = tisheng::test::addEntry(server, Category::Homestay, "山居");
  auto cert = tisheng::test::issue(server, entry, Category::Homestay, "jia");
  auto owner = tisheng::test::loginAs(server, Role::Business, "owner");
  tisheng::test::setOwner(server, entry, "owner");
  std::string png = tisheng::certificates::QrCode::encode("photo").toPng(4);  // any real PNG
  std::string target = "/api/v1/entries/" + std::to_string(entry) + "/photo";

  CHECK(server.client().send("PUT", target, png, {}).status == 401);
  CHECK(server.client()
            .send("PUT", target, png, tisheng::test::loginAs(server, Role::Business, "other"))
            .status == 403);
  CHECK(server.client().send("PUT", target, "GIF89a not supported", owner).status == 400);
  CHECK(server.client().send("PUT", "/api/v1/entries/999/photo", png, owner).status == 404);
  CHECK(server.client().get("/media/entries/" + std::to_string(entry)).status == 404);

  auto uploaded = server.client().send("PUT", target, png, owner);
  CHECK(uploaded.status == 200);
  CHECK(uploaded.json()["photo_url"] == "/media/entries/" + std::to_string(entry));
  auto photo = server.client().get("/media/entries/" + std::to_string(entry));
  CHECK(photo.status == 200);
  CHECK(photo.header("Content-Type") == "image/png");
  // Stored as rebuilt from its pixels: other bytes, the same picture.
  tisheng::test::TempDir dir;
  CHECK(tisheng::test::decodeQr(tisheng::test::writeFile(dir.path() / "photo.png", photo.body)) ==
        "photo");
  auto page = server.client().get("/c/" + cert.token).body;
  CHECK(page.find("<img class=\"photo\" src=\"/media/entries/" + std::to_string(entry) + "\"") !=
        std::string::npos);
  auto office = tisheng::test::loginAs(server, Role::CountyAdmin, "office", "shangzhou");
  CHECK(server.client().send("PUT", target, png, office).status == 200);
}

TEST_CASE("JSON bodies over 1 MiB get 413 even under a larger body limit", "[http]") {
  TestServer server;
  std::string big = "{\"scores\": \"" + std::string(1100000, 'x') + "\"}";
  CHECK(server.client().post("/api/v1/standards/homestay/evaluate", big).status == 413);
}
