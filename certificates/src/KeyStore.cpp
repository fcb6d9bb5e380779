#include "certificates/KeyStore.h"

#include <sys/stat.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "rules/StrictJson.h"

namespace tisheng::certificates {

namespace fs = std::filesystem;

namespace {

std::string readFile(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw std::runtime_error(file.string() + ": cannot be read");
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

/// Writes through a temporary file and a rename, so a crash never leaves half a key.
void writeFile(const fs::path& file, const std::string& text, fs::perms perms) {
  fs::path temporary = file;
  temporary += ".tmp";
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    fs::permissions(temporary, perms);
    out << text;
    if (!out.flush()) throw std::runtime_error(temporary.string() + ": cannot be written");
  }
  fs::rename(temporary, file);
}

}  // namespace

DirectoryKeyVault::DirectoryKeyVault(fs::path dir) : dir_(std::move(dir)) {
  if (!fs::is_directory(dir_)) throw std::runtime_error(dir_.string() + ": no key store here");
}

std::vector<KeyVault::Key> DirectoryKeyVault::load() const {
  std::vector<Key> out;
  for (const auto& file : fs::directory_iterator(dir_)) {
    if (file.path().extension() != ".json") continue;
    nlohmann::ordered_json meta;
    try {
      meta = rules::parseStrictJson(readFile(file.path()));
    } catch (const rules::JsonError& error) {
      throw std::runtime_error(file.path().string() + error.path() + ": " + error.what());
    }
    fs::path pemFile = file.path();
    pemFile.replace_extension(".pem");
    if (!meta.is_object() || !meta.contains("kid"))
      throw std::runtime_error(file.path().string() + ": not a key description");
    SigningKey key = SigningKey::fromPem(readFile(pemFile));
    KeyRecord record;
    record.publicKey = key.publicKey();
    record.kid = jwkThumbprint(record.publicKey);
    if (record.kid != meta["kid"])
      throw std::runtime_error(file.path().string() + ": kid does not match " + pemFile.string());
    record.notBefore = meta.value("not_before", std::int64_t{0});
    record.expires = meta.value("expires", std::int64_t{0});
    if (meta.contains("revoked_at") && !meta["revoked_at"].is_null())
      record.revokedAt = meta["revoked_at"].get<std::int64_t>();
    out.push_back({record, std::move(key)});
  }
  return out;
}

void DirectoryKeyVault::save(const KeyRecord& r, const SigningKey& key) {
  writeFile(dir_ / (r.kid + ".pem"), key.toPem(), fs::perms::owner_read | fs::perms::owner_write);
  nlohmann::ordered_json meta{
      {"kid", r.kid},
      {"not_before", r.notBefore},
      {"expires", r.expires},
      {"revoked_at", r.revokedAt ? nlohmann::json(*r.revokedAt) : nlohmann::json()}};
  writeFile(dir_ / (r.kid + ".json"), meta.dump(2) + "\n",
            fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read |
                fs::perms::others_read);
}

KeyStore::KeyStore(std::shared_ptr<KeyVault> vault) : vault_(std::move(vault)) {
  entries_ = vault_->load();
  std::sort(entries_.begin(), entries_.end(),
            [](const auto& a, const auto& b) { return a.record.notBefore < b.record.notBefore; });
}

KeyStore KeyStore::open(const fs::path& dir, std::int64_t now, int lifetimeDays) {
  fs::create_directories(dir);
  fs::permissions(dir, fs::perms::owner_all);
  return open(std::make_shared<DirectoryKeyVault>(dir), now, lifetimeDays);
}

KeyStore KeyStore::open(std::shared_ptr<KeyVault> vault, std::int64_t now, int lifetimeDays) {
  vault->exclusively([&] {
    KeyStore current(vault);
    bool usable = std::any_of(current.entries_.begin(), current.entries_.end(),
                              [now](const auto& e) { return e.record.usableAt(now); });
    if (!usable) current.rotate(now, lifetimeDays);
  });
  return KeyStore(std::move(vault));
}

KeyStore KeyStore::read(const fs::path& dir) {
  return KeyStore(std::make_shared<DirectoryKeyVault>(dir));
}

KeyStore KeyStore::read(std::shared_ptr<KeyVault> vault) { return KeyStore(std::move(vault)); }

std::vector<KeyRecord> KeyStore::keys() const {
  std::vector<KeyRecord> out;
  for (const auto& entry : entries_) out.push_back(entry.record);
  return out;
}

const KeyRecord& KeyStore::signingKey(std::int64_t now) const {
  for (auto it = entries_.rbegin(); it != entries_.rend(); ++it)
    if (it->record.usableAt(now)) return it->record;
  throw std::runtime_error("no usable signing key: run `tisheng keys rotate`");
}

const SigningKey& KeyStore::privateKey(const std::string& kid) const {
  for (const auto& entry : entries_)
    if (entry.record.kid == kid) return entry.key;
  throw std::runtime_error("unknown key " + kid);
}

KeyRecord KeyStore::rotate(std::int64_t now, int lifetimeDays) {
  SigningKey key = SigningKey::generate();
  KeyRecord record;
  record.publicKey = key.publicKey();
  record.kid = jwkThumbprint(record.publicKey);
  record.notBefore = now;
  record.expires = now + static_cast<std::int64_t>(lifetimeDays) * 86400;
  vault_->save(record, key);
  entries_.push_back({record, std::move(key)});
  return record;
}

void KeyStore::revoke(const std::string& kid, std::int64_t now) {
  for (auto& entry : entries_)
    if (entry.record.kid == kid) {
      if (!entry.record.revokedAt) entry.record.revokedAt = now;
      vault_->save(entry.record, entry.key);
      return;
    }
  throw std::runtime_error("unknown key " + kid);
}

}  // namespace tisheng::certificates
