#include "web/Html.h"

#include "certificates/Crypto.h"

namespace tisheng::web {

std::string escape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 16);
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string styleHash(std::string_view css) {
  // CSP hashes are standard base64, not base64url.
  std::string encoded = certificates::base64url(certificates::sha256(css));
  for (char& c : encoded) c = c == '-' ? '+' : c == '_' ? '/' : c;
  while (encoded.size() % 4) encoded += '=';
  return "'sha256-" + encoded + "'";
}

http::HttpResponse printablePage(const std::string& title, bool english, const std::string& style,
                                 const std::string& body) {
  http::HttpResponse response;
  response.contentType = "text/html; charset=utf-8";
  response.body = "<!doctype html><html lang=\"" + std::string(english ? "en" : "zh-CN") +
                  "\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" "
                  "content=\"width=device-width,initial-scale=1\"><title>" +
                  escape(title) + "</title><style>" + style + "</style></head><body><main>" + body +
                  "</main></body></html>";
  response.setHeader("Content-Security-Policy",
                     "default-src 'none'; style-src " + styleHash(style) +
                         "; img-src 'self'; base-uri 'none'; frame-ancestors 'none'");
  return response;
}

}  // namespace tisheng::web
