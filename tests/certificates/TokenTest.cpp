#include <catch2/catch.hpp>

#include "certificates/CivilDate.h"
#include "certificates/Crypto.h"
#include "certificates/Keys.h"
#include "certificates/OfflineVerifier.h"
#include "certificates/Token.h"

using namespace tisheng::certificates;

namespace {

constexpr std::int64_t kNow = 1795000000;  // 2026-11-18T11:06:40Z

struct Signer {
  SigningKey key = SigningKey::generate();
  KeyRecord record;
  Signer(std::int64_t notBefore = kNow - 86400, std::int64_t expires = kNow + 3650LL * 86400) {
    record.publicKey = key.publicKey();
    record.kid = jwkThumbprint(record.publicKey);
    record.notBefore = notBefore;
    record.expires = expires;
  }
  TokenClaims claims(std::uint32_t id = 123, int validDays = 1095) const {
    TokenClaims c;
    c.keyId = record.prefix();
    c.certificateId = id;
    c.category = tisheng::rules::Category::Restaurant;
    c.gradeRank = 2;
    c.issuedDay = dayOf(kNow);
    c.validUntilDay = dayOf(kNow) + validDays;
    return c;
  }
};

}  // namespace

TEST_CASE("Base32 follows RFC 4648 without padding and reads lower case", "[unit]") {
  CHECK(base32("foobar") == "MZXW6YTBOI");
  CHECK(base32("f") == "MY");
  CHECK(fromBase32("MZXW6YTBOI") == "foobar");
  CHECK(fromBase32("mzxw6ytboi") == "foobar");
  CHECK_FALSE(fromBase32("MZXW6YTBO1"));  // 1 is not in the alphabet
  CHECK_FALSE(fromBase32("MZX"));         // no byte string has this length
  CHECK_FALSE(fromBase32("MZ="));
}

TEST_CASE("base64url round-trips without padding", "[unit]") {
  std::string bytes("\xfb\xff\x00\x01", 4);
  CHECK(base64url(bytes) == "-_8AAQ");
  CHECK(fromBase64url("-_8AAQ") == bytes);
  CHECK_FALSE(fromBase64url("a+b/"));
}

TEST_CASE("The JWK thumbprint matches RFC 8037's Ed25519 example", "[unit]") {
  auto x = fromBase64url("11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo");
  REQUIRE(x);
  PublicKey key{};
  std::copy(x->begin(), x->end(), key.begin());
  CHECK(jwkThumbprint(key) == "kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k");
}

