#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "certificates/Crypto.h"
#include "certificates/Token.h"

namespace tisheng::certificates {

/// The public half of a signing key and its life: usable for signing from notBefore until
/// expires; once revoked, nothing it signed is genuine any more.
struct KeyRecord {
  std::string kid;  ///< RFC 7638 JWK thumbprint, base64url
  PublicKey publicKey{};
  std::int64_t notBefore = 0;  ///< Unix seconds
  std::int64_t expires = 0;
  std::optional<std::int64_t> revokedAt;

  KeyIdPrefix prefix() const;
  /// Not revoked and now within [notBefore, expires).
  bool usableAt(std::int64_t now) const;
};

/// The RFC 7638 thumbprint of an Ed25519 public key as a JWK, base64url.
std::string jwkThumbprint(const PublicKey& publicKey);

/// `{"kty":"OKP","crv":"Ed25519","x":…,"kid":…,"use":"sig","alg":"EdDSA","nbf":…,"exp":…}`
/// plus `"revoked_at"` once revoked (times in Unix seconds).
nlohmann::ordered_json toJwk(const KeyRecord& key);
/// `{"keys": [...]}`.
nlohmann::ordered_json toJwks(const std::vector<KeyRecord>& keys);
/// Reads a JWKS; throws std::runtime_error naming the key at fault (wrong type, bad x, or a kid
/// that is not the key's thumbprint).
std::vector<KeyRecord> fromJwks(const nlohmann::ordered_json& jwks);

}  // namespace tisheng::certificates
