#include "web/Layout.h"

#include <Poco/URI.h>

#include <cstdio>

#include "certificates/CivilDate.h"
#include "web/Html.h"

namespace tisheng::web {

namespace {

// Colours are chosen for contrast: every text on its background reaches 4.5:1 or more (the
// browser tests compute it from the rendered colours).
const std::string kStyle =
    "body{margin:0;font:16px/1.5 system-ui,'Noto Sans CJK SC',sans-serif;color:#1f1f1f;"
    "background:#f6f4ef}main{max-width:40rem;margin:auto;padding:.75rem 1rem 1.5rem}"
    "header{display:flex;flex-wrap:wrap;align-items:center;gap:.3rem 1rem;font-size:.9rem;"
    "color:#4d5156;padding-bottom:.5rem;border-bottom:1px solid #dedad0}"
    "header .brand{font-weight:700;color:#1f1f1f;text-decoration:none;margin-right:auto}"
    "a{color:#0b57d0}h1{font-size:1.5rem;margin:.8rem 0 .4rem}h2{font-size:1.15rem;"
    "margin:1.2rem 0 .4rem}p{margin:.4rem 0}"
    ".verdict{border-radius:.75rem;padding:1rem 1.2rem;color:#fff;margin:.75rem 0}"
    ".verdict h1{margin:0;font-size:1.8rem;line-height:1.2}.verdict p{margin:.3rem 0 0}"
    ".verdict a{color:#fff}.valid{background:#1e6b2e}.suspended{background:#8a4b00}"
    ".revoked{background:#a4161a}.expired{background:#4a4f55}.superseded{background:#1f4e8c}"
    ".forged{background:#202124;border-left:.5rem solid #e8453c}"
    "dl,form.card,section.card{background:#fff;border-radius:.75rem;padding:1rem 1.2rem;"
    "margin:.6rem 0}dl{display:grid;grid-template-columns:auto 1fr;gap:.35rem .9rem}"
    "dt{color:#4d5156}dd{margin:0}.name{font-size:1.3rem;font-weight:700}"
    ".muted{color:#4d5156;font-size:.9rem}img.photo{width:100%;border-radius:.75rem;margin:.5rem 0}"
    "label{display:block;margin:.7rem 0 .2rem;font-weight:600}select,textarea,input{width:100%;"
    "box-sizing:border-box;font:inherit;padding:.45rem;border:1px solid "
    "#8d8d8d;border-radius:.4rem;"
    "background:#fff}button,.button{display:inline-block;margin-top:.8rem;padding:.6rem 1.2rem;"
    "font:inherit;font-weight:700;color:#fff;background:#0b57d0;border:0;border-radius:.5rem;"
    "text-decoration:none}.error{color:#b3261e;font-size:.9rem;margin:.2rem 0}"
    "footer{font-size:.85rem;color:#4d5156;margin-top:1.5rem}"
    "ul.cards{list-style:none;padding:0;margin:0}ul.cards li{display:flex;gap:.75rem;"
    "align-items:center;background:#fff;border-radius:.6rem;padding:.5rem .75rem;margin:.4rem 0}"
    "ul.cards img,ul.cards .nophoto{width:3.5rem;height:3.5rem;object-fit:cover;"
    "border-radius:.4rem;flex:none;background:#e7e3d8}ul.cards .text{min-width:0;flex:1}"
    "ul.cards .line{white-space:nowrap;overflow:hidden;text-overflow:ellipsis;margin:0}"
    ".badge{font-size:.8rem;font-weight:700;padding:.05rem .45rem;border-radius:.3rem;"
    "color:#fff;white-space:nowrap}.filters{display:grid;grid-template-columns:repeat(auto-fit,"
    "minmax(9rem,1fr));gap:.2rem .75rem}.filters .wide{grid-column:1/-1}.pager{display:flex;"
    "justify-content:space-between;margin:.8rem 0}.tiles{display:grid;grid-template-columns:"
    "repeat(auto-fit,minmax(10rem,1fr));gap:.6rem}.tiles a{display:block;background:#fff;"
    "border-radius:.75rem;padding:1rem;text-decoration:none;color:#1f1f1f;font-weight:700}"
    "details{margin:.4rem 0}summary{color:#0b57d0;cursor:pointer}details dl{display:block}"
    "details dt{font-weight:700;color:#1f1f1f}details dd{margin:0 0 .5rem}"
    ".pending{border-left:.4rem solid #8a4b00}";

const char* const kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                               "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

std::string encoded(const std::string& value) {
  std::string out;
  Poco::URI::encode(value, "&=#+?/", out);
  return out;
}

}  // namespace

std::string Words::operator()(const std::string& zh, const std::string& en) const {
  return escape(english_ ? en : zh);
}

std::string Words::date(int day) const {
  std::string iso = certificates::isoDate(day);  // YYYY-MM-DD
  int year = std::stoi(iso.substr(0, 4)), month = std::stoi(iso.substr(5, 2)),
      dayOfMonth = std::stoi(iso.substr(8, 2));
  char text[48];
  if (english_)
    std::snprintf(text, sizeof text, "%d %s %d", dayOfMonth, kMonths[month - 1], year);
  else
    std::snprintf(text, sizeof text, "%d年%d月%d日", year, month, dayOfMonth);
  return text;
}

std::string Words::time(const domain::Calendar& calendar, std::int64_t unixSeconds) const {
  int day = calendar.dayOf(unixSeconds);
  std::int64_t minutes = (unixSeconds - calendar.startOf(day)) / 60;
  char clock[8];
  std::snprintf(clock, sizeof clock, "%02d:%02d", static_cast<int>(minutes / 60),
                static_cast<int>(minutes % 60));
  bool china = calendar.zone() == "Asia/Shanghai";
  if (english_) return date(day) + ", " + clock + (china ? " (China time)" : "");
  return date(day) + " " + clock + (china ? "（北京时间）" : "");
}

PageRequest pageRequest(const http::HttpRequest& request) {
  PageRequest page;
  page.english = request.lang() == "en";
  page.languageChosen = request.queryValue("lang").has_value();
  std::string query;
  for (const auto& [name, value] : request.query)
    if (name != "lang") query += (query.empty() ? "?" : "&") + encoded(name) + "=" + encoded(value);
  page.target = request.path + query;
  return page;
}

http::HttpResponse publicPage(const PageRequest& page, int status,
                              const domain::Programme& programme, const std::string& title,
                              const std::string& body) {
  Words t(page.english);
  std::string separator = page.target.find('?') == std::string::npos ? "?" : "&";
  std::string switchTo = page.target + separator + (page.english ? "lang=zh" : "lang=en");
  http::HttpResponse response;
  response.status = status;
  response.contentType = "text/html; charset=utf-8";
  response.body =
      "<!doctype html><html lang=\"" + std::string(page.english ? "en" : "zh-CN") +
      "\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" "
      "content=\"width=device-width,initial-scale=1\"><link rel=\"icon\" href=\"/favicon.svg\" "
      "type=\"image/svg+xml\"><title>" +
      title + " · " + t(programme.brandZh, programme.brandEn) + "</title><style>" + kStyle +
      "</style></head><body><main><header><a class=\"brand\" href=\"/\">" +
      t(programme.brandZh, programme.brandEn) + "</a><a href=\"/directory\">" +
      t("认定名录", "Directory") + "</a><a href=\"" + escape(switchTo) + "\" hreflang=\"" +
      (page.english ? "zh-CN\" lang=\"zh-CN\">中文" : "en\" lang=\"en\">English") +
      "</a></header>" + body + "<footer>" + t(programme.issuerZh, programme.issuerEn) +
      " · <a href=\"/admin/\">" + t("工作人员登录", "Staff sign-in") +
      "</a></footer></main></body></html>";
  response.setHeader("Cache-Control", "no-store");
  response.setHeader("Vary", "Accept-Language, Cookie");
  if (page.languageChosen)
    response.setHeader("Set-Cookie", std::string("lang=") + (page.english ? "en" : "zh") +
                                         "; Path=/; Max-Age=31536000; SameSite=Lax");
  static const std::string kPolicy = "default-src 'none'; style-src " + styleHash(kStyle) +
                                     "; img-src 'self'; base-uri 'none'; form-action 'self'; "
                                     "frame-ancestors 'none'";
  response.setHeader("Content-Security-Policy", kPolicy);
  return response;
}

}  // namespace tisheng::web