TEST_CASE("A token round-trips and its URL has lower-case scheme and host", "[unit]") {
  Signer signer;
  auto claims = signer.claims();
  std::string token = makeToken(claims, signer.key);
  CHECK(token.size() == 133);  // Base32 of 19 + 64 bytes
  CHECK(token.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567") == std::string::npos);
  std::string url = verificationUrl("V.Example.CN", token);
  CHECK(url == "https://v.example.cn/c/" + token);
  auto parsed = parseToken(url);
  REQUIRE(parsed);
  CHECK(parsed->claims == claims);
  CHECK(parseToken(token)->claims == claims);
  std::string lower = url;
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  CHECK(parseToken(lower)->claims == claims);
}

TEST_CASE("Offline verification accepts a genuine token", "[unit]") {
  Signer signer;
  auto verdict = verifyOffline(makeToken(signer.claims(), signer.key), {signer.record}, kNow);
  CHECK(verdict.genuine);
  CHECK_FALSE(verdict.expired);
  CHECK(verdict.claims->certificateId == 123);
  CHECK(verdict.key->kid == signer.record.kid);
}

TEST_CASE("Flipping any single bit of a token makes it not genuine", "[unit]") {
  Signer signer;
  std::string token = makeToken(signer.claims(), signer.key);
  Bytes raw = *fromBase32(token);
  for (std::size_t byte = 0; byte < raw.size(); ++byte)
    for (int bit = 0; bit < 8; ++bit) {
      Bytes altered = raw;
      altered[byte] = static_cast<char>(altered[byte] ^ (1 << bit));
      CAPTURE(byte, bit);
      CHECK_FALSE(verifyOffline(base32(altered), {signer.record}, kNow).genuine);
    }
}

TEST_CASE("Changing any single character of a token makes it not genuine", "[unit]") {
  Signer signer;
  std::string token = makeToken(signer.claims(), signer.key);
  for (std::size_t i = 0; i < token.size(); ++i) {
    std::string altered = token;
    altered[i] = altered[i] == 'A' ? 'B' : 'A';
    CAPTURE(i);
    CHECK_FALSE(verifyOffline(altered, {signer.record}, kNow).genuine);
  }
  CHECK_FALSE(verifyOffline(token.substr(1), {signer.record}, kNow).genuine);
  CHECK_FALSE(verifyOffline(token + "A", {signer.record}, kNow).genuine);
  CHECK_FALSE(verifyOffline("", {signer.record}, kNow).genuine);
  CHECK_FALSE(verifyOffline("https://v.example.cn/c/%00", {signer.record}, kNow).genuine);
}

TEST_CASE("Offline verification judges the signing key", "[unit]") {
  Signer signer;
  std::string token = makeToken(signer.claims(), signer.key);
  SECTION("unknown key") {
    Signer other;
    auto verdict = verifyOffline(token, {other.record}, kNow);
    CHECK_FALSE(verdict.genuine);
    CHECK(verdict.reason == "signed by an unknown key");
  }
  SECTION("revoked key") {
    KeyRecord revoked = signer.record;
    revoked.revokedAt = kNow;
    auto verdict = verifyOffline(token, {revoked}, kNow + 10);
    CHECK_FALSE(verdict.genuine);
    CHECK(verdict.reason.rfind("the signing key was revoked", 0) == 0);
  }
  SECTION("retired but unexpired key still verifies") {
    Signer newer(kNow, kNow + 3650LL * 86400);
    CHECK(verifyOffline(token, {signer.record, newer.record}, kNow + 86400).genuine);
  }
  SECTION("validity beyond the key's expiry") {
    Signer shortLived(kNow - 86400, kNow + 30 * 86400);
    auto verdict = verifyOffline(makeToken(shortLived.claims(123, 365), shortLived.key),
                                 {shortLived.record}, kNow);
    CHECK_FALSE(verdict.genuine);
    CHECK(verdict.reason == "valid beyond the signing key's expiry");
  }
  SECTION("issued before the key existed") {
    Signer future(kNow + 10 * 86400, kNow + 3650LL * 86400);
    auto verdict = verifyOffline(makeToken(future.claims(), future.key), {future.record}, kNow);
    CHECK_FALSE(verdict.genuine);
    CHECK(verdict.reason == "issued outside the signing key's validity");
  }
}

TEST_CASE("A token past its valid-until date is genuine but expired", "[unit]") {
  Signer signer;
  std::string token = makeToken(signer.claims(7, 30), signer.key);
  CHECK_FALSE(verifyOffline(token, {signer.record}, kNow + 30 * 86400).expired);
  auto later = verifyOffline(token, {signer.record}, kNow + 31 * 86400 + 86400);
  CHECK(later.genuine);
  CHECK(later.expired);
}

TEST_CASE("Civil dates convert both ways and add months at month ends", "[unit]") {
  CHECK(isoDate(0) == "1970-01-01");
  CHECK(parseIsoDate("2026-11-25") == 20782);
  CHECK(isoDate(20782) == "2026-11-25");
  CHECK_FALSE(parseIsoDate("2026-02-30"));
  CHECK_FALSE(parseIsoDate("2026-1-01"));
  CHECK(isoDate(addMonths(*parseIsoDate("2026-01-31"), 1)) == "2026-02-28");
  CHECK(isoDate(addMonths(*parseIsoDate("2026-11-25"), 36)) == "2029-11-25");
  CHECK(isoTime(1795000000) == "2026-11-18T11:06:40Z");
  CHECK(yearOf(20782) == 2026);
}
