#include "web/Layout.h"

#include "web/Html.h"

namespace tisheng::web {

namespace {
const std::string kStyle =
    "body{margin:0;font:16px/1.5 system-ui,'Noto Sans CJK SC',sans-serif;color:#1f1f1f;"
    "background:#f6f4ef}main{max-width:34rem;margin:auto;padding:1rem}"
    "header{font-size:.85rem;color:#5f6368}header a{float:right}"
    ".verdict{border-radius:.75rem;padding:1rem 1.2rem;color:#fff;margin:.75rem 0}"
    ".verdict h1{margin:0;font-size:1.9rem;line-height:1.2}.verdict p{margin:.3rem 0 0}"
    ".verdict .en{color:#fff;opacity:.85}.valid{background:#1e7d32}.suspended{background:#b26a00}"
    ".revoked,.forged{background:#b3261e}.expired,.superseded{background:#5f6368}"
    "dl,form{background:#fff;border-radius:.75rem;padding:1rem 1.2rem;margin:0}"
    "dl{display:grid;grid-template-columns:auto 1fr;gap:.35rem .9rem}dt{color:#5f6368}dd{margin:0}"
    ".name{font-size:1.35rem;font-weight:700}.en{color:#5f6368;font-size:.85rem;display:block}"
    "img{width:100%;border-radius:.75rem;margin:.75rem 0}.note{font-size:.9rem}a{color:#0b57d0}"
    "label{display:block;margin:.8rem 0 .2rem;font-weight:600}select,textarea,input{width:100%;"
    "box-sizing:border-box;font:inherit;padding:.5rem;border:1px solid #b0b0b0;border-radius:.4rem}"
    "button{margin-top:1rem;width:100%;padding:.7rem;font:inherit;font-weight:700;color:#fff;"
    "background:#0b57d0;border:0;border-radius:.5rem}.error{color:#b3261e;font-size:.9rem}"
    "h1{font-size:1.5rem}footer{font-size:.8rem;color:#5f6368;margin-top:1rem}"
    "h2{font-size:1.2rem;margin:1.2rem 0 .4rem}ul.list{list-style:none;padding:0;margin:0}"
    "ul.list li{background:#fff;border-radius:.75rem;padding:.8rem 1.2rem;margin:.6rem 0}"
    "ul.list p{margin:.2rem 0}.pending{border-left:.4rem solid #b26a00}details form{padding:0}"
    "summary{color:#0b57d0;cursor:pointer;margin-top:.4rem}";
}  // namespace

std::string Bilingual::operator()(const std::string& zh, const std::string& en) const {
  const std::string& first = english_ ? en : zh;
  const std::string& second = english_ ? zh : en;
  if (second.empty() || second == first) return escape(first);
  return escape(first) + "<span class=\"en\" lang=\"" + (english_ ? "zh-CN" : "en") + "\">" +
         escape(second) + "</span>";
}

std::string Bilingual::one(const std::string& zh, const std::string& en) const {
  return escape(english_ ? en : zh);
}

http::HttpResponse publicPage(int status, const domain::Programme& programme, bool english,
                              const std::string& title, const std::string& selfPath,
                              const std::string& body) {
  std::string other = english ? "lang=zh" : "lang=en";
  std::string separator = selfPath.find('?') == std::string::npos ? "?" : "&";
  http::HttpResponse response;
  response.status = status;
  response.contentType = "text/html; charset=utf-8";
  response.body =
      "<!doctype html><html lang=\"" + std::string(english ? "en" : "zh-CN") +
      "\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" "
      "content=\"width=device-width,initial-scale=1\"><meta name=\"robots\" "
      "content=\"noindex\"><link rel=\"icon\" href=\"/favicon.svg\" "
      "type=\"image/svg+xml\"><title>" +
      escape(title) + "</title><style>" + kStyle + "</style></head><body><main><header><a href=\"" +
      escape(selfPath + separator + other) + "\">" + (english ? "中文" : "English") + "</a>" +
      escape(english ? programme.brandEn : programme.brandZh) + "<br>" +
      escape(english ? programme.nameEn + " programme" : programme.nameZh + "工作专班") +
      "</header>" + body + "</main></body></html>";
  response.setHeader("Cache-Control", "no-store");
  static const std::string kPolicy = "default-src 'none'; style-src " + styleHash(kStyle) +
                                     "; img-src 'self'; base-uri 'none'; form-action 'self'; "
                                     "frame-ancestors 'none'";
  response.setHeader("Content-Security-Policy", kPolicy);
  return response;
}

}  // namespace tisheng::web
