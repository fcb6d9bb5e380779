#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/Clock.h"
#include "domain/PlaqueReport.h"
#include "security/Principal.h"
#include "services/MediaStore.h"
#include "storage/PlaqueReportRepository.h"
#include "storage/RegistryRepository.h"

namespace tisheng::services {

/// What a tourist fills in to report a fake plaque: no serial needed.
struct PlaqueReportForm {
  std::string county;
  std::string placeName;
  std::string address;
  std::string seen;
  std::string contact;
  std::string codeSeen;
  /// The photo's bytes as uploaded (JPEG or PNG), or empty.
  std::string photo;
};

/// Reports of plaques that are not genuine: filed by anyone (no login, rate limited per
/// address), triaged by the office of the county the place is in. Thread-safe.
class PlaqueReportService {
 public:
  static constexpr int kMaxPerAddressPerHour = 5;

  PlaqueReportService(storage::PlaqueReportRepository& reports,
                      storage::RegistryRepository& registry, const MediaStore& media,
                      const domain::Clock& clock)
      : reports_(reports), registry_(registry), media_(media), clock_(clock) {}

  /// Throws Invalid naming each bad field (county, place_name, address, seen, contact,
  /// photo) and RateLimited past the hourly limit. Returns the stored report (its reference is
  /// referenceOf(id)).
  domain::PlaqueReport file(const PlaqueReportForm& form, const std::string& sourceAddress);
  /// "TS-R-000042", to quote when following up.
  static std::string referenceOf(std::int64_t id);

  /// Offices only: the city office every report, a county office its county's.
  std::vector<domain::PlaqueReport> list(const security::Principal& caller,
                                         const std::optional<domain::PlaqueReportStatus>& status);
  domain::PlaqueReport get(const security::Principal& caller, std::int64_t id);
  /// Confirmed (a fake: passed on) or dismissed, with a note of at least 2 characters.
  /// Conflict when already triaged.
  domain::PlaqueReport triage(const security::Principal& caller, std::int64_t id,
                              domain::PlaqueReportStatus status, const std::string& note);
  /// The report's photo; NotFound without one.
  std::string photo(const security::Principal& caller, std::int64_t id);

 private:
  storage::PlaqueReportRepository& reports_;
  storage::RegistryRepository& registry_;
  const MediaStore& media_;
  const domain::Clock& clock_;
};

}  // namespace tisheng::services
