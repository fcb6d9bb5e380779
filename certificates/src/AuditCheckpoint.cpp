#include "certificates/AuditCheckpoint.h"

#include <regex>
#include <stdexcept>

#include "certificates/Jws.h"

namespace tisheng::certificates {

namespace {
constexpr std::string_view kType = "tisheng-audit+jws";
}

std::string signAuditCheckpoint(const AuditCheckpoint& checkpoint, const KeyRecord& key,
                                const SigningKey& signer) {
  nlohmann::ordered_json payload{{"iss", checkpoint.issuer},
                                 {"at", checkpoint.at},
                                 {"rows", checkpoint.rows},
                                 {"head", checkpoint.head}};
  return signJws(payload, kType, key, signer);
}

AuditCheckpoint openAuditCheckpoint(std::string_view jws, const std::vector<KeyRecord>& keys) {
  auto body = openJws(jws, kType, keys, "audit checkpoint");
  AuditCheckpoint checkpoint;
  try {
    checkpoint.issuer = body.at("iss").get<std::string>();
    checkpoint.at = body.at("at").get<std::int64_t>();
    checkpoint.rows = body.at("rows").get<std::int64_t>();
    checkpoint.head = body.at("head").get<std::string>();
  } catch (const nlohmann::json::exception& error) {
    throw std::runtime_error(std::string("audit checkpoint: ") + error.what());
  }
  static const std::regex kHash("^[0-9a-f]{64}$");
  if (checkpoint.rows < 0 || !std::regex_match(checkpoint.head, kHash))
    throw std::runtime_error("audit checkpoint: rows or head malformed");
  return checkpoint;
}

}  // namespace tisheng::certificates
