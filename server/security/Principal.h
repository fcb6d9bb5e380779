#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace tisheng::security {

enum class Role { CityAdmin, CountyAdmin, Inspector, Business };
std::string_view toString(Role role);
std::optional<Role> roleFromString(std::string_view text);

/// Who is making a request, as established from a valid session. Plain data.
struct Principal {
  std::int64_t userId = 0;
  std::string username;
  Role role = Role::Business;
  /// The county a county admin (or a county inspector) is limited to; none means city-wide.
  std::optional<std::string> county;
  /// True when the session came from the cookie (writes then need the CSRF header).
  bool viaCookie = false;

  bool isOffice() const { return role == Role::CityAdmin || role == Role::CountyAdmin; }
  /// A city admin sees every county; anyone else with a county only that one.
  bool coversCounty(std::string_view countyCode) const {
    return role == Role::CityAdmin || !county || *county == countyCode;
  }
};

}  // namespace tisheng::security
