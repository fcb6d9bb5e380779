#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "certificates/Keys.h"

namespace tisheng::certificates {

/// Signs payload as a JWS compact serialisation (RFC 7515; alg EdDSA per RFC 8037) whose
/// header names the key (kid) and the document type (typ, e.g. "tisheng-status+jws").
std::string signJws(const nlohmann::ordered_json& payload, std::string_view type,
                    const KeyRecord& key, const SigningKey& signer);

/// Checks a JWS made by signJws: its type, a known and unrevoked signing key, the signature;
/// returns the payload object. Throws std::runtime_error starting with `what` ("status list")
/// and saying what is wrong.
nlohmann::ordered_json openJws(std::string_view jws, std::string_view type,
                               const std::vector<KeyRecord>& keys, const std::string& what);

}  // namespace tisheng::certificates
