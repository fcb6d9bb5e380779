#include <signal.h>

#include <iostream>

#include "app/App.h"
#include "cli/Commands.h"

namespace tisheng::cli {

namespace {
constexpr const char* kDefaultConfig = "config/tisheng.properties";

const char* kServeHelp =
    "usage: tisheng serve [--config FILE]\n"
    "Serves the API until SIGINT or SIGTERM. Settings come from FILE (default\n"
    "config/tisheng.properties, optional) and TISHENG_* environment variables,\n"
    "e.g. TISHENG_SERVER_PORT=9090. Refuses to start if any standard is invalid.\n";
}  // namespace

int serve(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  std::string configFile = kDefaultConfig;
  bool configRequired = false;
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--help" || args[i] == "-h") {
      out << kServeHelp;
      return 0;
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
    app::SystemClock clock;
    app::App app(app::loadConfig(configFile, configRequired, app::processEnvironment()), std::cerr,
                 clock);
    app.start();
    const auto& http = app.config().http;
    out << "Tisheng listening on http://" << http.host << ":" << app.port() << "/" << std::endl;
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
         "  serve [--config FILE]   run the HTTP server\n"
         "  rules lint DIR          validate the standards in DIR\n"
         "Run `tisheng COMMAND --help` for details.\n";
}

}  // namespace tisheng::cli
