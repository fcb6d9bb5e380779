#include <sys/stat.h>

#include <catch2/catch.hpp>

#include "certificates/CivilDate.h"
#include "certificates/KeyStore.h"
#include "certificates/OfflineVerifier.h"
#include "certificates/StatusList.h"
#include "support/TempDir.h"
#include "support/Tools.h"

using namespace tisheng::certificates;
using tisheng::test::TempDir;

namespace {
constexpr std::int64_t kNow = 1795000000;

TokenClaims claimsFor(const KeyRecord& key, std::uint32_t id) {
  TokenClaims claims;
  claims.keyId = key.prefix();
  claims.certificateId = id;
  claims.issuedDay = dayOf(kNow);
  claims.validUntilDay = dayOf(kNow) + 365;
  return claims;
}

unsigned permissions(const std::filesystem::path& file) {
  struct stat info {};
  stat(file.c_str(), &info);
  return info.st_mode & 0777;
}
}  // namespace

TEST_CASE("The key store makes its first key with private files readable by the owner only",
          "[unit]") {
  TempDir dir;
  auto store = KeyStore::open(dir.path() / "keys", kNow, 2190);
  REQUIRE(store.keys().size() == 1);
  const KeyRecord& key = store.signingKey(kNow);
  CHECK(key.expires == kNow + 2190LL * 86400);
  CHECK(permissions(dir.path() / "keys" / (key.kid + ".pem")) == 0600);
  CHECK(permissions(dir.path() / "keys") == 0700);

  auto reopened = KeyStore::open(dir.path() / "keys", kNow + 10, 2190);
  REQUIRE(reopened.keys().size() == 1);
  CHECK(reopened.signingKey(kNow).kid == key.kid);
  CHECK(reopened.privateKey(key.kid).publicKey() == key.publicKey);
}

TEST_CASE("Rotation signs with the new key and the old key still verifies", "[unit]") {
  TempDir dir;
  auto store = KeyStore::open(dir.path(), kNow, 2190);
  KeyRecord first = store.signingKey(kNow);
  std::string oldToken = makeToken(claimsFor(first, 1), store.privateKey(first.kid));
  KeyRecord second = store.rotate(kNow + 60, 2190);
  CHECK(store.signingKey(kNow + 120).kid == second.kid);
  CHECK(second.kid != first.kid);
  auto keys = KeyStore::open(dir.path(), kNow + 120, 2190).keys();
  CHECK(keys.size() == 2);
  CHECK(verifyOffline(oldToken, keys, kNow + 120).genuine);
}

TEST_CASE("Revoking a key makes its tokens fail offline", "[unit]") {
  TempDir dir;
  auto store = KeyStore::open(dir.path(), kNow, 2190);
  KeyRecord key = store.signingKey(kNow);
  std::string token = makeToken(claimsFor(key, 5), store.privateKey(key.kid));
  store.revoke(key.kid, kNow + 100);
  auto reopened = KeyStore::open(dir.path(), kNow + 200, 2190);
  CHECK(reopened.keys().size() == 2);  // a fresh usable key was made
  auto verdict = verifyOffline(token, reopened.keys(), kNow + 200);
  CHECK_FALSE(verdict.genuine);
  CHECK_THROWS(store.revoke("no-such-key", kNow));
}

TEST_CASE("The JWKS round-trips and rejects a kid that is not the thumbprint", "[unit]") {
  TempDir dir;
  auto store = KeyStore::open(dir.path(), kNow, 2190);
  auto jwks = toJwks(store.keys());
  CHECK(jwks["keys"][0]["kty"] == "OKP");
  CHECK(jwks["keys"][0]["crv"] == "Ed25519");
  CHECK(jwks["keys"][0]["nbf"] == kNow);
  auto keys = fromJwks(jwks);
  REQUIRE(keys.size() == 1);
  CHECK(keys[0].publicKey == store.keys()[0].publicKey);
  jwks["keys"][0]["kid"] = "forged";
  CHECK_THROWS_WITH(fromJwks(jwks), Catch::Contains("thumbprint"));
}

TEST_CASE("The openssl command line verifies a token signature from the published JWK alone",
          "[unit]") {
  TempDir dir;
  auto store = KeyStore::open(dir.path() / "keys", kNow, 2190);
  KeyRecord key = store.signingKey(kNow);
  std::string token = makeToken(claimsFor(key, 42), store.privateKey(key.kid));
  // Only the JWK travels: rebuild the public key from its "x".
  auto jwk = toJwks(store.keys())["keys"][0];
  auto x = fromBase64url(jwk["x"].get<std::string>());
  PublicKey fromJwk{};
  std::copy(x->begin(), x->end(), fromJwk.begin());
  Bytes raw = *fromBase32(token);
  auto pub = tisheng::test::writeFile(dir.path() / "pub.pem", publicKeyPem(fromJwk));
  auto data = tisheng::test::writeFile(dir.path() / "claims.bin", raw.substr(0, 19));
  auto sig = tisheng::test::writeFile(dir.path() / "sig.bin", raw.substr(19));
  std::string command = "openssl pkeyutl -verify -pubin -inkey " + pub.string() + " -rawin -in " +
                        data.string() + " -sigfile " + sig.string() + " 2>&1";
  int exitCode = -1;
  std::string out = tisheng::test::shell(command, &exitCode);
  CHECK(exitCode == 0);
  CHECK(out.find("Signature Verified Successfully") != std::string::npos);

  Bytes tampered = raw.substr(0, 19);
  tampered[12] = static_cast<char>(tampered[12] ^ 1);  // another certificate id
  tisheng::test::writeFile(data, tampered);
  tisheng::test::shell(command, &exitCode);
  CHECK(exitCode != 0);
}

TEST_CASE("A signed status list opens with the keys and detects tampering and staleness",
          "[unit]") {
  TempDir dir;
  auto store = KeyStore::open(dir.path(), kNow, 2190);
  const KeyRecord& key = store.signingKey(kNow);
  StatusList list;
  list.issuer = "v.example.cn";
  list.asOf = kNow;
  list.ttlSeconds = 3600;
  list.issuedUpTo = 10;
  list.exceptions = {{3, CertificateStatus::Suspended}, {4, CertificateStatus::Revoked}};
  std::string jws = signStatusList(list, key, store.privateKey(key.kid));
  auto opened = openStatusList(jws, store.keys());
  CHECK(opened.statusOf(1) == CertificateStatus::Active);
  CHECK(opened.statusOf(3) == CertificateStatus::Suspended);
  CHECK(opened.statusOf(4) == CertificateStatus::Revoked);
  CHECK_FALSE(opened.statusOf(11));
  CHECK_FALSE(opened.staleAt(kNow + 3600));
  CHECK(opened.staleAt(kNow + 3601));

  std::string tampered = jws;
  tampered[jws.find('.') + 5] = tampered[jws.find('.') + 5] == 'A' ? 'B' : 'A';
  CHECK_THROWS(openStatusList(tampered, store.keys()));

  OfflineVerdict verdict;
  verdict.genuine = true;
  verdict.claims = TokenClaims{};
  verdict.claims->certificateId = 4;
  applyStatusList(verdict, opened, kNow + 10);
  CHECK(verdict.status == CertificateStatus::Revoked);
  OfflineVerdict stale = verdict;
  stale.status.reset();
  applyStatusList(stale, opened, kNow + 7200);
  CHECK_FALSE(stale.status);
  CHECK(stale.statusNote.find("stale") != std::string::npos);
}
