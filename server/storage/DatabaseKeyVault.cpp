#include "storage/DatabaseKeyVault.h"

#include <chrono>
#include <stdexcept>
#include <thread>

#include "security/Passwords.h"

namespace tisheng::storage {

namespace {
std::int64_t wallClock() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}
}  // namespace

DatabaseKeyVault::DatabaseKeyVault(ConnectionPool& pool, std::string kek)
    : pool_(pool), kek_(std::move(kek)), leases_(pool) {
  if (kek_.size() < 32)
    throw std::invalid_argument("the key-encryption key must have at least 32 characters");
}

std::vector<DatabaseKeyVault::Key> DatabaseKeyVault::load() const {
  auto db = pool_.acquire();
  auto rows = db->prepare(
      "SELECT kid, not_before, expires, revoked_at, private_key FROM signing_keys ORDER BY kid");
  std::vector<Key> out;
  while (rows.step()) {
    std::string kid = rows.text(0);
    auto key = [&] {
      try {
        return certificates::SigningKey::fromPem(rows.text(4), kek_);
      } catch (const std::runtime_error&) {
        throw std::runtime_error("signing key " + kid +
                                 " cannot be opened with this key-encryption key");
      }
    }();
    certificates::KeyRecord record;
    record.publicKey = key.publicKey();
    record.kid = certificates::jwkThumbprint(record.publicKey);
    if (record.kid != kid)
      throw std::runtime_error("signing key " + kid + ": its kid does not match the key");
    record.notBefore = rows.integer(1);
    record.expires = rows.integer(2);
    if (auto revoked = rows.optionalInteger(3)) record.revokedAt = *revoked;
    out.push_back({record, std::move(key)});
  }
  return out;
}

void DatabaseKeyVault::save(const certificates::KeyRecord& r, const certificates::SigningKey& key) {
  auto db = pool_.acquire();
  Transaction transaction(*db);
  db->prepare(
        "INSERT INTO signing_keys (kid, not_before, expires, revoked_at, private_key) "
        "VALUES (?, ?, ?, ?, ?) ON CONFLICT (kid) DO UPDATE SET revoked_at = excluded.revoked_at")
      .bind(1, r.kid)
      .bind(2, r.notBefore)
      .bind(3, r.expires)
      .bind(4, r.revokedAt)
      .bind(5, key.toEncryptedPem(kek_))
      .run();
  transaction.commit();
}

void DatabaseKeyVault::exclusively(const std::function<void()>& work) {
  std::string holder = "keys:" + security::randomToken();
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (!leases_.take("keys", holder, wallClock(), 30)) {
    if (std::chrono::steady_clock::now() > deadline)
      throw std::runtime_error("another server holds the signing keys' lease");
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  try {
    work();
  } catch (...) {
    leases_.release("keys", holder);
    throw;
  }
  leases_.release("keys", holder);
}

}  // namespace tisheng::storage
