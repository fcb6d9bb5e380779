#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "storage/AuditLog.h"

namespace tisheng::storage {

struct NewComplaint {
  std::int64_t entryId = 0;
  std::optional<std::int64_t> certificateId;
  std::string category;
  std::string description;
  std::optional<std::string> contact;
  std::string sourceAddress;
};

/// Complaints filed by the public. Thread-safe; each method is one transaction.
class ComplaintRepository {
 public:
  virtual ~ComplaintRepository() = default;
  virtual std::int64_t add(const NewComplaint& complaint, const Stamp& stamp) = 0;
  /// Complaints filed from address since `since`.
  virtual int countFromAddressSince(std::string_view address, std::int64_t since) = 0;
};

}  // namespace tisheng::storage
