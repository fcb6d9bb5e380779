#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace tisheng::certificates {

/// Calendar dates as days since 1970-01-01 (UTC), the unit certificate tokens carry.

/// "YYYY-MM-DD" for a day number.
std::string isoDate(int day);
/// The day number of "YYYY-MM-DD", or nullopt when the text is not a real date.
std::optional<int> parseIsoDate(std::string_view text);
/// The day that holds a Unix time.
int dayOf(std::int64_t unixSeconds);
/// The same day of the month `months` later, clamped to the month's end (Jan 31 + 1 = Feb 28/29).
int addMonths(int day, int months);
/// The calendar year of a day.
int yearOf(int day);
/// "YYYY-MM-DDTHH:MM:SSZ" for a Unix time.
std::string isoTime(std::int64_t unixSeconds);

}  // namespace tisheng::certificates
