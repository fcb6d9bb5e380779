#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "certificates/Crypto.h"
#include "certificates/Keys.h"

namespace tisheng::certificates {

/// Signing keys on disk: per key `<kid>.pem` (PKCS#8 private key, mode 0600) and `<kid>.json`
/// (its dates). Keys are never deleted: a retired key stays published so that plaques it signed
/// keep verifying while valid. Not thread-safe for rotate()/revoke(); const use is.
/// A running server reads the store once at start; restart it after `tisheng keys rotate`.
class KeyStore {
 public:
  /// Opens dir (creating it, mode 0700). When it holds no usable key, makes one valid from now
  /// for lifetimeDays. Throws std::runtime_error for unreadable or inconsistent files.
  static KeyStore open(const std::filesystem::path& dir, std::int64_t now, int lifetimeDays);
  /// Reads dir as it is, creating nothing. Throws std::runtime_error when dir does not exist.
  static KeyStore read(const std::filesystem::path& dir);

  /// Every key, oldest first.
  std::vector<KeyRecord> keys() const;
  /// The newest key usable at now. Throws std::runtime_error when there is none.
  const KeyRecord& signingKey(std::int64_t now) const;
  const SigningKey& privateKey(const std::string& kid) const;
  /// Makes a new key valid from now for lifetimeDays; it becomes the signing key.
  KeyRecord rotate(std::int64_t now, int lifetimeDays);
  /// Marks kid revoked at now (idempotent). Throws std::runtime_error for an unknown kid.
  void revoke(const std::string& kid, std::int64_t now);

 private:
  struct Entry {
    KeyRecord record;
    SigningKey key;
  };
  explicit KeyStore(std::filesystem::path dir) : dir_(std::move(dir)) {}
  void save(const Entry& entry) const;

  std::filesystem::path dir_;
  std::vector<Entry> entries_;  ///< ordered by notBefore
};

}  // namespace tisheng::certificates
