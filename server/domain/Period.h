#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "rules/Standard.h"

namespace tisheng::domain {

/// A day as readers write it: 2026年9月30日 / 30 September 2026.
rules::LocalizedText writtenDay(int day);

/// A reporting period of the programme's "月调度、季通报、年考核": a month (2026-11), a quarter
/// (2026-Q4), a year (2026), or any span of days (2026-10-08..2026-11-20). Days are counted since
/// 1970-01-01 in the programme's calendar, both ends included. A value.
class Period {
 public:
  enum class Kind { Month, Quarter, Year, Span };

  /// nullopt when the text is none of the forms above, names no real date, or ends before it
  /// begins.
  static std::optional<Period> parse(std::string_view text);

  Kind kind() const { return kind_; }
  int first() const { return first_; }
  int last() const { return last_; }
  /// The text parse() reads back.
  std::string id() const;
  /// 2026年11月 / November 2026, 2026年第四季度 / Q4 2026, 2026年度 / 2026, and a span's dates.
  rules::LocalizedText title() const;
  /// The period just before: the month, quarter or year before, or a span of the same length.
  Period previous() const;
  /// The same period a year earlier (a span moved by twelve months).
  Period yearEarlier() const;
  bool contains(int day) const { return first_ <= day && day <= last_; }

 private:
  Period(Kind kind, int first, int last) : kind_(kind), first_(first), last_(last) {}
  static Period monthsFrom(Kind kind, int first, int months);

  Kind kind_;
  int first_;
  int last_;
};

}  // namespace tisheng::domain
