#include <iostream>

#include "app/Clock.h"
#include "app/Config.h"
#include "cli/Commands.h"
#include "http/HttpError.h"
#include "security/Passwords.h"
#include "services/AuthService.h"
#include "storage/Migrations.h"
#include "storage/SqliteUserRepository.h"

namespace tisheng::cli {

namespace {
const char* kAdminHelp =
    "usage: tisheng admin create-user --username NAME --role ROLE [--county CODE]\n"
    "                                 [--name DISPLAY] [--password-stdin] [--config FILE]\n"
    "Creates an account directly in the database (the first city admin, typically).\n"
    "ROLE is city_admin, county_admin, inspector or business. Without --password-stdin a\n"
    "random password is generated and printed once.\n";
}  // namespace

int admin(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  if (args.empty() || args[0] != "create-user") {
    (args.size() == 1 && (args[0] == "--help" || args[0] == "-h") ? out : err) << kAdminHelp;
    return args.size() == 1 && (args[0] == "--help" || args[0] == "-h") ? 0 : 2;
  }
  services::NewUser user;
  std::string configFile = kDefaultConfigFile, role;
  bool configRequired = false, passwordFromStdin = false;
  for (std::size_t i = 1; i < args.size(); ++i) {
    bool hasValue = i + 1 < args.size();
    if (args[i] == "--username" && hasValue)
      user.username = args[++i];
    else if (args[i] == "--role" && hasValue)
      role = args[++i];
    else if (args[i] == "--county" && hasValue)
      user.county = args[++i];
    else if (args[i] == "--name" && hasValue)
      user.displayName = args[++i];
    else if (args[i] == "--password-stdin")
      passwordFromStdin = true;
    else if (args[i] == "--config" && hasValue) {
      configFile = args[++i];
      configRequired = true;
    } else {
      err << kAdminHelp;
      return 2;
    }
  }
  auto parsedRole = security::roleFromString(role);
  if (!parsedRole) {
    err << "tisheng admin: --role must be city_admin, county_admin, inspector or business\n";
    return 2;
  }
  user.role = *parsedRole;
  if (user.displayName.empty()) user.displayName = user.username;
  if (passwordFromStdin)
    std::getline(std::cin, user.password);
  else
    user.password = security::randomToken().substr(0, 16);
  try {
    auto config = app::loadConfig(configFile, configRequired, app::processEnvironment());
    storage::ConnectionPool pool(config.databasePath(), 1);
    storage::migrate(*pool.acquire());
    storage::SqliteUserRepository users(pool);
    security::PasswordHasher hasher(config.passwordCost);
    app::SystemClock clock;
    services::AuthService auth(users, hasher, clock, config.sessionHours * 3600);
    auto created = auth.createUser(user, "system");
    out << "created " << security::toString(created.role) << " '" << created.username << "'";
    if (!passwordFromStdin) out << " with password " << user.password << " (shown once)";
    out << "\n";
    return 0;
  } catch (const http::HttpError& error) {
    err << "tisheng admin: " << error.what();
    for (const auto& field : error.fields()) err << "; " << field.field << ": " << field.message;
    err << "\n";
    return 1;
  } catch (const std::exception& error) {
    err << "tisheng admin: " << error.what() << "\n";
    return 1;
  }
}

}  // namespace tisheng::cli
