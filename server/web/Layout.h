#pragma once

#include <string>

#include "domain/Programme.h"
#include "http/HttpExchange.h"
#include "rules/Standard.h"

namespace tisheng::web {

/// Both languages, the requested one first (the second smaller, marked with its lang).
class Bilingual {
 public:
  explicit Bilingual(bool english) : english_(english) {}
  std::string operator()(const std::string& zh, const std::string& en) const;
  std::string operator()(const rules::LocalizedText& text) const {
    return (*this)(text.zh, text.en);
  }
  /// Only the requested language, escaped.
  std::string one(const std::string& zh, const std::string& en) const;
  bool english() const { return english_; }

 private:
  bool english_;
};

/// A public page in the shared mobile-first layout: no JavaScript, inline style allowed by
/// its hash in a strict Content-Security-Policy, a language switch to `selfPath`.
/// body is trusted HTML (escape what goes into it).
http::HttpResponse publicPage(int status, const domain::Programme& programme, bool english,
                              const std::string& title, const std::string& selfPath,
                              const std::string& body);

}  // namespace tisheng::web
