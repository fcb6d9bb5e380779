#include "storage/SqlRecords.h"

#include "certificates/CivilDate.h"
#include "domain/WorkflowJson.h"
#include "storage/UserRows.h"
#include "storage/WorkflowRows.h"

namespace tisheng::storage {

namespace {

using Json = nlohmann::ordered_json;
using certificates::isoDate;
using namespace domain;

class SqlEntryRecords : public EntryRecords, SqlRecords {
 public:
  using SqlRecords::SqlRecords;

  std::optional<Entry> entry(std::int64_t id) override {
    auto row = db_.prepare("SELECT " + kEntryColumns + kEntriesWithCounty + " WHERE e.id = ?");
    row.bind(1, id);
    return readOne<Entry>(row, [](const Statement& r) { return readEntry(r); });
  }
};

class SqlCertificateRecords : public CertificateRecords, SqlRecords {
 public:
  using SqlRecords::SqlRecords;

  std::optional<Certificate> certificate(std::int64_t id) override {
    auto row = db_.prepare("SELECT " + kCertificateColumns + " FROM certificates c WHERE c.id = ?");
    row.bind(1, id);
    return readOne<Certificate>(row, [](const Statement& r) { return readCertificate(r); });
  }

  std::optional<Certificate> certificateBySerial(const std::string& serial) override {
    auto row =
        db_.prepare("SELECT " + kCertificateColumns + " FROM certificates c WHERE c.serial = ?");
    row.bind(1, serial);
    return readOne<Certificate>(row, [](const Statement& r) { return readCertificate(r); });
  }

  /// The newest certificate that Certificate::isCurrent() accepts.
  std::optional<Certificate> currentCertificate(std::int64_t entryId) override {
    auto row = db_.prepare("SELECT " + kCertificateColumns +
                           " FROM certificates c WHERE c.entry_id = ? AND c.status IN "
                           "('active', 'suspended') ORDER BY c.id DESC LIMIT 1");
    row.bind(1, entryId);
    return readOne<Certificate>(row, [](const Statement& r) { return readCertificate(r); });
  }

  std::vector<Certificate> certificatesOf(std::int64_t entryId) override {
    auto row = db_.prepare("SELECT " + kCertificateColumns +
                           " FROM certificates c WHERE c.entry_id = ? ORDER BY c.id");
    row.bind(1, entryId);
    return readAll<Certificate>(row, [](const Statement& r) { return readCertificate(r); });
  }

  Certificate issueCertificate(Certificate draft, const std::string& serialPrefix,
                               const CertificateSigner& sign, const Stamp& stamp) override {
    return insertCertificate(db_, std::move(draft), serialPrefix, sign, stamp);
  }

  void setCertificateStatus(const std::string& serial, CertificateStatus status,
                            const std::optional<std::string>& reason, const Stamp& stamp) override {
    if (!updateCertificateStatus(db_, serial, status, reason, stamp))
      throw ConstraintError("no certificate " + serial);
  }

  void setLastInspection(std::int64_t certificateId, int day, const Stamp& stamp) override {
    auto current = certificate(certificateId);
    if (!current) throw ConstraintError("no certificate " + std::to_string(certificateId));
    db_.prepare("UPDATE certificates SET last_inspection_on = ? WHERE id = ?")
        .bind(1, isoDate(day))
        .bind(2, certificateId)
        .run();
    touchEntry(db_, current->entryId, stamp.at);
    audit(stamp, "certificate.last_inspection", "certificate:" + current->serial,
          Json{{"last_inspection_on", nullable(optionalIsoDate(current->lastInspectionOn))}},
          Json{{"last_inspection_on", isoDate(day)}});
  }

  std::vector<CertifiedEntry> certifiedEntries(int today) override {
    auto row = db_.prepare("SELECT " + kCertificateColumns + ", " + kEntryColumns +
                           " FROM certificates c JOIN entries e ON e.id = c.entry_id"
                           " JOIN counties k ON k.code = e.county_code"
                           " WHERE c.status = 'active' AND c.valid_until >= ? ORDER BY e.id");
    row.bind(1, isoDate(today));
    return readAll<CertifiedEntry>(row, [](const Statement& r) {
      return CertifiedEntry{readCertificate(r), readEntry(r, kCertificateColumnCount)};
    });
  }

  std::vector<Certificate> activePastValidity(int today) override {
    auto row = db_.prepare("SELECT " + kCertificateColumns +
                           " FROM certificates c WHERE c.status = 'active' AND c.valid_until < ? "
                           "ORDER BY c.id");
    row.bind(1, isoDate(today));
    return readAll<Certificate>(row, [](const Statement& r) { return readCertificate(r); });
  }

  std::vector<Certificate> activeWithoutOpenInspection() override {
    auto row = db_.prepare(
        "SELECT " + kCertificateColumns +
        " FROM certificates c WHERE c.status = 'active' AND NOT EXISTS (SELECT 1 FROM "
        "inspections i WHERE i.entry_id = c.entry_id AND i.status IN ('scheduled', 'submitted')) "
        "ORDER BY c.id");
    return readAll<Certificate>(row, [](const Statement& r) { return readCertificate(r); });
  }
};

class SqlAccountRecords : public AccountRecords, SqlRecords {
 public:
  using SqlRecords::SqlRecords;

  /// Without its password hash.
  std::optional<User> account(const std::string& username) override {
    auto row =
        db_.prepare("SELECT " + kUserColumns + " FROM users u WHERE lower(u.username) = lower(?)");
    row.bind(1, username);
    auto user = readOne<User>(row, [](const Statement& r) { return readUser(r); });
    if (user) user->passwordHash.clear();
    return user;
  }
};

}  // namespace

std::unique_ptr<EntryRecords> sqlEntryRecords(Connection& db) {
  return std::make_unique<SqlEntryRecords>(db);
}

std::unique_ptr<CertificateRecords> sqlCertificateRecords(Connection& db) {
  return std::make_unique<SqlCertificateRecords>(db);
}

std::unique_ptr<AccountRecords> sqlAccountRecords(Connection& db) {
  return std::make_unique<SqlAccountRecords>(db);
}

}  // namespace tisheng::storage
