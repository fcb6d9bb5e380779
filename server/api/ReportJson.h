#pragma once

#include <string>

#include "domain/ProgrammeReport.h"
#include "http/Json.h"

namespace tisheng::api {

/// The report as the API sends it (docs/openapi.yaml, ProgrammeReport): names in both
/// languages, days as YYYY-MM-DD, shares as fractions rounded to 4 places.
http::Json reportJson(const domain::ProgrammeReport& report);

/// The report as one long CSV table (UTF-8 with BOM, RFC 4180):
/// family,measure,county,category,grade,kind,value — one figure a line.
std::string reportCsv(const domain::ProgrammeReport& report);

}  // namespace tisheng::api
