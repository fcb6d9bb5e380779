#include "certificates/OfflineVerifier.h"

#include "certificates/CivilDate.h"

namespace tisheng::certificates {

OfflineVerdict verifyOffline(std::string_view tokenOrUrl, const std::vector<KeyRecord>& keys,
                             std::int64_t now) {
  OfflineVerdict verdict;
  auto token = parseToken(tokenOrUrl);
  if (!token) {
    verdict.reason = "not a well-formed Tisheng certificate token";
    return verdict;
  }
  verdict.claims = token->claims;
  bool knownKey = false;
  for (const auto& key : keys) {
    if (key.prefix() != token->claims.keyId) continue;
    knownKey = true;
    if (!verifyEd25519(key.publicKey, token->signedBytes, token->signature)) continue;
    verdict.key = key;
    break;
  }
  if (!verdict.key) {
    verdict.reason = knownKey ? "signature does not verify" : "signed by an unknown key";
    return verdict;
  }
  const KeyRecord& key = *verdict.key;
  const TokenClaims& claims = token->claims;
  if (key.revokedAt) {
    verdict.reason = "the signing key was revoked on " + isoTime(*key.revokedAt);
  } else if (claims.issuedDay < dayOf(key.notBefore) || claims.issuedDay > dayOf(key.expires)) {
    verdict.reason = "issued outside the signing key's validity";
  } else if (claims.validUntilDay > dayOf(key.expires)) {
    verdict.reason = "valid beyond the signing key's expiry";
  } else {
    verdict.genuine = true;
    verdict.expired = dayOf(now) > claims.validUntilDay;
  }
  return verdict;
}

void applyStatusList(OfflineVerdict& verdict, const StatusList& list, std::int64_t now) {
  if (!verdict.genuine || !verdict.claims) return;
  if (list.staleAt(now)) {
    verdict.statusNote =
        "status unknown: the status list is stale (as of " + isoTime(list.asOf) + ")";
    return;
  }
  verdict.status = list.statusOf(verdict.claims->certificateId);
  verdict.statusNote =
      verdict.status ? "status as of " + isoTime(list.asOf)
                     : "status unknown: certificate not in the list as of " + isoTime(list.asOf);
}

}  // namespace tisheng::certificates
