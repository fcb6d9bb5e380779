#pragma once

#include "certificates/Bulletin.h"
#include "domain/Programme.h"
#include "domain/ProgrammeReport.h"
#include "rules/StandardRegistry.h"

namespace tisheng::services {

/// Words a report as the programme's bulletin — 月度调度 for a month, 季度通报 for a quarter,
/// 年度考核通报 for a year — in Chinese or English: the key figures in a paragraph, the county
/// ranking with a chart of progress against the targets, the certified places by category and
/// grade, supervision, complaints and appeals, the items failed most often, and the places
/// removed in the period with their reasons. The HTML page and the PDF are drawn from it.
certificates::BulletinContent bulletinContent(const domain::ProgrammeReport& report,
                                              const domain::Programme& programme,
                                              const rules::StandardRegistry& standards,
                                              bool english);

}  // namespace tisheng::services
