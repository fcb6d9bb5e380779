#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "domain/Registry.h"
#include "storage/AuditLog.h"

namespace tisheng::storage {

/// The registry of entries and certificates. Implementations are thread-safe; every method is
/// one transaction, and every change writes its audit record in that same transaction.
/// Lookups return nullopt when nothing matches.
class RegistryRepository {
 public:
  virtual ~RegistryRepository() = default;

  /// Throws StorageError (a constraint) when the code exists.
  virtual void addCounty(const std::string& code, const rules::LocalizedText& name,
                         const Stamp& stamp) = 0;
  /// False when no county has the code.
  virtual bool renameCounty(const std::string& code, const rules::LocalizedText& name,
                            const Stamp& stamp) = 0;
  /// Every county, by code.
  virtual std::vector<domain::County> counties() = 0;
  /// Stores a new entry and returns its id (entry.id is ignored).
  virtual std::int64_t addEntry(const domain::Entry& entry, const Stamp& stamp) = 0;
  virtual std::optional<domain::Entry> entry(std::int64_t id) = 0;
  /// Replaces the editable fields of entry.id (not photo); false when it does not exist.
  virtual bool updateEntry(const domain::Entry& entry, const Stamp& stamp) = 0;
  /// Entries, by id, optionally of one county, category or owner.
  virtual std::vector<domain::Entry> entries(const std::optional<std::string>& county,
                                             const std::optional<rules::Category>& category,
                                             const std::optional<std::int64_t>& owner) = 0;
  /// Points the entry's photo at a stored file (relative to the media folder).
  virtual void setPhoto(std::int64_t entryId, const std::string& path, const Stamp& stamp) = 0;
  /// Sets (or with nullopt removes) the entry's public reply, dated stamp.at.
  virtual void setReply(std::int64_t entryId, const std::optional<std::string>& reply,
                        const Stamp& stamp) = 0;

  /// Takes a certificate without id, serial and token (its status is set to active), assigns the
  /// next id and the serial `{prefix}-{code}-{year}-{seq:06}` (sequence per category
  /// and year of issue), asks sign for the token of the finished certificate, and stores it.
  /// Nothing is stored when sign throws.
  virtual domain::Certificate issue(
      domain::Certificate draft, const std::string& serialPrefix,
      const std::function<std::string(const domain::Certificate&)>& sign, const Stamp& stamp) = 0;
  virtual std::optional<domain::Certificate> certificateBySerial(std::string_view serial) = 0;
  /// The certificate carrying exactly this (upper-case) token, with its entry.
  virtual std::optional<domain::CertifiedEntry> certifiedByToken(std::string_view token) = 0;
  /// Changes a certificate's stored status from stamp.at on; false when the serial is unknown.
  virtual bool setStatus(std::string_view serial, domain::CertificateStatus status,
                         const std::optional<std::string>& reason, const Stamp& stamp) = 0;

  /// The registry's generation: advanced in the same transaction as every change a plaque's page
  /// shows (a certificate issued or its status, its entry, the entry's county). Read from memory:
  /// a commit made through this repository's storage shows at once, one made by another process
  /// within SqlRegistryRepository::kGenerationInterval.
  virtual std::int64_t generation() = 0;
  /// The highest certificate id issued (0 when none).
  virtual std::uint32_t lastCertificateId() = 0;
  /// Every certificate whose effective status on `today` is not active.
  virtual std::vector<std::pair<std::uint32_t, domain::CertificateStatus>> inactiveCertificates(
      int today) = 0;
};

}  // namespace tisheng::storage
