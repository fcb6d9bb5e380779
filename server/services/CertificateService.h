#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "certificates/KeyStore.h"
#include "certificates/Plaque.h"
#include "domain/Clock.h"
#include "domain/Registry.h"
#include "rules/StandardRegistry.h"
#include "security/Principal.h"
#include "services/Settings.h"
#include "storage/CertificateRows.h"
#include "storage/RegistryRepository.h"

namespace tisheng::services {

/// The answer to "is this plaque genuine, and is it valid now?" judged by the registry.
struct Verification {
  bool genuine = false;
  std::optional<domain::CertifiedEntry> found;  ///< set when genuine
  domain::CertificateStatus status = domain::CertificateStatus::Active;
  std::int64_t checkedAt = 0;
};

/// Issues certificates (signed tokens), verifies plaques online, and produces what offline
/// verifiers and printers need: the JWKS, the signed status list and plaque content.
/// Thread-safe; every collaborator must outlive it.
class CertificateService {
 public:
  CertificateService(storage::RegistryRepository& registry,
                     const rules::StandardRegistry& standards, const certificates::KeyStore& keys,
                     const domain::Clock& clock, Settings settings);

  /// Issues a certificate for entry at grade, judged by standard id+version, valid from
  /// issuedOn for the standard's validity. Throws NotFound for an unknown entry or
  /// standard, Invalid for a grade the standard lacks or a category mismatch, and
  /// Conflict when the signing key expires before the certificate would.
  domain::Certificate issue(std::int64_t entryId, const std::string& standardId,
                            int standardVersion, const std::string& gradeId, int issuedOn,
                            std::optional<int> lastInspectionOn, const std::string& actor);

  /// A certificate ready to store, checked as issue() checks it, signed by the current key:
  /// valid from issuedOn for the standard's validity unless validUntil is given.
  domain::Certificate draft(const domain::Entry& entry, const rules::Standard& standard,
                            const std::string& gradeId, int issuedOn, std::optional<int> validUntil,
                            std::optional<int> lastInspectionOn) const;
  /// Signs finished certificates of category with the key keyId (as a draft names it).
  storage::CertificateSigner signer(rules::Category category, const std::string& keyId) const;
  const Settings& settings() const { return settings_; }

  /// The registry's generation (storage::RegistryRepository::generation): read it before the
  /// data a cached page is made from.
  std::int64_t registryGeneration() const { return registry_.generation(); }
  std::int64_t now() const { return clock_.now(); }

  /// Genuine means the registry holds exactly this token; never throws for bad input.
  Verification verify(std::string_view tokenOrUrl) const;

  std::string verificationUrl(const domain::Certificate& certificate) const;
  /// The grade's title as the standard names it (the id if the standard is unknown).
  rules::LocalizedText gradeTitle(const domain::Certificate& certificate) const;
  /// Throws NotFound for an unknown serial.
  certificates::PlaqueContent plaque(std::string_view serial) const;
  domain::Certificate certificate(std::string_view serial) const;
  /// The entry a certificate belongs to; throws NotFound for an unknown serial.
  domain::Entry entryOf(std::string_view serial) const;
  /// The certificate whose plaque or QR code principal may print: the entry's offices and
  /// owner only (else Forbidden), and only while it is active today: a suspended,
  /// revoked, expired or replaced certificate gets no plaque (Conflict saying which).
  /// Throws NotFound for an unknown serial.
  domain::Certificate printable(const security::Principal& principal,
                                std::string_view serial) const;

  nlohmann::ordered_json jwks() const;
  /// The status list as of now, signed with the current key (JWS compact).
  std::string statusList() const;

 private:
  storage::RegistryRepository& registry_;
  const rules::StandardRegistry& standards_;
  const certificates::KeyStore& keys_;
  const domain::Clock& clock_;
  Settings settings_;
};

}  // namespace tisheng::services
