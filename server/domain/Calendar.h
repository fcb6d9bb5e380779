#pragma once

#include <cctz/time_zone.h>

#include <cstdint>
#include <string>

namespace tisheng::domain {

/// The programme's calendar: which day it is in the programme's time zone (Asia/Shanghai for
/// Shangluo), so that a notice "until 2026-12-03" runs to midnight there, not to 08:00.
/// Days are counted since 1970-01-01, as certificates carry them. A value; thread-safe.
class Calendar {
 public:
  /// Throws std::invalid_argument when the system's time zone database (tzdata) lacks zone.
  explicit Calendar(const std::string& zone = "Asia/Shanghai");

  const std::string& zone() const { return name_; }
  /// The local day that holds a Unix time.
  int dayOf(std::int64_t unixSeconds) const;
  /// The Unix time at which a local day begins.
  std::int64_t startOf(int day) const;

 private:
  std::string name_;
  cctz::time_zone zone_;
};

}  // namespace tisheng::domain
