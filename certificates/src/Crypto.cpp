#include "certificates/Crypto.h"

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

#include <Poco/Base32Decoder.h>
#include <Poco/Base32Encoder.h>
#include <Poco/Exception.h>

#include <algorithm>
#include <cctype>
#include <sstream>
#include <stdexcept>

namespace tisheng::certificates {

namespace {

struct BioFree {
  void operator()(BIO* bio) const { BIO_free(bio); }
};
struct KeyFree {
  void operator()(EVP_PKEY* key) const { EVP_PKEY_free(key); }
};
struct MdFree {
  void operator()(EVP_MD_CTX* ctx) const { EVP_MD_CTX_free(ctx); }
};
using KeyPtr = std::unique_ptr<EVP_PKEY, KeyFree>;

std::string bioText(BIO* bio) {
  char* data = nullptr;
  long size = BIO_get_mem_data(bio, &data);
  return std::string(data, static_cast<std::size_t>(size));
}

}  // namespace

Bytes sha256(std::string_view data) {
  unsigned char digest[32];
  unsigned int size = 0;
  EVP_Digest(data.data(), data.size(), digest, &size, EVP_sha256(), nullptr);
  return Bytes(reinterpret_cast<char*>(digest), size);
}

std::string hex(std::string_view data) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  out.reserve(data.size() * 2);
  for (unsigned char c : data) {
    out += kDigits[c >> 4];
    out += kDigits[c & 15];
  }
  return out;
}

std::string base64url(std::string_view data) {
  std::string out(4 * ((data.size() + 2) / 3) + 1, '\0');
  int size = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                             reinterpret_cast<const unsigned char*>(data.data()),
                             static_cast<int>(data.size()));
  out.resize(static_cast<std::size_t>(size));
  while (!out.empty() && out.back() == '=') out.pop_back();
  std::replace(out.begin(), out.end(), '+', '-');
  std::replace(out.begin(), out.end(), '/', '_');
  return out;
}

std::optional<Bytes> fromBase64url(std::string_view text) {
  if (text.size() % 4 == 1) return std::nullopt;
  std::string standard(text);
  for (char& c : standard) {
    if (c == '-')
      c = '+';
    else if (c == '_')
      c = '/';
    else if (!std::isalnum(static_cast<unsigned char>(c)))
      return std::nullopt;
  }
  std::size_t padding = (4 - standard.size() % 4) % 4;
  standard.append(padding, '=');
  std::string out(standard.size() / 4 * 3, '\0');
  int size = EVP_DecodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                             reinterpret_cast<const unsigned char*>(standard.data()),
                             static_cast<int>(standard.size()));
  if (size < 0) return std::nullopt;
  out.resize(static_cast<std::size_t>(size) - padding);
  return out;
}

std::string base32(std::string_view data) {
  std::ostringstream out;
  {
    Poco::Base32Encoder encoder(out, false);
    encoder.write(data.data(), static_cast<std::streamsize>(data.size()));
    encoder.close();
  }
  return out.str();
}

std::optional<Bytes> fromBase32(std::string_view text) {
  std::string padded;
  padded.reserve(text.size() + 8);
  for (char c : text) {
    char upper = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (!((upper >= 'A' && upper <= 'Z') || (upper >= '2' && upper <= '7'))) return std::nullopt;
    padded += upper;
  }
  // Only lengths that whole bytes can produce are valid (RFC 4648 section 6).
  static constexpr bool kValidRemainder[8] = {true, false, true, false, true, true, false, true};
  if (!kValidRemainder[padded.size() % 8]) return std::nullopt;
  padded.append((8 - padded.size() % 8) % 8, '=');
  try {
    std::istringstream in(padded);
    Poco::Base32Decoder decoder(in);
    std::string out((std::istreambuf_iterator<char>(decoder)), std::istreambuf_iterator<char>());
    if (base32(out) != padded.substr(0, padded.find('='))) return std::nullopt;  // non-canonical
    return out;
  } catch (const Poco::Exception&) {
    return std::nullopt;
  }
}

