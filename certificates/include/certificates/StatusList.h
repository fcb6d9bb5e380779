#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "certificates/Crypto.h"
#include "certificates/Keys.h"

namespace tisheng::certificates {

enum class CertificateStatus { Active, Suspended, Revoked, Expired, Superseded };
std::string_view toString(CertificateStatus status);
std::optional<CertificateStatus> certificateStatusFromString(std::string_view text);

/// The status of every certificate issued so far, as of a time, for offline verifiers.
/// Certificates 1..issuedUpTo not listed in `exceptions` are active.
struct StatusList {
  std::string issuer;
  std::int64_t asOf = 0;
  std::int64_t ttlSeconds = 86400;
  std::uint32_t issuedUpTo = 0;
  std::map<std::uint32_t, CertificateStatus> exceptions;

  /// nullopt for an id the list does not cover.
  std::optional<CertificateStatus> statusOf(std::uint32_t certificateId) const;
  /// True once asOf + ttl has passed: the list no longer tells the current status.
  bool staleAt(std::int64_t now) const { return now > asOf + ttlSeconds; }
};

/// A JWS compact serialisation (RFC 7515, alg EdDSA per RFC 8037) of the list's JSON.
std::string signStatusList(const StatusList& list, const KeyRecord& key, const SigningKey& signer);

/// Checks the JWS against keys (the signing key must be known and not revoked) and reads the
/// list. Throws std::runtime_error saying what is wrong.
StatusList openStatusList(std::string_view jws, const std::vector<KeyRecord>& keys);

}  // namespace tisheng::certificates
