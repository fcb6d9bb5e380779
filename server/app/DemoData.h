#pragma once

#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

#include "app/Config.h"

namespace tisheng::app {

/// A demo certificate worth showing a newcomer: its token and what it demonstrates.
struct DemoPlaque {
  std::string label;
  std::string serial;
  std::string token;
};

/// A demo account and its password (generated, shown once).
struct DemoLogin {
  std::string username;
  std::string role;
  std::string password;
};

struct DemoData {
  std::vector<DemoLogin> logins;
  std::vector<DemoPlaque> plaques;
};

/// Fills an empty database with Shangluo's counties, 40 entries across the three categories and
/// all counties, and certificates in every status (active, suspended, revoked, expired,
/// superseded), some signed by an older, retired key, and the programme's workflows in every
/// state (see seedDemoWorkflows). Does nothing when the database already has entries. Creates
/// the accounts (an office of each level, a county and a city-wide inspector; the business owns
/// 牧护关秦岭山居). Returns the logins and a few plaques to try. Throws like App's constructor on
/// bad config.
DemoData seedDemoData(const Config& config, std::int64_t now);

}  // namespace tisheng::app
