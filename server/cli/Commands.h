#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace tisheng::cli {

/// Each command takes the arguments after its name and returns the process exit code;
/// it writes results to out and diagnostics to err, and never throws.

/// `tisheng serve [--config FILE]`: serves until SIGINT or SIGTERM, then shuts down cleanly.
/// Call before any other thread starts (it blocks those signals for the whole process).
int serve(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

/// `tisheng rules lint DIR`: prints `file: json-path: message` for every problem; exit 1 if any.
int rules(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

/// `tisheng verify URL|TOKEN [--keys jwks.json] [--status list.jws]`: offline check of a plaque;
/// exit 0 when genuine, 1 when not.
int verify(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

/// `tisheng keys list|rotate|revoke KID`: the signing keys.
int keys(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

/// `tisheng admin create-user ...`: creates an account directly in the database.
int admin(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

/// `tisheng backup FILE`: a consistent online copy of the database.
int backup(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

/// `tisheng migrate --from sqlite:PATH --to postgresql://...`: copies a registry and checks it.
int migrate(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

/// `tisheng audit verify`: checks the audit trail's hash chain; exit 1 when broken.
int audit(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

/// `tisheng tick [--at DATE]`: runs the scheduler once (for cron and tests); exit 1 if an item
/// failed.
int tick(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

/// `tisheng catalogue --category C --out FILE [--at DATE]`: a brochure (PDF or HTML) from the
/// live register.
int catalogue(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

/// `tisheng report --period P --out FILE [--county C]`: the programme's report as the bulletin
/// (PDF or HTML) or its figures (JSON or CSV), for the office's own scheduling.
int report(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

/// The configuration file read when --config is not given (optional).
inline constexpr const char* kDefaultConfigFile = "config/tisheng.properties";

/// The overview printed by `tisheng --help`.
std::string usage();

}  // namespace tisheng::cli
