#include "certificates/StatusList.h"

#include <nlohmann/json.hpp>
#include <stdexcept>

#include "certificates/Jws.h"

namespace tisheng::certificates {

namespace {

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
  return signJws(payload, "tisheng-status+jws", key, signer);
}

StatusList openStatusList(std::string_view jws, const std::vector<KeyRecord>& keys) {
  auto body = openJws(jws, "tisheng-status+jws", keys, "status list");
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
