#include <fstream>

#include "app/Config.h"
#include "app/Keys.h"
#include "certificates/CivilDate.h"
#include "cli/Commands.h"
#include "domain/Clock.h"
#include "services/CatalogueService.h"
#include "storage/Storage.h"
#include "web/CataloguePage.h"

namespace tisheng::cli {

namespace {
const char* kCatalogueHelp =
    "usage: tisheng catalogue --category homestay|restaurant|product --out FILE\n"
    "                         [--at YYYY-MM-DD] [--county CODE] [--grade ID] [--lang zh|en]\n"
    "                         [--config FILE]\n"
    "Prints the category's brochure from the live register: places whose certificate is active\n"
    "on the day (--at, default today), grouped by county, each with its verification QR code.\n"
    "FILE ending in .html gives the HTML edition, anything else the PDF (A5 pages).\n";
}  // namespace

int catalogue(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  std::string configFile = kDefaultConfigFile;
  bool configRequired = false;
  std::string file;
  std::optional<rules::Category> category;
  std::optional<int> at;
  services::CatalogueRequest request;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& flag = args[i];
    bool hasValue = i + 1 < args.size();
    if (flag == "--help" || flag == "-h") {
      out << kCatalogueHelp;
      return 0;
    } else if (flag == "--config" && hasValue) {
      configFile = args[++i];
      configRequired = true;
    } else if (flag == "--out" && hasValue) {
      file = args[++i];
    } else if ((flag == "--category" && hasValue &&
                (category = rules::categoryFromString(args[++i]))) ||
               (flag == "--at" && hasValue && (at = certificates::parseIsoDate(args[++i])))) {
      continue;
    } else if (flag == "--county" && hasValue) {
      request.county = args[++i];
    } else if (flag == "--grade" && hasValue) {
      request.grade = args[++i];
    } else if (flag == "--lang" && hasValue && (args[i + 1] == "zh" || args[i + 1] == "en")) {
      request.english = args[++i] == "en";
    } else {
      err << kCatalogueHelp;
      return 2;
    }
  }
  if (!category || file.empty()) {
    err << kCatalogueHelp;
    return 2;
  }
  try {
    auto config = app::loadConfig(configFile, configRequired, app::processEnvironment());
    domain::SystemClock clock;
    auto standards = rules::StandardRegistry::load(config.rulesDir);
    auto stored = storage::Storage::open(config.storage(), 2, storage::Storage::Create::Never);
    auto keys = app::openKeys(config, *stored, clock.now());
    services::CertificateService certificates(stored->registry(), standards, keys, clock,
                                              config.services());
    services::CountyService counties(stored->registry(), clock);
    services::MediaStore media(stored->media());
    services::PublicRegister publicRegister(stored->publicListing(), config.programme.calendar,
                                            clock);
    services::CatalogueService catalogues(publicRegister, certificates, counties, media,
                                          config.programme);
    request.category = *category;
    request.day = at.value_or(publicRegister.today());
    bool html = file.ends_with(".html");
    std::string bytes =
        html ? web::catalogueHtml(catalogues.content(request, false), request.english).body
             : catalogues.pdf(request);
    std::ofstream output(file, std::ios::binary);
    output << bytes;
    output.close();
    if (!output) throw std::runtime_error("cannot write " + file);
    out << "catalogue " << rules::toString(*category) << " as of "
        << certificates::isoDate(request.day) << ": " << file << " (" << bytes.size()
        << " bytes)\n";
    return 0;
  } catch (const std::exception& error) {
    err << "tisheng catalogue: " << error.what() << "\n";
    return 2;
  }
}

}  // namespace tisheng::cli
