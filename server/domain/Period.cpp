#include "domain/Period.h"

#include <cstdio>
#include <regex>

#include "certificates/CivilDate.h"

namespace tisheng::domain {

namespace {

using certificates::addMonths;
using certificates::isoDate;
using certificates::parseIsoDate;

const char* const kMonthNames[] = {"January",   "February", "March",    "April",
                                   "May",       "June",     "July",     "August",
                                   "September", "October",  "November", "December"};
const char* const kQuarterNames[] = {"第一", "第二", "第三", "第四"};

int monthOf(int day) { return std::stoi(isoDate(day).substr(5, 2)); }

}  // namespace

Period Period::monthsFrom(Kind kind, int first, int months) {
  return {kind, first, addMonths(first, months) - 1};
}

std::optional<Period> Period::parse(std::string_view input) {
  std::string text(input);
  static const std::regex kYear(R"(\d{4})"), kMonth(R"(\d{4}-\d{2})"),
      kQuarter(R"((\d{4})-Q([1-4]))"), kSpan(R"((\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2}))");
  std::smatch m;
  if (std::regex_match(text, kYear)) {
    auto first = parseIsoDate(text + "-01-01");
    if (!first) return std::nullopt;
    return monthsFrom(Kind::Year, *first, 12);
  }
  if (std::regex_match(text, kMonth)) {
    auto first = parseIsoDate(text + "-01");
    if (!first) return std::nullopt;
    return monthsFrom(Kind::Month, *first, 1);
  }
  if (std::regex_match(text, m, kQuarter)) {
    char start[16];
    std::snprintf(start, sizeof start, "%s-%02d-01", m[1].str().c_str(),
                  (std::stoi(m[2]) - 1) * 3 + 1);
    auto first = parseIsoDate(start);
    if (!first) return std::nullopt;
    return monthsFrom(Kind::Quarter, *first, 3);
  }
  if (std::regex_match(text, m, kSpan)) {
    auto first = parseIsoDate(m[1].str()), last = parseIsoDate(m[2].str());
    if (!first || !last || *last < *first) return std::nullopt;
    return Period(Kind::Span, *first, *last);
  }
  return std::nullopt;
}

rules::LocalizedText writtenDay(int day) {
  std::string iso = isoDate(day);
  int month = std::stoi(iso.substr(5, 2));
  int date = std::stoi(iso.substr(8, 2));
  return {iso.substr(0, 4) + "年" + std::to_string(month) + "月" + std::to_string(date) + "日",
          std::to_string(date) + " " + kMonthNames[month - 1] + " " + iso.substr(0, 4)};
}

std::string Period::id() const {
  std::string start = isoDate(first_);
  switch (kind_) {
    case Kind::Year: return start.substr(0, 4);
    case Kind::Month: return start.substr(0, 7);
    case Kind::Quarter:
      return start.substr(0, 4) + "-Q" + std::to_string((monthOf(first_) + 2) / 3);
    case Kind::Span: return start + ".." + isoDate(last_);
  }
  return start;
}

rules::LocalizedText Period::title() const {
  std::string year = isoDate(first_).substr(0, 4);
  int month = monthOf(first_);
  switch (kind_) {
    case Kind::Year: return {year + "年度", year};
    case Kind::Month:
      return {year + "年" + std::to_string(month) + "月",
              std::string(kMonthNames[month - 1]) + " " + year};
    case Kind::Quarter: {
      int quarter = (month + 2) / 3;
      return {year + "年" + kQuarterNames[quarter - 1] + "季度",
              "Q" + std::to_string(quarter) + " " + year};
    }
    case Kind::Span:
      return {isoDate(first_) + " 至 " + isoDate(last_), isoDate(first_) + " to " + isoDate(last_)};
  }
  return {};
}

Period Period::previous() const {
  switch (kind_) {
    case Kind::Year: return monthsFrom(kind_, addMonths(first_, -12), 12);
    case Kind::Quarter: return monthsFrom(kind_, addMonths(first_, -3), 3);
    case Kind::Month: return monthsFrom(kind_, addMonths(first_, -1), 1);
    case Kind::Span: break;
  }
  int length = last_ - first_ + 1;
  return {Kind::Span, first_ - length, first_ - 1};
}

Period Period::yearEarlier() const {
  switch (kind_) {
    case Kind::Year: return monthsFrom(kind_, addMonths(first_, -12), 12);
    case Kind::Quarter: return monthsFrom(kind_, addMonths(first_, -12), 3);
    case Kind::Month: return monthsFrom(kind_, addMonths(first_, -12), 1);
    case Kind::Span: break;
  }
  return {Kind::Span, addMonths(first_, -12), addMonths(last_, -12)};
}

}  // namespace tisheng::domain
