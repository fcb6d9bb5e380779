#include "domain/PlaqueReport.h"

namespace tisheng::domain {

std::string_view toString(PlaqueReportStatus status) {
  switch (status) {
    case PlaqueReportStatus::New: return "new";
    case PlaqueReportStatus::Dismissed: return "dismissed";
    case PlaqueReportStatus::Confirmed: return "confirmed";
  }
  return "new";
}

std::optional<PlaqueReportStatus> plaqueReportStatusFromString(std::string_view text) {
  for (auto status :
       {PlaqueReportStatus::New, PlaqueReportStatus::Dismissed, PlaqueReportStatus::Confirmed})
    if (toString(status) == text) return status;
  return std::nullopt;
}

}  // namespace tisheng::domain
