#pragma once

#include <cstdint>
#include <string>

#include "domain/Calendar.h"
#include "domain/Programme.h"
#include "http/HttpExchange.h"
#include "rules/Standard.h"

namespace tisheng::web {

/// The page's language: each text in it, escaped. One language per page (a switch offers the
/// other); English falls back to the Chinese text where a record has no English.
class Words {
 public:
  explicit Words(bool english) : english_(english) {}
  std::string operator()(const std::string& zh, const std::string& en) const;
  std::string operator()(const rules::LocalizedText& text) const {
    return (*this)(text.zh, text.en.empty() ? text.zh : text.en);
  }
  bool english() const { return english_; }
  /// A day as readers write it: 2026年11月26日 / 26 Nov 2026.
  std::string date(int day) const;
  /// A moment in the programme's time zone: 2026年11月26日 21:40（北京时间）/ 26 Nov 2026, 21:40
  /// (China time).
  std::string time(const domain::Calendar& calendar, std::int64_t unixSeconds) const;

 private:
  bool english_;
};

/// What a public page needs of its request: the language (a `?lang=` choice is remembered in a
/// cookie) and its own address, for the language switch.
struct PageRequest {
  bool english = false;
  /// The path and query without lang, as the switch links to it.
  std::string target;
  /// The request chose the language with ?lang=; the page then sets the cookie.
  bool languageChosen = false;
};

PageRequest pageRequest(const http::HttpRequest& request);

/// A public page in the shared mobile-first layout: no JavaScript, inline style allowed by its
/// hash in a strict Content-Security-Policy, a header with the programme's brand, links to the
/// directory and the language switch. title and body are trusted HTML (escape what goes into
/// them; Words does).
http::HttpResponse publicPage(const PageRequest& page, int status,
                              const domain::Programme& programme, const std::string& title,
                              const std::string& body);

}  // namespace tisheng::web
