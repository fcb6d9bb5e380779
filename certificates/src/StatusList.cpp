#include "certificates/StatusList.h"

#include <nlohmann/json.hpp>
#include <stdexcept>

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
constexpr std::pair<CertificateStatus, std::string_view> kNames[] = {
    {CertificateStatus::Active, "active"},
    {CertificateStatus::Suspended, "suspended"},
    {CertificateStatus::Revoked, "revoked"},
    {CertificateStatus::Expired, "expired"},
    {CertificateStatus::Superseded, "superseded"}};
}  // namespace

std::string_view toString(CertificateStatus status) {
  for (const auto& [value, name] : kNames)
    if (value == status) return name;
  return "";
}

std::optional<CertificateStatus> certificateStatusFromString(std::string_view text) {
  for (const auto& [value, name] : kNames)
    if (name == text) return value;
  return std::nullopt;
}

std::optional<CertificateStatus> StatusList::statusOf(std::uint32_t certificateId) const {
  if (certificateId == 0 || certificateId > issuedUpTo) return std::nullopt;
  auto it = exceptions.find(certificateId);
  return it == exceptions.end() ? CertificateStatus::Active : it->second;
}

std::string signStatusList(const StatusList& list, const KeyRecord& key, const SigningKey& signer) {
  nlohmann::ordered_json payload{{"iss", list.issuer},
                                 {"as_of", list.asOf},
                                 {"ttl", list.ttlSeconds},
                                 {"issued_up_to", list.issuedUpTo}};
  for (const auto& [status, name] : kNames) {
    if (status == CertificateStatus::Active) continue;
    nlohmann::ordered_json ids = nlohmann::ordered_json::array();
    for (const auto& [id, value] : list.exceptions)
      if (value == status) ids.push_back(id);
    payload[std::string(name)] = ids;
  }
  nlohmann::ordered_json header{{"alg", "EdDSA"}, {"kid", key.kid}, {"typ", "tisheng-status+jws"}};
  std::string signingInput = base64url(header.dump()) + "." + base64url(payload.dump());
  return signingInput + "." + base64url(signer.sign(signingInput));
}

StatusList openStatusList(std::string_view jws, const std::vector<KeyRecord>& keys) {
  auto first = jws.find('.');
  auto second = jws.find('.', first == std::string_view::npos ? first : first + 1);
  if (first == std::string_view::npos || second == std::string_view::npos)
    throw std::runtime_error("status list: not a JWS compact serialisation");
  auto header = fromBase64url(jws.substr(0, first));
  auto payload = fromBase64url(jws.substr(first + 1, second - first - 1));
  auto signature = fromBase64url(jws.substr(second + 1));
  if (!header || !payload || !signature) throw std::runtime_error("status list: bad base64url");
  auto head = parseJsonOrNull(*header);
  if (!head.is_object() || head.value("alg", "") != "EdDSA")
    throw std::runtime_error("status list: header must say alg EdDSA");
  std::string kid = head.value("kid", "");
  const KeyRecord* key = nullptr;
  for (const auto& candidate : keys)
    if (candidate.kid == kid) key = &candidate;
  if (!key) throw std::runtime_error("status list: signed by unknown key " + kid);
  if (key->revokedAt) throw std::runtime_error("status list: signed by revoked key " + kid);
  if (!verifyEd25519(key->publicKey, jws.substr(0, second), *signature))
    throw std::runtime_error("status list: signature does not verify");
  auto body = parseJsonOrNull(*payload);
  if (!body.is_object()) throw std::runtime_error("status list: bad JSON");
  StatusList list;
  try {
    list.issuer = body.at("iss").get<std::string>();
    list.asOf = body.at("as_of").get<std::int64_t>();
    list.ttlSeconds = body.at("ttl").get<std::int64_t>();
    list.issuedUpTo = body.at("issued_up_to").get<std::uint32_t>();
    for (const auto& [status, name] : kNames)
      if (body.contains(name))
        for (const auto& id : body[std::string(name)])
          list.exceptions[id.get<std::uint32_t>()] = status;
  } catch (const nlohmann::json::exception& error) {
    throw std::runtime_error(std::string("status list: ") + error.what());
  }
  return list;
}

}  // namespace tisheng::certificates
