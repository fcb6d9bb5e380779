#include "domain/Calendar.h"

#include <cctz/civil_time.h>

#include <chrono>
#include <stdexcept>

namespace tisheng::domain {

namespace {
const cctz::civil_day kEpoch(1970, 1, 1);
}

Calendar::Calendar(const std::string& zone) : name_(zone) {
  if (!cctz::load_time_zone(zone, &zone_))
    throw std::invalid_argument("unknown time zone '" + zone + "' (install tzdata?)");
}

int Calendar::dayOf(std::int64_t unixSeconds) const {
  auto when = std::chrono::system_clock::time_point(std::chrono::seconds(unixSeconds));
  return static_cast<int>(cctz::civil_day(cctz::convert(when, zone_)) - kEpoch);
}

std::int64_t Calendar::startOf(int day) const {
  auto midnight = cctz::convert(cctz::civil_second(kEpoch + day), zone_);
  return std::chrono::duration_cast<std::chrono::seconds>(midnight.time_since_epoch()).count();
}

}  // namespace tisheng::domain
