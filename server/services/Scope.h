#pragma once

#include "domain/Registry.h"
#include "security/Principal.h"

namespace tisheng::services {

/// The city office, or the office of the entry's county.
inline bool isOfficeOf(const security::Principal& p, const domain::Entry& entry) {
  return p.isOffice() && p.coversCounty(entry.countyCode);
}

/// The business account that owns the entry.
inline bool isOwnerOf(const security::Principal& p, const domain::Entry& entry) {
  return p.role == security::Role::Business && entry.ownerUserId == p.userId;
}

}  // namespace tisheng::services
