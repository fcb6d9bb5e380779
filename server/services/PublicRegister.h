#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "domain/Calendar.h"
#include "domain/Clock.h"
#include "storage/PublicListing.h"

namespace tisheng::services {

/// The register as the public reads it — the open data, the directory, the entry pages and the
/// brochures: places that hold or held a certificate, judged on the programme's today.
/// Read-only; thread-safe; collaborators must outlive it.
class PublicRegister {
 public:
  /// Largest page; the exports read the whole register in pages of this size.
  static constexpr std::size_t kMaxPage = 1000;

  struct Page {
    std::vector<domain::PublicRecord> records;
    /// The id to continue after, when more follow.
    std::optional<std::int64_t> nextAfter;
  };

  PublicRegister(storage::PublicListing& listing, const domain::Calendar& calendar,
                 const domain::Clock& clock)
      : listing_(listing), calendar_(calendar), clock_(clock) {}

  int today() const { return calendar_.dayOf(clock_.now()); }
  /// One page of the query (its today set here; limit at most kMaxPage).
  Page page(domain::PublicQuery query) const;
  std::size_t count(domain::PublicQuery query) const;
  /// Every place matching the query (afterId and limit ignored), by id, judged on `day`
  /// (default today).
  std::vector<domain::PublicRecord> all(domain::PublicQuery query,
                                        std::optional<int> day = std::nullopt) const;
  /// Throws NotFound for an entry never certified (or unknown).
  domain::PublicRecord record(std::int64_t entryId) const;
  /// Every certificate the entry has held, oldest first.
  std::vector<domain::Certificate> history(std::int64_t entryId) const {
    return listing_.history(entryId);
  }
  /// When the public register last changed: the latest change to an entry, or the start of
  /// today if later (a certificate's validity runs out at midnight without a write).
  std::int64_t lastModified() const;

 private:
  storage::PublicListing& listing_;
  const domain::Calendar& calendar_;
  const domain::Clock& clock_;
};

}  // namespace tisheng::services
