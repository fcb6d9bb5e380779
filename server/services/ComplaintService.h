#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "domain/Clock.h"
#include "rules/Standard.h"
#include "storage/ComplaintRepository.h"
#include "storage/RegistryRepository.h"

namespace tisheng::services {

/// What a tourist fills in. Either serial (from a plaque) or entryId names what it is about.
struct ComplaintForm {
  std::string serial;
  std::string entryId;
  std::string category;
  std::string description;
  std::string contact;
};

struct FiledComplaint {
  std::int64_t id = 0;
  std::string reference;  ///< e.g. TS-C-000042, to quote when following up
};

/// Complaints from the public: no login, rate limited per address. Triage belongs to the
/// county offices. Thread-safe; collaborators must outlive it.
class ComplaintService {
 public:
  static constexpr int kMaxPerAddressPerHour = 5;

  ComplaintService(storage::ComplaintRepository& complaints, storage::RegistryRepository& registry,
                   const domain::Clock& clock);

  /// The categories, id → localized label, in display order.
  static const std::vector<std::pair<std::string, rules::LocalizedText>>& categories();

  /// Throws Invalid naming each bad field, NotFound for an unknown serial
  /// or entry, and RateLimited past the hourly limit for the address.
  FiledComplaint file(const ComplaintForm& form, const std::string& address);

 private:
  storage::ComplaintRepository& complaints_;
  storage::RegistryRepository& registry_;
  const domain::Clock& clock_;
};

}  // namespace tisheng::services
