#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace tisheng::certificates {

using Bytes = std::string;  ///< raw bytes
using PublicKey = std::array<unsigned char, 32>;

/// SHA-256 of data (32 raw bytes).
Bytes sha256(std::string_view data);
/// Lower-case hexadecimal of data.
std::string hex(std::string_view data);
/// RFC 4648 base64url without padding, and back (nullopt when not valid base64url).
std::string base64url(std::string_view data);
std::optional<Bytes> fromBase64url(std::string_view text);
/// RFC 4648 Base32, upper case, no padding; decoding accepts lower case and no padding.
std::string base32(std::string_view data);
std::optional<Bytes> fromBase32(std::string_view text);

/// An Ed25519 private key (OpenSSL EVP). Move-only; thread-safe for concurrent sign().
class SigningKey {
 public:
  static SigningKey generate();
  /// From a PKCS#8 PEM, encrypted with passphrase when one is given; throws std::runtime_error
  /// when it is not an Ed25519 private key or the passphrase does not open it.
  static SigningKey fromPem(const std::string& pem, const std::string& passphrase = "");

  SigningKey(SigningKey&&) noexcept;
  SigningKey& operator=(SigningKey&&) noexcept;
  ~SigningKey();

  std::string toPem() const;
  /// An encrypted PKCS#8 PEM ("ENCRYPTED PRIVATE KEY": PBES2, PBKDF2, AES-256-CBC), what
  /// `openssl pkey -passin` opens.
  std::string toEncryptedPem(const std::string& passphrase) const;
  PublicKey publicKey() const;
  /// The 64-byte Ed25519 signature of message.
  Bytes sign(std::string_view message) const;

 private:
  struct Impl;
  explicit SigningKey(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

/// True when signature is a valid Ed25519 signature of message by publicKey.
bool verifyEd25519(const PublicKey& publicKey, std::string_view message,
                   std::string_view signature);

/// The public key as a PEM SubjectPublicKeyInfo (what `openssl pkeyutl -pubin` reads).
std::string publicKeyPem(const PublicKey& publicKey);

}  // namespace tisheng::certificates
