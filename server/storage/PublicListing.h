#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "domain/PublicRecord.h"

namespace tisheng::storage {

/// The registry's public view, read-only: every entry that has ever held a certificate.
/// Entries never certified (applicants) are not public. Thread-safe.
class PublicListing {
 public:
  virtual ~PublicListing() = default;
  /// The places matching the query, by id, at most query.limit.
  virtual std::vector<domain::PublicRecord> records(const domain::PublicQuery& query) = 0;
  /// How many places match the query (afterId and limit ignored).
  virtual std::size_t count(const domain::PublicQuery& query) = 0;
  virtual std::optional<domain::PublicRecord> record(std::int64_t entryId) = 0;
  /// Every certificate the entry has held, oldest first.
  virtual std::vector<domain::Certificate> history(std::int64_t entryId) = 0;
  /// The latest updatedAt of any entry (0 when none): nothing public changed since.
  virtual std::int64_t lastChange() = 0;
};

}  // namespace tisheng::storage
