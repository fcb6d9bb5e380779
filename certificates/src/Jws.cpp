#include "certificates/Jws.h"

#include <stdexcept>

#include "certificates/Crypto.h"
#include "rules/StrictJson.h"

namespace tisheng::certificates {

namespace {

/// The JSON in text, or null when it is not acceptable JSON (see rules::parseStrictJson).
nlohmann::ordered_json parseJsonOrNull(std::string_view text) {
  try {
    return rules::parseStrictJson(text);
  } catch (const rules::JsonError&) {
    return nullptr;
  }
}

}  // namespace

std::string signJws(const nlohmann::ordered_json& payload, std::string_view type,
                    const KeyRecord& key, const SigningKey& signer) {
  nlohmann::ordered_json header{{"alg", "EdDSA"}, {"kid", key.kid}, {"typ", type}};
  std::string signingInput = base64url(header.dump()) + "." + base64url(payload.dump());
  return signingInput + "." + base64url(signer.sign(signingInput));
}

nlohmann::ordered_json openJws(std::string_view jws, std::string_view type,
                               const std::vector<KeyRecord>& keys, const std::string& what) {
  auto fail = [&what](const std::string& problem) {
    throw std::runtime_error(what + ": " + problem);
  };
  auto first = jws.find('.');
  auto second = jws.find('.', first == std::string_view::npos ? first : first + 1);
  if (first == std::string_view::npos || second == std::string_view::npos)
    fail("not a JWS compact serialisation");
  auto header = fromBase64url(jws.substr(0, first));
  auto payload = fromBase64url(jws.substr(first + 1, second - first - 1));
  auto signature = fromBase64url(jws.substr(second + 1));
  if (!header || !payload || !signature) fail("bad base64url");
  auto head = parseJsonOrNull(*header);
  if (!head.is_object() || !head.value("alg", nlohmann::ordered_json()).is_string() ||
      head["alg"] != "EdDSA")
    fail("header must say alg EdDSA");
  if (!head.value("typ", nlohmann::ordered_json()).is_string() || head["typ"] != type)
    fail("not a " + std::string(type) + " document");
  std::string kid =
      head.value("kid", nlohmann::ordered_json()).is_string() ? head["kid"].get<std::string>() : "";
  const KeyRecord* key = nullptr;
  for (const auto& candidate : keys)
    if (candidate.kid == kid) key = &candidate;
  if (!key) fail("signed by unknown key " + kid);
  if (key->revokedAt) fail("signed by revoked key " + kid);
  if (!verifyEd25519(key->publicKey, jws.substr(0, second), *signature))
    fail("signature does not verify");
  auto body = parseJsonOrNull(*payload);
  if (!body.is_object()) fail("bad JSON");
  return body;
}

}  // namespace tisheng::certificates
