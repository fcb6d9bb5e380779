#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "domain/Clock.h"
#include "domain/Workflow.h"
#include "rules/Standard.h"
#include "security/Principal.h"
#include "services/InspectionService.h"
#include "services/PlaqueReportService.h"
#include "services/SupervisionService.h"
#include "storage/RegistryRepository.h"
#include "storage/WorkflowRepository.h"

namespace tisheng::services {

/// Where an entry stands, in one word the screens translate: certified, suspended, on_notice
/// (a grade on public notice), applied (an initial inspection open), revoked, expired,
/// not_certified.
struct EntryStatus {
  domain::Entry entry;
  domain::EntryState state = domain::EntryState::NotCertified;
  /// The active or suspended certificate, else the latest one.
  std::optional<domain::Certificate> certificate{};
  std::optional<domain::Rectification> rectification{};  ///< open
  std::optional<domain::Notice> notice{};                ///< open
  std::optional<domain::Inspection> inspection{};        ///< open (scheduled or submitted)
  /// Decisions still open to appeal (window not passed, no appeal filed).
  std::vector<domain::Decision> appealable{};
  /// The day from which the entry may apply again, when a revocation bars it.
  std::optional<int> barredUntil{};
};

/// Filters of the entries list; unset ones do not filter. text matches the names and the
/// address (zh or en), case-insensitively.
struct EntryQuery {
  std::optional<std::string> county{};
  std::optional<rules::Category> category{};
  std::optional<std::string> grade{};
  std::optional<domain::EntryState> state{};
  std::optional<std::string> text{};
};

/// An open rectification and the certificate it is about.
struct OpenRectification {
  domain::Rectification rectification;
  domain::Certificate certificate;
};

/// An open public notice and how many objections to it are still open.
struct OpenNotice {
  domain::Notice notice;
  int openObjections = 0;
};

/// What each person has to do now, and the lists behind it: entries with where they stand,
/// open rectifications and notices, and an office's counts (each the size of a filtered list
/// another route returns). Read-only; every method applies the caller's role and county
/// scope and throws Forbidden outside it. Collaborators must outlive it; thread-safe.
class WorklistService {
 public:
  static constexpr int kNoticeEndingDays = 2;
  static constexpr int kDeadlineSoonDays = 7;

  WorklistService(storage::WorkflowRepository& workflow, storage::RegistryRepository& registry,
                  InspectionService& inspections, SupervisionService& supervision,
                  PlaqueReportService& plaqueReports, const domain::Calendar& calendar,
                  const domain::Clock& clock);

  /// The entries the caller may see (offices: their scope; a business: its own), ordered by id.
  std::vector<EntryStatus> entries(const security::Principal& p, const EntryQuery& query);
  /// Where one entry stands (the caller has already been allowed to read it).
  EntryStatus statusOf(domain::Entry entry);
  /// Offices: open rectifications, earliest deadline first; dueBefore keeps those due before it.
  std::vector<OpenRectification> rectifications(const security::Principal& p,
                                                std::optional<int> dueBefore);
  /// Offices: open notices, ending soonest first; endingBefore keeps those ending before it.
  std::vector<OpenNotice> notices(const security::Principal& p, std::optional<int> endingBefore);
  /// Offices: the counts on the home screen, in the order shown, each named by its key.
  std::vector<std::pair<std::string, std::size_t>> officeCounts(const security::Principal& p);
  int today() const;

 private:
  EntryStatus statusOf(storage::WorkflowStore& store, domain::Entry entry, int today) const;

  storage::WorkflowRepository& workflow_;
  storage::RegistryRepository& registry_;
  InspectionService& inspections_;
  SupervisionService& supervision_;
  PlaqueReportService& plaqueReports_;
  const domain::Calendar& calendar_;
  const domain::Clock& clock_;
};

}  // namespace tisheng::services
