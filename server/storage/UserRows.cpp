#include "storage/UserRows.h"

namespace tisheng::storage {

const std::string kUserColumns =
    "u.id, u.username, u.display_name, u.role, u.county_code, u.password_hash, u.disabled";

User readUser(const Statement& row) {
  User user;
  user.id = row.integer(0);
  user.username = row.text(1);
  user.displayName = row.text(2);
  user.role = security::roleFromString(row.text(3)).value_or(security::Role::Business);
  user.county = row.optionalText(4);
  user.passwordHash = row.text(5);
  user.disabled = row.integer(6) != 0;
  return user;
}

}  // namespace tisheng::storage
