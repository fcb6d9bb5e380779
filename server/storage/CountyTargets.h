#pragma once

#include <vector>

#include "storage/AuditLog.h"
#include "storage/Database.h"
#include "storage/ReportFacts.h"

namespace tisheng::storage {

/// The office's yearly targets per county and category (the 年考核's yardstick).
std::vector<FactTarget> countyTargets(Connection& db, int year);

/// Sets (or replaces) the year's targets named in rows, in one transaction with one audit
/// record. Throws ConstraintError for an unknown county.
void setCountyTargets(Connection& db, int year, const std::vector<FactTarget>& rows,
                      const Stamp& stamp);

}  // namespace tisheng::storage
