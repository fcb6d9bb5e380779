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

}  // namespace tisheng::web
