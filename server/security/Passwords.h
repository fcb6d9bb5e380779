#pragma once

#include <string>
#include <string_view>

namespace tisheng::security {

/// scrypt (OpenSSL EVP_PBE_scrypt) with a random 16-byte salt per password. The stored form is
/// `scrypt$<log2 N>$<r>$<p>$<salt b64url>$<hash b64url>`, so the cost can rise later while old
/// hashes still verify. Thread-safe.
class PasswordHasher {
 public:
  /// logN 15 (32 MiB, ~0.1 s) by default; tests use less.
  explicit PasswordHasher(int logN = 15) : logN_(logN) {}

  std::string hash(std::string_view password) const;
  /// Constant-time comparison; false for a malformed stored hash.
  bool verify(std::string_view password, const std::string& stored) const;

 private:
  int logN_;
};

/// 32 random bytes from OpenSSL's CSPRNG, base64url (43 characters).
std::string randomToken();

}  // namespace tisheng::security