struct SigningKey::Impl {
  KeyPtr key;
};

SigningKey::SigningKey(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
SigningKey::SigningKey(SigningKey&&) noexcept = default;
SigningKey& SigningKey::operator=(SigningKey&&) noexcept = default;
SigningKey::~SigningKey() = default;

SigningKey SigningKey::generate() {
  EVP_PKEY* key = EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519");
  if (!key) throw std::runtime_error("cannot generate an Ed25519 key");
  return SigningKey(std::make_unique<Impl>(Impl{KeyPtr(key)}));
}

SigningKey SigningKey::fromPem(const std::string& pem, const std::string& passphrase) {
  std::unique_ptr<BIO, BioFree> bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
  // A passphrase always given (empty for a key in clear): OpenSSL never prompts on a terminal.
  KeyPtr key(
      PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, const_cast<char*>(passphrase.c_str())));
  if (!key || EVP_PKEY_get_id(key.get()) != EVP_PKEY_ED25519)
    throw std::runtime_error("not an Ed25519 private key in PEM form");
  return SigningKey(std::make_unique<Impl>(Impl{std::move(key)}));
}

std::string SigningKey::toPem() const {
  std::unique_ptr<BIO, BioFree> bio(BIO_new(BIO_s_mem()));
  PEM_write_bio_PrivateKey(bio.get(), impl_->key.get(), nullptr, nullptr, 0, nullptr, nullptr);
  return bioText(bio.get());
}

std::string SigningKey::toEncryptedPem(const std::string& passphrase) const {
  std::unique_ptr<BIO, BioFree> bio(BIO_new(BIO_s_mem()));
  if (PEM_write_bio_PKCS8PrivateKey(bio.get(), impl_->key.get(), EVP_aes_256_cbc(), nullptr, 0,
                                    nullptr, const_cast<char*>(passphrase.c_str())) != 1)
    throw std::runtime_error("cannot encrypt the private key");
  return bioText(bio.get());
}

PublicKey SigningKey::publicKey() const {
  PublicKey out{};
  std::size_t size = out.size();
  EVP_PKEY_get_raw_public_key(impl_->key.get(), out.data(), &size);
  return out;
}

Bytes SigningKey::sign(std::string_view message) const {
  std::unique_ptr<EVP_MD_CTX, MdFree> ctx(EVP_MD_CTX_new());
  unsigned char signature[64];
  std::size_t size = sizeof signature;
  if (EVP_DigestSignInit(ctx.get(), nullptr, nullptr, nullptr, impl_->key.get()) != 1 ||
      EVP_DigestSign(ctx.get(), signature, &size,
                     reinterpret_cast<const unsigned char*>(message.data()), message.size()) != 1)
    throw std::runtime_error("Ed25519 signing failed");
  return Bytes(reinterpret_cast<char*>(signature), size);
}

bool verifyEd25519(const PublicKey& publicKey, std::string_view message,
                   std::string_view signature) {
  if (signature.size() != 64) return false;
  KeyPtr key(
      EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nullptr, publicKey.data(), publicKey.size()));
  if (!key) return false;
  std::unique_ptr<EVP_MD_CTX, MdFree> ctx(EVP_MD_CTX_new());
  return EVP_DigestVerifyInit(ctx.get(), nullptr, nullptr, nullptr, key.get()) == 1 &&
         EVP_DigestVerify(ctx.get(), reinterpret_cast<const unsigned char*>(signature.data()),
                          signature.size(), reinterpret_cast<const unsigned char*>(message.data()),
                          message.size()) == 1;
}

std::string publicKeyPem(const PublicKey& publicKey) {
  KeyPtr key(
      EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nullptr, publicKey.data(), publicKey.size()));
  std::unique_ptr<BIO, BioFree> bio(BIO_new(BIO_s_mem()));
  PEM_write_bio_PUBKEY(bio.get(), key.get());
  return bioText(bio.get());
}

}  // namespace tisheng::certificates
