#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "certificates/Keys.h"
#include "certificates/StatusList.h"
#include "certificates/Token.h"

namespace tisheng::certificates {

/// What can be known about a plaque without asking the registry.
struct OfflineVerdict {
  bool genuine = false;
  std::string reason;  ///< why not genuine, in English
  std::optional<TokenClaims> claims;
  std::optional<KeyRecord> key;
  bool expired = false;  ///< genuine, but past its valid-until date
  /// From a status list, when one was given and is current and covers the certificate.
  std::optional<CertificateStatus> status;
  std::string statusNote;  ///< e.g. "status list stale: as of 2026-11-01T00:00:00Z"
};

/// Checks a token or URL against published keys at time now: well-formed, signed by a known key
/// that is not revoked, issued inside the key's life, valid-until not beyond the key's expiry.
/// Pure; thread-safe.
OfflineVerdict verifyOffline(std::string_view tokenOrUrl, const std::vector<KeyRecord>& keys,
                             std::int64_t now);

/// Adds the certificate's status from list, or a note saying why the list cannot tell.
void applyStatusList(OfflineVerdict& verdict, const StatusList& list, std::int64_t now);

}  // namespace tisheng::certificates
