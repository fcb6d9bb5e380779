#include <iostream>
#include <map>

#include "app/Config.h"
#include "cli/Commands.h"
#include "domain/Clock.h"
#include "security/Passwords.h"
#include "services/AuthService.h"
#include "services/CountyService.h"
#include "services/Errors.h"
#include "storage/Storage.h"

namespace tisheng::cli {

namespace {

const char* kAdminHelp =
    "usage: tisheng admin create-user --username NAME --role ROLE [--county CODE]\n"
    "                                 [--name DISPLAY] [--password-stdin] [--config FILE]\n"
    "       tisheng admin add-county --code CODE --zh NAME [--en NAME] [--config FILE]\n"
    "       tisheng admin rename-county --code CODE --zh NAME [--en NAME] [--config FILE]\n"
    "       tisheng admin counties [--config FILE]\n"
    "Works directly on the database, for a fresh installation: the counties first, then the\n"
    "first city admin (who does the rest in the API). ROLE is city_admin, county_admin,\n"
    "inspector or business. Without --password-stdin a random password is generated and\n"
    "printed once. County codes are 2-32 of a-z, 0-9 and '-' (e.g. shangzhou).\n";

/// The system itself, acting for the operator at the console.
const security::Principal kConsole{0, "console", security::Role::CityAdmin, std::nullopt};

/// "--name value" options (flags map to ""), or nullopt for anything not in `known`.
std::optional<std::map<std::string, std::string>> options(
    const std::vector<std::string>& args, std::initializer_list<std::string> withValue,
    std::initializer_list<std::string> flags) {
  std::map<std::string, std::string> out;
  for (std::size_t i = 1; i < args.size(); ++i) {
    auto is = [&](const auto& list) {
      return std::find(list.begin(), list.end(), args[i]) != list.end();
    };
    if (is(withValue) && i + 1 < args.size()) {
      out[args[i]] = args[i + 1];
      ++i;
    } else if (is(flags)) {
      out[args[i]] = "";
    } else {
      return std::nullopt;
    }
  }
  return out;
}

/// The configured database, migrated.
struct Database {
  explicit Database(const std::map<std::string, std::string>& opts)
      : config(app::loadConfig(opts.contains("--config") ? opts.at("--config") : kDefaultConfigFile,
                               opts.contains("--config"), app::processEnvironment())),
        storage(storage::Storage::open(config.storage(), 1)) {}
  app::Config config;
  std::unique_ptr<storage::Storage> storage;
};

int createUser(const std::map<std::string, std::string>& opts, std::ostream& out,
               std::ostream& err) {
  auto parsedRole = security::roleFromString(opts.contains("--role") ? opts.at("--role") : "");
  if (!parsedRole) {
    err << "tisheng admin: --role must be city_admin, county_admin, inspector or business\n";
    return 2;
  }
  services::NewUser user;
  user.username = opts.contains("--username") ? opts.at("--username") : "";
  user.role = *parsedRole;
  if (opts.contains("--county")) user.county = opts.at("--county");
  user.displayName = opts.contains("--name") ? opts.at("--name") : user.username;
  bool fromStdin = opts.contains("--password-stdin");
  if (fromStdin)
    std::getline(std::cin, user.password);
  else
    user.password = security::randomToken().substr(0, 16);
  Database database(opts);
  storage::UserRepository& users = database.storage->users();
  security::PasswordHasher hasher(database.config.passwordCost);
  domain::SystemClock clock;
  auto policy = security::PasswordPolicy::load(database.config.commonPasswordsFile);
  services::AuthService auth(users, hasher, policy, clock, database.config.sessionHours * 3600);
  auto created = auth.createUser(user, "system");
  out << "created " << security::toString(created.role) << " '" << created.username << "'";
  if (!fromStdin) out << " with password " << user.password << " (shown once)";
  out << "\n";
  return 0;
}

int counties(const std::string& action, const std::map<std::string, std::string>& opts,
             std::ostream& out) {
  Database database(opts);
  storage::RegistryRepository& registry = database.storage->registry();
  domain::SystemClock clock;
  services::CountyService service(registry, clock);
  if (action != "counties") {
    auto get = [&](const char* key) { return opts.contains(key) ? opts.at(key) : ""; };
    domain::County county{get("--code"), {get("--zh"), get("--en")}};
    if (action == "add-county")
      service.add(kConsole, county);
    else
      service.rename(kConsole, county);
  }
  for (const auto& county : service.list())
    out << county.code << "\t" << county.name.zh << "\t" << county.name.en << "\n";
  return 0;
}

}  // namespace

int admin(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  std::string action = args.empty() ? "" : args[0];
  if (action == "--help" || action == "-h") {
    out << kAdminHelp;
    return 0;
  }
  std::optional<std::map<std::string, std::string>> opts;
  if (action == "create-user")
    opts = options(args, {"--username", "--role", "--county", "--name", "--config"},
                   {"--password-stdin"});
  else if (action == "add-county" || action == "rename-county")
    opts = options(args, {"--code", "--zh", "--en", "--config"}, {});
  else if (action == "counties")
    opts = options(args, {"--config"}, {});
  if (!opts) {
    err << kAdminHelp;
    return 2;
  }
  try {
    return action == "create-user" ? createUser(*opts, out, err) : counties(action, *opts, out);
  } catch (const services::ServiceError& error) {
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
