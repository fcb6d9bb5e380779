#include "certificates/Keys.h"

#include <stdexcept>

namespace tisheng::certificates {

KeyIdPrefix KeyRecord::prefix() const {
  KeyIdPrefix out{};
  Bytes digest = fromBase64url(kid).value_or(Bytes(8, '\0'));
  for (std::size_t i = 0; i < out.size() && i < digest.size(); ++i)
    out[i] = static_cast<unsigned char>(digest[i]);
  return out;
}

bool KeyRecord::usableAt(std::int64_t now) const {
  return !revokedAt && notBefore <= now && now < expires;
}

std::string jwkThumbprint(const PublicKey& publicKey) {
  std::string x = base64url(
      std::string_view(reinterpret_cast<const char*>(publicKey.data()), publicKey.size()));
  // RFC 7638: the required members in lexicographic order, no whitespace.
  return base64url(sha256(R"({"crv":"Ed25519","kty":"OKP","x":")" + x + "\"}"));
}

nlohmann::ordered_json toJwk(const KeyRecord& key) {
  nlohmann::ordered_json jwk{
      {"kty", "OKP"},
      {"crv", "Ed25519"},
      {"x", base64url(std::string_view(reinterpret_cast<const char*>(key.publicKey.data()),
                                       key.publicKey.size()))},
      {"kid", key.kid},
      {"use", "sig"},
      {"alg", "EdDSA"},
      {"nbf", key.notBefore},
      {"exp", key.expires}};
  if (key.revokedAt) jwk["revoked_at"] = *key.revokedAt;
  return jwk;
}

nlohmann::ordered_json toJwks(const std::vector<KeyRecord>& keys) {
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const auto& key : keys) list.push_back(toJwk(key));
  return {{"keys", list}};
}

std::vector<KeyRecord> fromJwks(const nlohmann::ordered_json& jwks) {
  if (!jwks.is_object() || !jwks.contains("keys") || !jwks["keys"].is_array())
    throw std::runtime_error("JWKS: expected {\"keys\": [...]}");
  std::vector<KeyRecord> keys;
  for (std::size_t i = 0; i < jwks["keys"].size(); ++i) {
    const auto& jwk = jwks["keys"][i];
    std::string where = "JWKS: keys[" + std::to_string(i) + "]: ";
    if (!jwk.is_object() || jwk.value("kty", "") != "OKP" || jwk.value("crv", "") != "Ed25519")
      throw std::runtime_error(where + "not an OKP Ed25519 key");
    auto x = fromBase64url(jwk.value("x", ""));
    if (!x || x->size() != 32) throw std::runtime_error(where + "x is not a 32-byte key");
    KeyRecord key;
    std::copy(x->begin(), x->end(), key.publicKey.begin());
    key.kid = jwk.value("kid", "");
    if (key.kid != jwkThumbprint(key.publicKey))
      throw std::runtime_error(where + "kid is not the key's RFC 7638 thumbprint");
    if (!jwk.contains("nbf") || !jwk["nbf"].is_number_integer() || !jwk.contains("exp") ||
        !jwk["exp"].is_number_integer())
      throw std::runtime_error(where + "nbf and exp must be Unix times");
    key.notBefore = jwk["nbf"].get<std::int64_t>();
    key.expires = jwk["exp"].get<std::int64_t>();
    if (jwk.contains("revoked_at")) key.revokedAt = jwk["revoked_at"].get<std::int64_t>();
    keys.push_back(key);
  }
  return keys;
}

}  // namespace tisheng::certificates
