#include "app/Keys.h"

#include <filesystem>
#include <stdexcept>

#include "storage/DatabaseKeyVault.h"

namespace tisheng::app {

std::shared_ptr<certificates::KeyVault> keyVault(const Config& config, storage::Storage& storage) {
  if (storage.address().dialect == storage::Dialect::Sqlite) {
    std::filesystem::create_directories(config.keysDir());
    std::filesystem::permissions(config.keysDir(), std::filesystem::perms::owner_all);
    return std::make_shared<certificates::DirectoryKeyVault>(config.keysDir());
  }
  std::string kek = config.keyEncryptionKey();
  if (kek.empty())
    throw std::runtime_error(
        "keys.kek_file (or TISHENG_KEYS_KEK) is needed with PostgreSQL: the signing keys are "
        "kept in the database, encrypted under it");
  return std::make_shared<storage::DatabaseKeyVault>(storage.database(), kek);
}

certificates::KeyStore openKeys(const Config& config, storage::Storage& storage, std::int64_t now) {
  return certificates::KeyStore::open(keyVault(config, storage), now, config.keyLifetimeDays);
}

}  // namespace tisheng::app
