#include "security/Principal.h"

#include <array>
#include <utility>

namespace tisheng::security {

namespace {
constexpr std::array<std::pair<Role, std::string_view>, 4> kRoles{{
    {Role::CityAdmin, "city_admin"},
    {Role::CountyAdmin, "county_admin"},
    {Role::Inspector, "inspector"},
    {Role::Business, "business"},
}};
}  // namespace

std::string_view toString(Role role) {
  for (const auto& [value, name] : kRoles)
    if (value == role) return name;
  return "";
}

std::optional<Role> roleFromString(std::string_view text) {
  for (const auto& [value, name] : kRoles)
    if (name == text) return value;
  return std::nullopt;
}

}  // namespace tisheng::security
