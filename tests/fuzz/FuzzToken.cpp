// The plaque token decoder, as a scanned URL or bare token reaches it.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "certificates/OfflineVerifier.h"
#include "certificates/Token.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const tisheng::certificates::SigningKey key =
      tisheng::certificates::SigningKey::generate();
  static const std::vector<tisheng::certificates::KeyRecord> keys{[] {
    tisheng::certificates::KeyRecord record;
    record.publicKey = key.publicKey();
    record.kid = tisheng::certificates::jwkThumbprint(record.publicKey);
    record.expires = 4102444800;
    return record;
  }()};
  std::string_view text(reinterpret_cast<const char*>(data), size);
  (void)tisheng::certificates::parseToken(text);
  (void)tisheng::certificates::tokenText(text);
  (void)tisheng::certificates::verifyOffline(text, keys, 1795000000);
  return 0;
}
