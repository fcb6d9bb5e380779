#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "certificates/Keys.h"

namespace tisheng::certificates {

/// A signed statement that the programme's audit trail had `rows` rows ending in `head` (the
/// SHA-256 chain hash of its last row) at time `at`. Whoever keeps one can later prove that the
/// trail was not rewritten since: the trail must still reach the same hash at the same row.
struct AuditCheckpoint {
  std::string issuer;
  std::int64_t at = 0;
  std::int64_t rows = 0;
  std::string head;
};

/// A JWS compact serialisation (typ "tisheng-audit+jws", EdDSA) of the checkpoint.
std::string signAuditCheckpoint(const AuditCheckpoint& checkpoint, const KeyRecord& key,
                                const SigningKey& signer);
/// Checks the signature against keys and reads the checkpoint. Throws std::runtime_error.
AuditCheckpoint openAuditCheckpoint(std::string_view jws, const std::vector<KeyRecord>& keys);

}  // namespace tisheng::certificates
