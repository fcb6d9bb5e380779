#include <catch2/catch.hpp>

#include "certificates/QrCode.h"
#include "support/Registry.h"

using tisheng::security::Role;
using tisheng::test::TestServer;
using Json = nlohmann::ordered_json;

namespace {

const std::map<std::string, std::string> kUrlEncoded{
    {"Content-Type", "application/x-www-form-urlencoded"}};

/// A multipart/form-data body of text fields and one file field "photo".
std::string multipart(const std::map<std::string, std::string>& fields, const std::string& photo) {
  std::string body;
  for (const auto& [name, value] : fields)
    body += "--XBOUNDARYX\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" +
            value + "\r\n";
  body +=
      "--XBOUNDARYX\r\nContent-Disposition: form-data; name=\"photo\"; "
      "filename=\"plaque.png\"\r\nContent-Type: image/png\r\n\r\n" +
      photo + "\r\n--XBOUNDARYX--\r\n";
  return body;
}

}  // namespace

TEST_CASE("A fake plaque is reported with a photo and its county office triages it", "[http]") {
  TestServer server;
  tisheng::test::addEntry(server, tisheng::rules::Category::Homestay, "山居");  // adds shangzhou
  server.app().registry().addCounty("luonan", {"洛南县", "Luonan"}, {"test", 0});
  std::string png = tisheng::certificates::QrCode::encode("plaque").toPng(4);
  auto filed = server.client().send("POST", "/report",
                                    multipart({{"county", "shangzhou"},
                                               {"place_name", "秦岭人家"},
                                               {"address", "北新街 9 号"},
                                               {"seen", "门口挂着甲级牌匾，扫码显示非真实牌匾"},
                                               {"code", "NOTAREALTOKEN"}},
                                              png),
                                    {{"Content-Type", "multipart/form-data; boundary=XBOUNDARYX"}});
  REQUIRE(filed.status == 201);
  CHECK(filed.body.find("TS-R-000001") != std::string::npos);

  auto here = tisheng::test::loginAs(server, Role::CountyAdmin, "here", "shangzhou");
  auto there = tisheng::test::loginAs(server, Role::CountyAdmin, "there", "luonan");
  auto list = server.client().get("/api/v1/plaque-reports?status=new", here).json();
  REQUIRE(list["total"] == 1);
  auto report = list["reports"][0];
  CHECK(report["place_name"] == "秦岭人家");
  CHECK(report["code_seen"] == "NOTAREALTOKEN");
  CHECK(report["contact"].is_null());
  auto photo = server.client().get(report["photo_url"].get<std::string>(), here);
  CHECK(photo.status == 200);
  CHECK(photo.header("Content-Type") == "image/png");
  CHECK(server.client().get("/api/v1/plaque-reports", there).json()["total"] == 0);
  CHECK(server.client().get(report["photo_url"].get<std::string>(), there).status == 403);

  std::string triage = "/api/v1/plaque-reports/" + report["id"].dump() + "/triage";
  CHECK(server.client()
            .post(triage, R"({"decision": "confirmed", "resolution": "核实"})", there)
            .status == 403);
  CHECK(server.client()
            .post(triage, R"({"decision": "new", "resolution": "x"})", here)
            .errorFields() == std::vector<std::string>{"decision"});
  auto decided = server.client().post(
      triage, R"({"decision": "confirmed", "resolution": "现场核实为假牌，已移交市场监管"})", here);
  REQUIRE(decided.status == 200);
  CHECK(decided.json()["report"]["status"] == "confirmed");
  CHECK(decided.json()["report"]["triaged_by"] == "here");
  CHECK(server.client()
            .post(triage, R"({"decision": "dismissed", "resolution": "再次"})", here)
            .status == 409);
}

TEST_CASE("A bad report comes back with each problem beside its field and nothing stored",
          "[http]") {
  TestServer server;
  tisheng::test::addEntry(server, tisheng::rules::Category::Homestay, "山居");
  auto bad = server.client().post("/report", "county=atlantis&place_name=&address=%20&seen=短",
                                  kUrlEncoded);
  CHECK(bad.status == 400);
  for (const char* field : {"county", "place_name", "address", "seen"})
    CHECK(bad.body.find(std::string("id=\"") + field + "-error\"") != std::string::npos);
  CHECK(bad.body.find("请写明看到了什么") != std::string::npos);
  CHECK(bad.body.find(">短</textarea>") != std::string::npos);  // the input is kept
  auto english = server.client().post("/report?lang=en", "county=atlantis", kUrlEncoded);
  CHECK(english.body.find("choose the county the place is in") != std::string::npos);
  auto notAnImage =
      server.client().send("POST", "/report",
                           multipart({{"county", "shangzhou"},
                                      {"place_name", "某店"},
                                      {"address", "某街"},
                                      {"seen", "牌匾扫码显示非真实牌匾"}},
                                     "this is not an image"),
                           {{"Content-Type", "multipart/form-data; boundary=XBOUNDARYX"}});
  CHECK(notAnImage.status == 400);
  CHECK(notAnImage.body.find("id=\"photo-error\"") != std::string::npos);
  auto broken =
      server.client().send("POST", "/report", "--XBOUNDARYX\r\nnonsense",
                           {{"Content-Type", "multipart/form-data; boundary=XBOUNDARYX"}});
  CHECK(broken.status == 400);
  auto city = tisheng::test::loginAs(server, Role::CityAdmin, "city");
  CHECK(server.client().get("/api/v1/plaque-reports", city).json()["total"] == 0);

  // Five an hour from one address, then 429.
  for (int i = 0; i < 5; ++i)
    CHECK(server.client()
              .post("/report",
                    "county=shangzhou&place_name=店&address=街&seen=扫码显示非真实牌匾请核查",
                    kUrlEncoded)
              .status == 201);
  CHECK(server.client()
            .post("/report",
                  "county=shangzhou&place_name=店&address=街&seen=扫码显示非真实牌匾请核查",
                  kUrlEncoded)
            .status == 429);
}
