#include "certificates/CivilDate.h"

#include <chrono>
#include <cstdio>

namespace tisheng::certificates {

namespace {
using namespace std::chrono;

year_month_day civil(int day) { return year_month_day{sys_days{days{day}}}; }
}  // namespace

std::string isoDate(int day) {
  auto ymd = civil(day);
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return buffer;
}

std::optional<int> parseIsoDate(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  auto number = [&](std::size_t from, std::size_t length) {
    int value = 0;
    for (std::size_t i = from; i < from + length; ++i) {
      if (text[i] < '0' || text[i] > '9') return -1;
      value = value * 10 + (text[i] - '0');
    }
    return value;
  };
  int y = number(0, 4), m = number(5, 2), d = number(8, 2);
  if (y < 0 || m < 0 || d < 0) return std::nullopt;
  year_month_day ymd{year{y}, month{static_cast<unsigned>(m)},
                     std::chrono::day{static_cast<unsigned>(d)}};
  if (!ymd.ok()) return std::nullopt;
  return static_cast<int>(sys_days{ymd}.time_since_epoch().count());
}

int dayOf(std::int64_t unixSeconds) {
  return static_cast<int>(
      floor<days>(sys_seconds{seconds{unixSeconds}}).time_since_epoch().count());
}

int addMonths(int day, int monthsToAdd) {
  auto ymd = civil(day);
  year_month target = year_month{ymd.year(), ymd.month()} + months{monthsToAdd};
  auto last = year_month_day_last{target.year(), month_day_last{target.month()}}.day();
  year_month_day result{target.year(), target.month(), std::min(ymd.day(), last)};
  return static_cast<int>(sys_days{result}.time_since_epoch().count());
}

int yearOf(int day) { return static_cast<int>(civil(day).year()); }

std::string isoTime(std::int64_t unixSeconds) {
  int day = dayOf(unixSeconds);
  std::int64_t rest = unixSeconds - static_cast<std::int64_t>(day) * 86400;
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%sT%02d:%02d:%02dZ", isoDate(day).c_str(),
                static_cast<int>(rest / 3600), static_cast<int>(rest / 60 % 60),
                static_cast<int>(rest % 60));
  return buffer;
}

}  // namespace tisheng::certificates
