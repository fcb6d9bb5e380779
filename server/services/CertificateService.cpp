#include "services/CertificateService.h"

#include "certificates/CivilDate.h"
#include "certificates/Token.h"
#include "services/Errors.h"

namespace tisheng::services {

namespace {

using certificates::dayOf;
using domain::CertificateStatus;

/// A plausible token: the Base32 alphabet and the length of a version-1 token.
bool wellFormed(const std::string& token) {
  return token.size() == 133 &&
         token.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567") == std::string::npos;
}

}  // namespace

CertificateService::CertificateService(storage::RegistryRepository& registry,
                                       const rules::StandardRegistry& standards,
                                       const certificates::KeyStore& keys,
                                       const domain::Clock& clock, Settings settings)
    : registry_(registry),
      standards_(standards),
      keys_(keys),
      clock_(clock),
      settings_(std::move(settings)) {}

domain::Certificate CertificateService::issue(std::int64_t entryId, const std::string& standardId,
                                              int standardVersion, const std::string& gradeId,
                                              int issuedOn, std::optional<int> lastInspectionOn,
                                              const std::string& actor) {
  auto entry = registry_.entry(entryId);
  if (!entry) throw NotFound("no entry " + std::to_string(entryId));
  auto standard = standards_.find(standardId, standardVersion);
  if (!standard)
    throw NotFound("no standard '" + standardId + "' version " + std::to_string(standardVersion));
  domain::Certificate certificate =
      draft(*entry, *standard, gradeId, issuedOn, std::nullopt, lastInspectionOn);
  auto sign = signer(entry->category, certificate.keyId);
  return registry_.issue(std::move(certificate), settings_.programme.serialPrefix, sign,
                         {actor, clock_.now()});
}

domain::Certificate CertificateService::draft(const domain::Entry& entry,
                                              const rules::Standard& standard,
                                              const std::string& gradeId, int issuedOn,
                                              std::optional<int> validUntil,
                                              std::optional<int> lastInspectionOn) const {
  if (standard.category != entry.category)
    throw Invalid("standard", "standard '" + standard.id + "' is for " +
                                  std::string(rules::toString(standard.category)) +
                                  ", the entry is a " +
                                  std::string(rules::toString(entry.category)));
  const rules::Grade* grade = standard.findGrade(gradeId);
  if (!grade)
    throw Invalid("grade", "standard '" + standard.id + "' has no grade '" + gradeId + "'");

  const certificates::KeyRecord& key = keys_.signingKey(clock_.now());
  domain::Certificate certificate;
  certificate.entryId = entry.id;
  certificate.standardId = standard.id;
  certificate.standardVersion = standard.version;
  certificate.grade = gradeId;
  certificate.gradeRank = static_cast<int>(grade - standard.grades.data()) + 1;
  certificate.issuedOn = issuedOn;
  certificate.validUntil =
      validUntil.value_or(certificates::addMonths(issuedOn, standard.validityMonths) - 1);
  certificate.lastInspectionOn = lastInspectionOn;
  certificate.keyId = key.kid;
  if (certificate.validUntil > dayOf(key.expires))
    throw Conflict("the signing key expires on " + certificates::isoTime(key.expires) +
                   ", before the certificate would; run `tisheng keys rotate`");
  return certificate;
}

storage::CertificateSigner CertificateService::signer(rules::Category category,
                                                      const std::string& keyId) const {
  const certificates::SigningKey& signingKey = keys_.privateKey(keyId);
  certificates::KeyIdPrefix prefix{};
  for (const auto& key : keys_.keys())
    if (key.kid == keyId) prefix = key.prefix();
  return [prefix, &signingKey, category](const domain::Certificate& c) {
    certificates::TokenClaims claims;
    claims.keyId = prefix;
    claims.certificateId = static_cast<std::uint32_t>(c.id);
    claims.category = category;
    claims.gradeRank = static_cast<std::uint8_t>(c.gradeRank);
    claims.issuedDay = c.issuedOn;
    claims.validUntilDay = c.validUntil;
    return certificates::makeToken(claims, signingKey);
  };
}

Verification CertificateService::verify(std::string_view tokenOrUrl) const {
  Verification verification;
  verification.checkedAt = clock_.now();
  std::string token = certificates::tokenText(tokenOrUrl);
  if (!wellFormed(token)) return verification;
  verification.found = registry_.certifiedByToken(token);
  if (!verification.found) return verification;
  verification.genuine = true;
  verification.status = verification.found->certificate.effectiveStatus(
      settings_.programme.calendar.dayOf(verification.checkedAt));
  return verification;
}

std::string CertificateService::verificationUrl(const domain::Certificate& certificate) const {
  return certificates::verificationUrl(settings_.programme.publicHost, certificate.token);
}

rules::LocalizedText CertificateService::gradeTitle(const domain::Certificate& certificate) const {
  return standards_.gradeTitle(certificate.standardId, certificate.standardVersion,
                               certificate.grade);
}

domain::Certificate CertificateService::certificate(std::string_view serial) const {
  auto found = registry_.certificateBySerial(serial);
  if (!found) throw NotFound("no certificate " + std::string(serial));
  return *found;
}

domain::Entry CertificateService::entryOf(std::string_view serial) const {
  auto entry = registry_.entry(certificate(serial).entryId);
  if (!entry) throw NotFound("no entry for certificate " + std::string(serial));
  return *entry;
}

domain::Certificate CertificateService::printable(const security::Principal& principal,
                                                  std::string_view serial) const {
  domain::Certificate c = certificate(serial);
  domain::Entry entry = entryOf(serial);
  bool office = principal.isOffice() && principal.coversCounty(entry.countyCode);
  bool owner = principal.role == security::Role::Business && entry.ownerUserId == principal.userId;
  if (!office && !owner) throw Forbidden("only the entry's offices and owner may do this");
  auto status = c.effectiveStatus(settings_.programme.calendar.dayOf(clock_.now()));
  if (status != CertificateStatus::Active)
    throw Conflict("certificate " + c.serial + " is " +
                   std::string(certificates::toString(status)) + "; no plaque is printed for it");
  return c;
}

certificates::PlaqueContent CertificateService::plaque(std::string_view serial) const {
  domain::Certificate c = certificate(serial);
  domain::Entry entry = entryOf(serial);
  const domain::Programme& p = settings_.programme;
  auto category = domain::categoryTitle(entry.category);
  auto grade = gradeTitle(c);
  return {p.brandZh,          p.nameZh,
          category.zh,        category.en,
          entry.name.zh,      entry.name.en,
          grade.zh,           grade.en,
          c.serial,           certificates::isoDate(c.validUntil),
          p.issuerZh,         p.issuerEn,
          verificationUrl(c), p.publicHost};
}

nlohmann::ordered_json CertificateService::jwks() const {
  return certificates::toJwks(keys_.keys());
}

std::string CertificateService::statusList() const {
  std::int64_t now = clock_.now();
  certificates::StatusList list;
  list.issuer = settings_.programme.publicHost;
  list.asOf = now;
  list.ttlSeconds = settings_.statusListTtlSeconds;
  list.issuedUpTo = registry_.lastCertificateId();
  for (const auto& [id, status] :
       registry_.inactiveCertificates(settings_.programme.calendar.dayOf(now)))
    list.exceptions[id] = status;
  const certificates::KeyRecord& key = keys_.signingKey(now);
  return certificates::signStatusList(list, key, keys_.privateKey(key.kid));
}

}  // namespace tisheng::services
