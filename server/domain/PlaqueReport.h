#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace tisheng::domain {

enum class PlaqueReportStatus { New, Dismissed, Confirmed };

std::string_view toString(PlaqueReportStatus status);
std::optional<PlaqueReportStatus> plaqueReportStatusFromString(std::string_view text);

/// A tourist's report of a plaque that is not genuine: a place the registry may not know,
/// described in the tourist's words. The county office of the place triages it (confirmed: a
/// fake, passed on to market regulation; dismissed: no fake found).
struct PlaqueReport {
  std::int64_t id = 0;
  std::string countyCode;
  std::string placeName;
  std::string address;
  std::string seen;
  /// What the scanned QR code held, when the report came from a verification page.
  std::optional<std::string> codeSeen;
  /// The photo in the media store, when one was sent.
  std::optional<std::string> photo;
  std::optional<std::string> contact;
  PlaqueReportStatus status = PlaqueReportStatus::New;
  std::optional<std::string> triageNote;
  std::optional<std::string> triagedBy;
  std::int64_t createdAt = 0;
};

}  // namespace tisheng::domain
