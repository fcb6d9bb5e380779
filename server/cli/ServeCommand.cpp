#include <signal.h>

#include <iostream>

#include "app/App.h"
#include "app/DemoData.h"
#include "cli/Commands.h"

namespace tisheng::cli {

namespace {
const char* kServeHelp =
    "usage: tisheng serve [--config FILE] [--demo]\n"
    "Serves the API until SIGINT or SIGTERM. Settings come from FILE (default\n"
    "config/tisheng.properties, optional) and TISHENG_* environment variables,\n"
    "e.g. TISHENG_SERVER_PORT=9090. Refuses to start if any standard is invalid.\n"
    "--demo fills an empty database with Shangluo demo data and prints plaques to try.\n";
}  // namespace

int serve(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  std::string configFile = kDefaultConfigFile;
  bool configRequired = false;
  bool demo = false;
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--help" || args[i] == "-h") {
      out << kServeHelp;
      return 0;
    } else if (args[i] == "--demo") {
      demo = true;
    } else if (args[i] == "--config" && i + 1 < args.size()) {
      configFile = args[++i];
      configRequired = true;
    } else {
      err << "tisheng serve: unexpected argument '" << args[i] << "'\n" << kServeHelp;
      return 2;
    }
  }
  // Block the shutdown signals before any thread exists, so every thread inherits the mask
  // and only sigwait() below receives them.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  try {
    domain::SystemClock clock;
    app::Config config = app::loadConfig(configFile, configRequired, app::processEnvironment());
    app::DemoData seeded;
    if (demo) seeded = app::seedDemoData(config, clock.now());
    app::App app(config, std::cerr, clock);
    app.start();
    std::string base = "http://" + config.http.host + ":" + std::to_string(app.port());
    out << "Tisheng listening on " << base << "/" << std::endl;
    if (app.adminUi().empty())
      out << "Admin UI not found in " << app.adminUi().root().string()
          << " (build it with make, or set server.admin_ui_dir)\n";
    else
      out << "Admin UI (offices, inspectors, businesses): " << base << "/admin/\n";
    if (!seeded.logins.empty()) {
      out << "Demo data loaded. Logins (passwords shown this once; sign in at /admin/):\n";
      for (const auto& login : seeded.logins)
        out << "  " << login.role << ": " << login.username << " / " << login.password << "\n";
      out << "Plaques to try (what their QR codes open, served by this machine):\n";
    }
    for (const auto& plaque : seeded.plaques)
      out << "  " << plaque.label << " (" << plaque.serial << "): " << base << "/c/" << plaque.token
          << "\n";
    out << std::flush;
    int received = 0;
    sigwait(&signals, &received);
    out << "Received " << (received == SIGTERM ? "SIGTERM" : "SIGINT") << ", shutting down"
        << std::endl;
    app.stop();
    out << "Stopped" << std::endl;
    return 0;
  } catch (const std::exception& error) {
    err << "tisheng serve: cannot start:\n" << error.what() << std::endl;
    return 1;
  }
}

std::string usage() {
  return "usage: tisheng COMMAND [ARGS]\n"
         "Commands:\n"
         "  serve [--config FILE] [--demo]   run the HTTP server\n"
         "  rules lint DIR                   validate the standards in DIR\n"
         "  verify URL|TOKEN [--keys F] [--status F]   check a plaque offline\n"
         "  keys list|rotate|revoke KID      manage the plaque signing keys\n"
         "  backup FILE                      consistent copy of the database, online\n"
         "  audit verify                     check the audit trail's hash chain\n"
         "  migrate --from sqlite:P --to postgresql://...   copy a registry to PostgreSQL\n"
         "  tick [--at DATE]                 run the scheduler once (cron, tests)\n"
         "  catalogue --category C --out F [--at DATE]   print a brochure (PDF or HTML)\n"
         "  report --period P --out F [--county C]       the programme's bulletin or figures\n"
         "  admin add-county|rename-county --code C --zh NAME [--en NAME]   the counties\n"
         "  admin counties                   list the counties\n"
         "  admin create-user --username U --role R [--county C]   create an account\n"
         "Run `tisheng COMMAND --help` for details.\n";
}

}  // namespace tisheng::cli
