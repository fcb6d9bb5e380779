#pragma once

#include <cstdint>
#include <memory>

#include "app/Config.h"
#include "certificates/KeyStore.h"
#include "storage/Storage.h"

namespace tisheng::app {

/// Where the signing keys are kept: files in the data directory's keys folder with SQLite; with
/// PostgreSQL the signing_keys table, shared by every server, private keys encrypted under the
/// key-encryption key (keys.kek_file or TISHENG_KEYS_KEK). Throws std::runtime_error when
/// PostgreSQL is configured without one.
std::shared_ptr<certificates::KeyVault> keyVault(const Config& config, storage::Storage& storage);

/// The key store, with a first key made when none is usable at now.
certificates::KeyStore openKeys(const Config& config, storage::Storage& storage, std::int64_t now);

}  // namespace tisheng::app
