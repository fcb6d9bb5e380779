#pragma once

#include "storage/Database.h"
#include "storage/GenerationWatch.h"
#include "storage/RegistryRepository.h"

namespace tisheng::storage {

/// RegistryRepository on an SQL database (SQLite or PostgreSQL). Borrows connections from the pool,
/// which must outlive it.
class SqlRegistryRepository : public RegistryRepository {
 public:
  /// How long a commit made by another process may take to reach generation().
  static constexpr std::chrono::milliseconds kGenerationInterval{20};

  explicit SqlRegistryRepository(ConnectionPool& pool)
      : pool_(pool), generation_(pool, kGenerationInterval) {}

  bool renameCounty(const std::string& code, const rules::LocalizedText& name,
                    const Stamp& stamp) override;
  std::vector<domain::County> counties() override;
  void addCounty(const std::string& code, const rules::LocalizedText& name,
                 const Stamp& stamp) override;
  std::int64_t addEntry(const domain::Entry& entry, const Stamp& stamp) override;
  std::optional<domain::Entry> entry(std::int64_t id) override;
  bool updateEntry(const domain::Entry& entry, const Stamp& stamp) override;
  std::vector<domain::Entry> entries(const std::optional<std::string>& county,
                                     const std::optional<rules::Category>& category,
                                     const std::optional<std::int64_t>& owner) override;
  void setPhoto(std::int64_t entryId, const std::string& path, const Stamp& stamp) override;
  void setReply(std::int64_t entryId, const std::optional<std::string>& reply,
                const Stamp& stamp) override;
  domain::Certificate issue(domain::Certificate draft, const std::string& serialPrefix,
                            const std::function<std::string(const domain::Certificate&)>& sign,
                            const Stamp& stamp) override;
  std::optional<domain::Certificate> certificateBySerial(std::string_view serial) override;
  std::optional<domain::CertifiedEntry> certifiedByToken(std::string_view token) override;
  bool setStatus(std::string_view serial, domain::CertificateStatus status,
                 const std::optional<std::string>& reason, const Stamp& stamp) override;
  std::uint32_t lastCertificateId() override;
  std::int64_t generation() override;
  std::vector<std::pair<std::uint32_t, domain::CertificateStatus>> inactiveCertificates(
      int today) override;

 private:
  /// Sets one text column of an entry (and updated_at, and timeColumn unless empty, to
  /// stamp.at), audited as "entry.<field>".
  /// column and timeColumn are fixed names from this class, never user input.
  void setEntryText(std::int64_t entryId, const std::string& column, const std::string& timeColumn,
                    const std::string& field, const std::optional<std::string>& value,
                    const Stamp& stamp);

  ConnectionPool& pool_;
  GenerationWatch generation_;
};

}  // namespace tisheng::storage
