#pragma once

#include <string>

#include "storage/Database.h"
#include "storage/UserRepository.h"

namespace tisheng::storage {

/// The users table's columns as readUser() reads them (alias u).
extern const std::string kUserColumns;

/// A user from a row that starts with kUserColumns.
User readUser(const Statement& row);

}  // namespace tisheng::storage
