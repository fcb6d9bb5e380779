#pragma once

#include <vector>

#include "domain/ProgrammeReport.h"
#include "rules/StandardRegistry.h"
#include "storage/ReportFacts.h"

namespace tisheng::services {

struct QualityFigures {
  std::vector<domain::SectionQuality> sections;
  std::vector<domain::FailedItem> mostFailed;  ///< up to ten per category
};

/// What the submitted inspections say of quality: the average share reached per section of
/// each standard (sheets evaluated again with the standard they were judged by), and the items
/// failed most often per category: a pass/fail item failed, or a points item worse than its
/// pass limit.
QualityFigures measureQuality(const std::vector<const storage::FactInspection*>& submitted,
                              const rules::StandardRegistry& standards);

}  // namespace tisheng::services
