#include "certificates/Token.h"

#include <cctype>

namespace tisheng::certificates {

namespace {

void putUint(Bytes& out, std::uint64_t value, int bytes) {
  for (int shift = (bytes - 1) * 8; shift >= 0; shift -= 8)
    out += static_cast<char>((value >> shift) & 0xff);
}

std::uint64_t getUint(std::string_view in, std::size_t offset, int bytes) {
  std::uint64_t value = 0;
  for (int i = 0; i < bytes; ++i)
    value = (value << 8) | static_cast<unsigned char>(in[offset + static_cast<std::size_t>(i)]);
  return value;
}

constexpr rules::Category kCategories[] = {rules::Category::Homestay, rules::Category::Restaurant,
                                           rules::Category::Product};

std::uint8_t categoryCode(rules::Category category) {
  for (std::uint8_t i = 0; i < 3; ++i)
    if (kCategories[i] == category) return static_cast<std::uint8_t>(i + 1);
  return 0;
}

}  // namespace

Bytes TokenClaims::encode() const {
  Bytes out;
  out.reserve(kSize);
  putUint(out, kVersion, 1);
  out.append(reinterpret_cast<const char*>(keyId.data()), keyId.size());
  putUint(out, certificateId, 4);
  putUint(out, categoryCode(category), 1);
  putUint(out, gradeRank, 1);
  putUint(out, static_cast<std::uint16_t>(issuedDay), 2);
  putUint(out, static_cast<std::uint16_t>(validUntilDay), 2);
  return out;
}

std::string makeToken(const TokenClaims& claims, const SigningKey& key) {
  Bytes body = claims.encode();
  return base32(body + key.sign(body));
}

std::string tokenText(std::string_view tokenOrUrl) {
  std::string_view text = tokenOrUrl;
  if (auto marker = text.rfind("/c/"); marker != std::string_view::npos)
    text = text.substr(marker + 3);
  else if (text.find('/') != std::string_view::npos)
    return "";
  while (!text.empty() &&
         (text.back() == '/' || std::isspace(static_cast<unsigned char>(text.back()))))
    text.remove_suffix(1);
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

std::optional<ParsedToken> parseToken(std::string_view tokenOrUrl) {
  auto bytes = fromBase32(tokenText(tokenOrUrl));
  if (!bytes || bytes->size() != TokenClaims::kSize + 64) return std::nullopt;
  const Bytes& raw = *bytes;
  if (getUint(raw, 0, 1) != TokenClaims::kVersion) return std::nullopt;
  std::uint64_t category = getUint(raw, 13, 1);
  if (category < 1 || category > 3) return std::nullopt;
  ParsedToken token;
  for (std::size_t i = 0; i < 8; ++i)
    token.claims.keyId[i] = static_cast<unsigned char>(raw[1 + i]);
  token.claims.certificateId = static_cast<std::uint32_t>(getUint(raw, 9, 4));
  token.claims.category = kCategories[category - 1];
  token.claims.gradeRank = static_cast<std::uint8_t>(getUint(raw, 14, 1));
  token.claims.issuedDay = static_cast<int>(getUint(raw, 15, 2));
  token.claims.validUntilDay = static_cast<int>(getUint(raw, 17, 2));
  if (token.claims.gradeRank == 0 || token.claims.validUntilDay < token.claims.issuedDay)
    return std::nullopt;
  token.signedBytes = raw.substr(0, TokenClaims::kSize);
  token.signature = raw.substr(TokenClaims::kSize);
  return token;
}

std::string verificationUrl(std::string_view publicHost, std::string_view token) {
  std::string host(publicHost);
  for (char& c : host) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return "https://" + host + "/c/" + std::string(token);
}

}  // namespace tisheng::certificates
