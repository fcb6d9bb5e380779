#pragma once

#include <string>

#include "certificates/KeyStore.h"
#include "storage/Database.h"
#include "storage/Leases.h"

namespace tisheng::storage {

/// Signing keys in the signing_keys table, so that every server on one database signs and
/// verifies with the same key set. Private keys are kept only encrypted (PKCS#8, PBES2 with
/// AES-256) under the key-encryption key, which lives outside the database (a file or the
/// environment, see keys.kek_file).
class DatabaseKeyVault : public certificates::KeyVault {
 public:
  /// Throws std::invalid_argument when kek is shorter than 32 characters.
  DatabaseKeyVault(ConnectionPool& pool, std::string kek);

  /// Throws std::runtime_error naming the key that this key-encryption key cannot open.
  std::vector<Key> load() const override;
  void save(const certificates::KeyRecord& record, const certificates::SigningKey& key) override;
  /// Holds the "keys" lease while work runs (waiting up to 30 s for another server to finish).
  void exclusively(const std::function<void()>& work) override;

 private:
  ConnectionPool& pool_;
  std::string kek_;
  mutable Leases leases_;
};

}  // namespace tisheng::storage
