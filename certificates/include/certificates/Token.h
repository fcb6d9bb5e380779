#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "certificates/Crypto.h"
#include "rules/Standard.h"

namespace tisheng::certificates {

/// The first 8 bytes of a key's RFC 7638 JWK thumbprint: how a token names its signing key.
using KeyIdPrefix = std::array<unsigned char, 8>;

/// What a plaque's token says (format: certificates/README.md). Names are deliberately absent:
/// the verification page shows them from the registry.
struct TokenClaims {
  static constexpr std::uint8_t kVersion = 1;
  static constexpr std::size_t kSize = 19;  ///< bytes of claims before the signature

  KeyIdPrefix keyId{};
  std::uint32_t certificateId = 0;
  rules::Category category = rules::Category::Homestay;
  std::uint8_t gradeRank = 1;  ///< 1 = the best grade of the standard
  int issuedDay = 0;           ///< days since 1970-01-01
  int validUntilDay = 0;

  /// The 19 signed bytes.
  Bytes encode() const;
  bool operator==(const TokenClaims&) const = default;
};

/// A token split into its parts; the signature is not checked here.
struct ParsedToken {
  TokenClaims claims;
  Bytes signedBytes;
  Bytes signature;
};

/// Signs claims: Base32 (upper case, no padding) of claims ‖ Ed25519 signature.
std::string makeToken(const TokenClaims& claims, const SigningKey& key);

/// Accepts a bare token or a URL ending in /c/TOKEN, in any letter case. Returns nullopt for
/// anything that is not a well-formed version-1 token (bad Base32, wrong length, unknown
/// version or category, dates out of order).
std::optional<ParsedToken> parseToken(std::string_view tokenOrUrl);

/// The token part of a URL (or the text itself), upper-cased; "" when it has no /c/ path but
/// slashes elsewhere.
std::string tokenText(std::string_view tokenOrUrl);

/// `https://<host>/c/<TOKEN>` with scheme and host lower case.
std::string verificationUrl(std::string_view publicHost, std::string_view token);

}  // namespace tisheng::certificates
