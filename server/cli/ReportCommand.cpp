#include <fstream>

#include "api/ReportJson.h"
#include "app/Config.h"
#include "cli/Commands.h"
#include "domain/Clock.h"
#include "services/Errors.h"
#include "services/ReportService.h"
#include "storage/Storage.h"
#include "web/BulletinPage.h"

namespace tisheng::cli {

namespace {
const char* kReportHelp =
    "usage: tisheng report --period PERIOD --out FILE [--county CODE] [--lang zh|en]\n"
    "                      [--config FILE]\n"
    "Makes the programme's report for PERIOD — a month (2026-11), quarter (2026-Q4), year (2026)\n"
    "or span (2026-10-08..2026-11-20) — for the whole city or one county, as of the period's end.\n"
    "FILE ending in .pdf gives the bulletin (A4), .html the bulletin as a page, .json or .csv the\n"
    "figures as the API gives them.\n";

std::string render(services::ReportService& reports, const domain::ProgrammeReport& report,
                   const std::string& file, bool english) {
  if (file.ends_with(".json")) return api::reportJson(report).dump(2) + "\n";
  if (file.ends_with(".csv")) return api::reportCsv(report);
  auto content = reports.bulletin(report, english);
  if (file.ends_with(".html")) return web::bulletinHtml(content, english).body;
  return certificates::renderBulletinPdf(content);
}
}  // namespace

int report(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  std::string configFile = kDefaultConfigFile;
  bool configRequired = false;
  std::string file;
  std::optional<domain::Period> period;
  std::optional<std::string> county;
  bool english = false;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& flag = args[i];
    bool hasValue = i + 1 < args.size();
    if (flag == "--help" || flag == "-h") {
      out << kReportHelp;
      return 0;
    } else if (flag == "--config" && hasValue) {
      configFile = args[++i];
      configRequired = true;
    } else if (flag == "--out" && hasValue) {
      file = args[++i];
    } else if (flag == "--period" && hasValue && (period = domain::Period::parse(args[++i]))) {
      continue;
    } else if (flag == "--county" && hasValue) {
      county = args[++i];
    } else if (flag == "--lang" && hasValue && (args[i + 1] == "zh" || args[i + 1] == "en")) {
      english = args[++i] == "en";
    } else {
      err << kReportHelp;
      return 2;
    }
  }
  if (!period || file.empty()) {
    err << kReportHelp;
    return 2;
  }
  try {
    auto config = app::loadConfig(configFile, configRequired, app::processEnvironment());
    domain::SystemClock clock;
    auto standards = rules::StandardRegistry::load(config.rulesDir);
    auto stored = storage::Storage::open(config.storage(), 2, storage::Storage::Create::Never);
    services::ReportService reports(stored->database(), standards, config.programme, clock);
    auto made = reports.report(*period, county);
    std::string bytes = render(reports, made, file, english);
    std::ofstream output(file, std::ios::binary);
    output << bytes;
    output.close();
    if (!output) throw std::runtime_error("cannot write " + file);
    out << "report " << period->id() << (county ? " " + *county : std::string(" city")) << ": "
        << file << " (" << bytes.size() << " bytes)\n";
    return 0;
  } catch (const services::ServiceError& error) {
    err << "tisheng report: " << error.what();
    for (const auto& field : error.fields()) err << "; " << field.field << ": " << field.message;
    err << "\n";
    return 2;
  } catch (const std::exception& error) {
    err << "tisheng report: " << error.what() << "\n";
    return 2;
  }
}

}  // namespace tisheng::cli
