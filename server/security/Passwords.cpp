#include "security/Passwords.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include <stdexcept>
#include <vector>

#include "certificates/Crypto.h"

namespace tisheng::security {

namespace {

constexpr int kR = 8;
constexpr int kP = 1;
constexpr std::size_t kHashBytes = 32;

std::string scrypt(std::string_view password, std::string_view salt, int logN, int r, int p) {
  std::string out(kHashBytes, '\0');
  std::uint64_t n = std::uint64_t{1} << logN;
  std::uint64_t maxMemory = 128 * n * static_cast<std::uint64_t>(r) * 2;
  if (EVP_PBE_scrypt(password.data(), password.size(),
                     reinterpret_cast<const unsigned char*>(salt.data()), salt.size(), n,
                     static_cast<std::uint64_t>(r), static_cast<std::uint64_t>(p), maxMemory,
                     reinterpret_cast<unsigned char*>(out.data()), out.size()) != 1)
    throw std::runtime_error("scrypt failed");
  return out;
}

std::string randomBytes(std::size_t count) {
  std::string out(count, '\0');
  if (RAND_bytes(reinterpret_cast<unsigned char*>(out.data()), static_cast<int>(count)) != 1)
    throw std::runtime_error("no randomness available");
  return out;
}

std::vector<std::string> split(const std::string& text, char separator) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  for (std::size_t end; (end = text.find(separator, start)) != std::string::npos; start = end + 1)
    parts.push_back(text.substr(start, end - start));
  parts.push_back(text.substr(start));
  return parts;
}

}  // namespace

std::string PasswordHasher::hash(std::string_view password) const {
  std::string salt = randomBytes(16);
  return "scrypt$" + std::to_string(logN_) + "$" + std::to_string(kR) + "$" + std::to_string(kP) +
         "$" + certificates::base64url(salt) + "$" +
         certificates::base64url(scrypt(password, salt, logN_, kR, kP));
}

bool PasswordHasher::verify(std::string_view password, const std::string& stored) const {
  auto parts = split(stored, '$');
  if (parts.size() != 6 || parts[0] != "scrypt") return false;
  try {
    int logN = std::stoi(parts[1]), r = std::stoi(parts[2]), p = std::stoi(parts[3]);
    auto salt = certificates::fromBase64url(parts[4]);
    auto expected = certificates::fromBase64url(parts[5]);
    if (!salt || !expected || expected->size() != kHashBytes || logN < 1 || logN > 20 || r < 1 ||
        r > 32 || p < 1 || p > 16)
      return false;
    std::string actual = scrypt(password, *salt, logN, r, p);
    return CRYPTO_memcmp(actual.data(), expected->data(), kHashBytes) == 0;
  } catch (const std::exception&) {
    return false;
  }
}

std::string randomToken() { return certificates::base64url(randomBytes(32)); }

}  // namespace tisheng::security
