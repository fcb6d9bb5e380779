#include "web/DirectoryPage.h"

#include "web/Html.h"
#include "web/Layout.h"

namespace tisheng::web {

namespace {

std::string text(const Bilingual& t, const http::Json& localized) {
  return t(localized.value("zh", ""), localized.value("en", ""));
}

std::string pendingItem(const Bilingual& t, const http::Json& item) {
  std::string id = std::to_string(item["notice_id"].get<std::int64_t>());
  std::string lang = t.english() ? "?lang=en" : "";
  std::string endsOn = item["notice_ends_on"];
  return "<li class=\"pending\"><span class=\"name\">" + text(t, item["name"]) + "</span>" + "<p>" +
         text(t, item["county_name"]) + " · " + text(t, item["category_title"]) + " · " +
         text(t, item["grade_title"]) + "</p><p><strong>" +
         t("公示中，至 " + endsOn, "On public notice until " + endsOn) +
         "</strong></p><details><summary>" + t.one("我有异议", "Object to this") +
         "</summary><form method=\"post\" action=\"" + "/directory/notices/" + id + "/objections" +
         lang + "\"><label for=\"text-" + id + "\">" + t.one("异议内容", "Your objection") +
         "</label><textarea id=\"text-" + id +
         "\" name=\"text\" rows=\"4\" maxlength=\"1000\" required></textarea><label "
         "for=\"contact-" +
         id + "\">" + t.one("联系方式（选填）", "Contact (optional)") +
         "</label><input id=\"contact-" + id +
         "\" name=\"contact\" maxlength=\"100\"><button type=\"submit\">" +
         t.one("提交异议", "Send objection") + "</button></form></details></li>";
}

std::string certifiedItem(const Bilingual& t, const http::Json& item) {
  std::string url = item["verify_url"];
  std::string path = "/c/" + url.substr(url.rfind('/') + 1);
  return "<li><a class=\"name\" href=\"" + escape(path) + "\">" + text(t, item["name"]) +
         "</a><p>" + text(t, item["county_name"]) + " · " + text(t, item["category_title"]) +
         " · " + text(t, item["grade_title"]) + "</p><p>" + t.one("牌匾编号 ", "Plaque ") +
         escape(item["serial"].get<std::string>()) + " · " + t.one("有效期至 ", "valid until ") +
         escape(item["valid_until"].get<std::string>()) + "</p></li>";
}

}  // namespace

http::HttpResponse directoryPage(const domain::Programme& programme, bool english,
                                 const http::Json& directory, const std::string& query) {
  Bilingual t(english);
  std::string body = "<h1>" + t("认定名录", "Directory of certified places") + "</h1><p>" +
                     t("特色民宿、特色餐饮店与特色产品；扫描牌匾二维码可随时核验。",
                       "Featured homestays, restaurants and products; scan a plaque to check it.") +
                     "</p>";
  const auto& pending = directory["pending"];
  if (!pending.empty()) {
    body += "<h2>" + t("公示中", "On public notice") + "</h2><p class=\"note\">" +
            t("以下评定结果正在公示，公示期内任何人均可提出异议。",
              "These results are on public notice; anyone may object before it ends.") +
            "</p><ul class=\"list\">";
    for (const auto& item : pending) body += pendingItem(t, item);
    body += "</ul>";
  }
  body += "<h2>" + t("已认定", "Certified") + "</h2>";
  if (directory["certified"].empty())
    body += "<p>" + t("暂无。", "None yet.") + "</p>";
  else {
    body += "<ul class=\"list\">";
    for (const auto& item : directory["certified"]) body += certifiedItem(t, item);
    body += "</ul>";
  }
  return publicPage(200, programme, english, english ? "Directory" : "认定名录",
                    "/directory" + (query.empty() ? "" : "?" + query), body);
}

http::HttpResponse objectionResult(int status, const domain::Programme& programme, bool english,
                                   const std::string& message) {
  Bilingual t(english);
  std::string body =
      status == 201
          ? "<section class=\"verdict valid\"><h1>" + t("✔ 异议已收到", "✔ Objection received") +
                "</h1></section><p>" +
                t("办公室将在公示期结束前核查；核查完毕前不会颁发证书。",
                  "The office will look into it; no certificate is issued until it has.") +
                "</p>"
          : "<section class=\"verdict forged\"><h1>" + t("未能提交", "Not sent") + "</h1><p>" +
                escape(message) + "</p></section>";
  body += "<p><a href=\"/directory" + std::string(english ? "?lang=en" : "") + "\">" +
          t.one("返回名录", "Back to the directory") + "</a></p>";
  return publicPage(status, programme, english, english ? "Objection" : "异议", "/directory", body);
}

}  // namespace tisheng::web
