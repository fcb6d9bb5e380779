#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "certificates/Crypto.h"
#include "certificates/Keys.h"

namespace tisheng::certificates {

/// Where a KeyStore keeps its keys: a folder (DirectoryKeyVault) or a database that several
/// servers share (storage::DatabaseKeyVault, private keys encrypted).
class KeyVault {
 public:
  struct Key {
    KeyRecord record;
    SigningKey key;
  };
  virtual ~KeyVault() = default;
  /// Every key kept, in any order. Throws std::runtime_error for unreadable or inconsistent
  /// keys.
  virtual std::vector<Key> load() const = 0;
  /// Keeps a new key, or a key's revocation.
  virtual void save(const KeyRecord& record, const SigningKey& key) = 0;
  /// Runs work so that no other process sharing the vault runs it at the same time.
  virtual void exclusively(const std::function<void()>& work) { work(); }
};

/// Keys on disk: per key `<kid>.pem` (PKCS#8 private key, mode 0600) and `<kid>.json` (its
/// dates).
class DirectoryKeyVault : public KeyVault {
 public:
  /// Throws std::runtime_error when dir does not exist.
  explicit DirectoryKeyVault(std::filesystem::path dir);
  std::vector<Key> load() const override;
  void save(const KeyRecord& record, const SigningKey& key) override;

 private:
  std::filesystem::path dir_;
};

/// The signing keys. Keys are never deleted: a retired key stays published so that plaques it
/// signed keep verifying while valid. Not thread-safe for rotate()/revoke(); const use is.
/// A running server reads the store once at start; restart it after `tisheng keys rotate`.
class KeyStore {
 public:
  /// Opens dir (creating it, mode 0700). When it holds no usable key, makes one valid from now
  /// for lifetimeDays. Throws std::runtime_error for unreadable or inconsistent files.
  static KeyStore open(const std::filesystem::path& dir, std::int64_t now, int lifetimeDays);
  /// The same on any vault; the first key is made exclusively, so that servers starting
  /// together on one database agree on it.
  static KeyStore open(std::shared_ptr<KeyVault> vault, std::int64_t now, int lifetimeDays);
  /// Reads dir as it is, creating nothing. Throws std::runtime_error when dir does not exist.
  static KeyStore read(const std::filesystem::path& dir);
  static KeyStore read(std::shared_ptr<KeyVault> vault);

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
  explicit KeyStore(std::shared_ptr<KeyVault> vault);

  std::shared_ptr<KeyVault> vault_;
  std::vector<KeyVault::Key> entries_;  ///< ordered by notBefore
};

}  // namespace tisheng::certificates
