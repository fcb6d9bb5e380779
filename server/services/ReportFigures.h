#pragma once

#include <optional>
#include <string>

#include "domain/Calendar.h"
#include "domain/ProgrammeReport.h"
#include "rules/StandardRegistry.h"
#include "storage/ReportFacts.h"

namespace tisheng::services {

/// The instants a period covers in the programme's calendar, and the year of its targets (the
/// year its last day falls in).
storage::ReportWindow windowOf(const domain::Period& period, const domain::Calendar& calendar);

/// Computes every figure of the report from the facts as they stood at the window's end
/// (facts read for windowOf(period)), for one county or, without, the whole city.
domain::ProgrammeReport computeReport(const storage::ReportFacts& facts,
                                      const domain::Period& period,
                                      const std::optional<std::string>& county,
                                      const domain::Calendar& calendar,
                                      const rules::StandardRegistry& standards);

}  // namespace tisheng::services
