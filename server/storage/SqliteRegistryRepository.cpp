#include "storage/SqliteRegistryRepository.h"

#include <cstdio>

#include "certificates/CivilDate.h"
#include "certificates/Crypto.h"

namespace tisheng::storage {

namespace {

using Json = nlohmann::ordered_json;
using certificates::isoDate;
using certificates::parseIsoDate;
using domain::Certificate;

const std::string kCertificateColumns =
    "c.id, c.serial, c.entry_id, c.standard_id, c.standard_version, c.grade, c.grade_rank, "
    "c.issued_on, c.valid_until, c.status, c.status_reason, c.status_since, "
    "c.last_inspection_on, c.key_id, c.token";
constexpr int kCertificateColumnCount = 15;

const std::string kEntryColumns =
    "e.id, e.category, e.name_zh, e.name_en, e.county_code, k.name_zh, k.name_en, e.address_zh, "
    "e.address_en, e.latitude, e.longitude, e.photo_path, e.owner_user_id, e.contact, "
    "e.description_zh, e.description_en, e.producer, e.origin, e.specification, e.public_reply, "
    "e.public_reply_at";

Certificate readCertificate(const Statement& row) {
  Certificate c;
  c.id = row.integer(0);
  c.serial = row.text(1);
  c.entryId = row.integer(2);
  c.standardId = row.text(3);
  c.standardVersion = static_cast<int>(row.integer(4));
  c.grade = row.text(5);
  c.gradeRank = static_cast<int>(row.integer(6));
  c.issuedOn = parseIsoDate(row.text(7)).value_or(0);
  c.validUntil = parseIsoDate(row.text(8)).value_or(0);
  c.status = certificates::certificateStatusFromString(row.text(9))
                 .value_or(certificates::CertificateStatus::Revoked);
  c.statusReason = row.optionalText(10);
  c.statusSince = row.optionalInteger(11);
  if (auto day = row.optionalText(12)) c.lastInspectionOn = parseIsoDate(*day);
  c.keyId = row.text(13);
  c.token = row.text(14);
  return c;
}

domain::Entry readEntry(const Statement& row, int first) {
  domain::Entry e;
  e.id = row.integer(first);
  e.category = rules::categoryFromString(row.text(first + 1)).value_or(rules::Category::Homestay);
  e.name = {row.text(first + 2), row.text(first + 3)};
  e.countyCode = row.text(first + 4);
  e.countyName = {row.text(first + 5), row.text(first + 6)};
  e.address = {row.text(first + 7), row.text(first + 8)};
  if (!row.isNull(first + 9)) e.latitude = row.real(first + 9);
  if (!row.isNull(first + 10)) e.longitude = row.real(first + 10);
  e.photoPath = row.optionalText(first + 11);
  e.ownerUserId = row.optionalInteger(first + 12);
  e.contact = row.text(first + 13);
  e.description = {row.text(first + 14), row.text(first + 15)};
  e.producer = row.optionalText(first + 16);
  e.origin = row.optionalText(first + 17);
  e.specification = row.optionalText(first + 18);
  e.reply = row.optionalText(first + 19);
  e.replyAt = row.optionalInteger(first + 20);
  return e;
}

/// What the audit trail records of an entry.
std::string auditJson(const domain::Entry& e) {
  auto optional = [](const auto& value) { return value ? Json(*value) : Json(); };
  return Json{{"category", rules::toString(e.category)},
              {"name", {{"zh", e.name.zh}, {"en", e.name.en}}},
              {"county", e.countyCode},
              {"address", {{"zh", e.address.zh}, {"en", e.address.en}}},
              {"latitude", optional(e.latitude)},
              {"longitude", optional(e.longitude)},
              {"owner_user_id", optional(e.ownerUserId)},
              {"contact", e.contact},
              {"description", {{"zh", e.description.zh}, {"en", e.description.en}}},
              {"producer", optional(e.producer)},
              {"origin", optional(e.origin)},
              {"specification", optional(e.specification)}}
      .dump();
}

/// Binds the editable entry fields to parameters 1..16 in the order of kEntryFields.
void bindEntry(Statement& statement, const domain::Entry& e) {
  statement.bind(1, rules::toString(e.category))
      .bind(2, e.name.zh)
      .bind(3, e.name.en)
      .bind(4, e.countyCode)
      .bind(5, e.address.zh)
      .bind(6, e.address.en)
      .bind(7, e.latitude)
      .bind(8, e.longitude)
      .bind(9, e.ownerUserId)
      .bind(10, e.contact)
      .bind(11, e.description.zh)
      .bind(12, e.description.en)
      .bind(13, e.producer)
      .bind(14, e.origin)
      .bind(15, e.specification);
}

std::optional<std::string> optionalDate(const std::optional<int>& day) {
  if (!day) return std::nullopt;
  return isoDate(*day);
}

}  // namespace

void SqliteRegistryRepository::addCounty(const std::string& code, const rules::LocalizedText& name,
                                         const Stamp& stamp) {
  auto db = pool_.acquire();
  Transaction transaction(*db);
  db->prepare("INSERT INTO counties (code, name_zh, name_en) VALUES (?, ?, ?)")
      .bind(1, code)
      .bind(2, name.zh)
      .bind(3, name.en)
      .run();
  appendAudit(*db, stamp,
              {"county.create", "county:" + code, std::nullopt,
               Json{{"code", code}, {"name", {{"zh", name.zh}, {"en", name.en}}}}.dump()});
  transaction.commit();
}

std::int64_t SqliteRegistryRepository::addEntry(const domain::Entry& e, const Stamp& stamp) {
  auto db = pool_.acquire();
  Transaction transaction(*db);
  auto insert = db->prepare(
      "INSERT INTO entries (category, name_zh, name_en, county_code, address_zh, address_en, "
      "latitude, longitude, owner_user_id, contact, description_zh, description_en, producer, "
      "origin, specification, photo_path, created_at, updated_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  bindEntry(insert, e);
  insert.bind(16, e.photoPath).bind(17, stamp.at).bind(18, stamp.at).run();
  std::int64_t id = db->lastInsertId();
  appendAudit(*db, stamp,
              {"entry.create", "entry:" + std::to_string(id), std::nullopt, auditJson(e)});
  transaction.commit();
  return id;
}

std::optional<domain::Entry> SqliteRegistryRepository::entry(std::int64_t id) {
  auto db = pool_.acquire();
  auto row =
      db->prepare("SELECT " + kEntryColumns +
                  " FROM entries e JOIN counties k ON k.code = e.county_code WHERE e.id = ?");
  row.bind(1, id);
  if (!row.step()) return std::nullopt;
  return readEntry(row, 0);
}

bool SqliteRegistryRepository::updateEntry(const domain::Entry& e, const Stamp& stamp) {
  auto db = pool_.acquire();
  Transaction transaction(*db);
  auto current =
      db->prepare("SELECT " + kEntryColumns +
                  " FROM entries e JOIN counties k ON k.code = e.county_code WHERE e.id = ?");
  current.bind(1, e.id);
  if (!current.step()) return false;
  std::string before = auditJson(readEntry(current, 0));
  auto update = db->prepare(
      "UPDATE entries SET category = ?, name_zh = ?, name_en = ?, county_code = ?, address_zh = ?, "
      "address_en = ?, latitude = ?, longitude = ?, owner_user_id = ?, contact = ?, "
      "description_zh = ?, description_en = ?, producer = ?, origin = ?, specification = ?, "
      "updated_at = ? WHERE id = ?");
  bindEntry(update, e);
  update.bind(16, stamp.at).bind(17, e.id).run();
  appendAudit(*db, stamp, {"entry.update", "entry:" + std::to_string(e.id), before, auditJson(e)});
  transaction.commit();
  return true;
}

std::vector<domain::Entry> SqliteRegistryRepository::entries(
    const std::optional<std::string>& county, const std::optional<rules::Category>& category,
    const std::optional<std::int64_t>& owner) {
  auto db = pool_.acquire();
  auto row =
      db->prepare("SELECT " + kEntryColumns +
                  " FROM entries e JOIN counties k ON k.code = e.county_code"
                  " WHERE (?1 IS NULL OR e.county_code = ?1) AND (?2 IS NULL OR e.category = ?2)"
                  " AND (?3 IS NULL OR e.owner_user_id = ?3) ORDER BY e.id");
  row.bind(1, county);
  if (category)
    row.bind(2, rules::toString(*category));
  else
    row.bindNull(2);
  row.bind(3, owner);
  std::vector<domain::Entry> out;
  while (row.step()) out.push_back(readEntry(row, 0));
  return out;
}

void SqliteRegistryRepository::setReply(std::int64_t entryId,
                                        const std::optional<std::string>& reply,
                                        const Stamp& stamp) {
  setEntryText(entryId, "public_reply", "public_reply_at", "reply", reply, stamp);
}

void SqliteRegistryRepository::setPhoto(std::int64_t entryId, const std::string& path,
                                        const Stamp& stamp) {
  setEntryText(entryId, "photo_path", "updated_at", "photo", path, stamp);
}

void SqliteRegistryRepository::setEntryText(std::int64_t entryId, const std::string& column,
                                            const std::string& timeColumn, const std::string& field,
                                            const std::optional<std::string>& value,
                                            const Stamp& stamp) {
  auto db = pool_.acquire();
  Transaction transaction(*db);
  auto current = db->prepare("SELECT " + column + " FROM entries WHERE id = ?");
  current.bind(1, entryId);
  if (!current.step()) throw ConstraintError("no entry " + std::to_string(entryId));
  auto before = current.optionalText(0);
  db->prepare("UPDATE entries SET " + column + " = ?, " + timeColumn + " = ? WHERE id = ?")
      .bind(1, value)
      .bind(2, stamp.at)
      .bind(3, entryId)
      .run();
  auto fieldJson = [&](const std::optional<std::string>& text) {
    return Json{{field, text ? Json(*text) : Json()}}.dump();
  };
  appendAudit(
      *db, stamp,
      {"entry." + field, "entry:" + std::to_string(entryId), fieldJson(before), fieldJson(value)});
  transaction.commit();
}

Certificate SqliteRegistryRepository::issue(
    Certificate c, const std::string& serialPrefix,
    const std::function<std::string(const Certificate&)>& sign, const Stamp& stamp) {
  auto db = pool_.acquire();
  Transaction transaction(*db);
  auto entryRow = db->prepare("SELECT category FROM entries WHERE id = ?");
  entryRow.bind(1, c.entryId);
  if (!entryRow.step()) throw ConstraintError("no entry " + std::to_string(c.entryId));
  std::string category = entryRow.text(0);
  int year = certificates::yearOf(c.issuedOn);

  db->prepare(
        "INSERT INTO serial_counters (category, year, last) VALUES (?, ?, 1) "
        "ON CONFLICT (category, year) DO UPDATE SET last = last + 1")
      .bind(1, category)
      .bind(2, year)
      .run();
  auto counter = db->prepare("SELECT last FROM serial_counters WHERE category = ? AND year = ?");
  counter.bind(1, category).bind(2, year).step();
  auto nextId = db->prepare("SELECT COALESCE(MAX(id), 0) + 1 FROM certificates");
  nextId.step();

  c.id = nextId.integer(0);
  c.status = domain::CertificateStatus::Active;
  c.statusReason.reset();
  char serial[64];
  std::snprintf(serial, sizeof serial, "%s-%s-%04d-%06lld", serialPrefix.c_str(),
                domain::serialCode(*rules::categoryFromString(category)).c_str(), year,
                static_cast<long long>(counter.integer(0)));
  c.serial = serial;
  c.token = sign(c);

  db->prepare(
        "INSERT INTO certificates (id, serial, entry_id, standard_id, standard_version, grade, "
        "grade_rank, issued_on, valid_until, status, status_since, last_inspection_on, key_id, "
        "token, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'active', ?, ?, ?, ?, ?)")
      .bind(1, c.id)
      .bind(2, c.serial)
      .bind(3, c.entryId)
      .bind(4, c.standardId)
      .bind(5, c.standardVersion)
      .bind(6, c.grade)
      .bind(7, c.gradeRank)
      .bind(8, isoDate(c.issuedOn))
      .bind(9, isoDate(c.validUntil))
      .bind(10, stamp.at)
      .bind(11, optionalDate(c.lastInspectionOn))
      .bind(12, c.keyId)
      .bind(13, c.token)
      .bind(14, stamp.at)
      .run();
  appendAudit(*db, stamp,
              {"certificate.issue", "certificate:" + c.serial, std::nullopt,
               Json{{"id", c.id},
                    {"entry_id", c.entryId},
                    {"standard", c.standardId},
                    {"standard_version", c.standardVersion},
                    {"grade", c.grade},
                    {"issued_on", isoDate(c.issuedOn)},
                    {"valid_until", isoDate(c.validUntil)},
                    {"key_id", c.keyId},
                    {"token_sha256", certificates::base64url(certificates::sha256(c.token))}}
                   .dump()});
  transaction.commit();
  c.statusSince = stamp.at;
  return c;
}

std::optional<Certificate> SqliteRegistryRepository::certificateBySerial(std::string_view serial) {
  auto db = pool_.acquire();
  auto row =
      db->prepare("SELECT " + kCertificateColumns + " FROM certificates c WHERE c.serial = ?");
  row.bind(1, serial);
  if (!row.step()) return std::nullopt;
  return readCertificate(row);
}

std::optional<domain::CertifiedEntry> SqliteRegistryRepository::certifiedByToken(
    std::string_view token) {
  auto db = pool_.acquire();
  auto row = db->prepare("SELECT " + kCertificateColumns + ", " + kEntryColumns +
                         " FROM certificates c JOIN entries e ON e.id = c.entry_id"
                         " JOIN counties k ON k.code = e.county_code WHERE c.token = ?");
  row.bind(1, token);
  if (!row.step()) return std::nullopt;
  return domain::CertifiedEntry{readCertificate(row), readEntry(row, kCertificateColumnCount)};
}

bool SqliteRegistryRepository::setStatus(std::string_view serial, domain::CertificateStatus status,
                                         const std::optional<std::string>& reason,
                                         const Stamp& stamp) {
  auto db = pool_.acquire();
  Transaction transaction(*db);
  auto current = db->prepare("SELECT status, status_reason FROM certificates WHERE serial = ?");
  current.bind(1, serial);
  if (!current.step()) return false;
  auto statusJson = [](const std::string& value, const std::optional<std::string>& why) {
    return Json{{"status", value}, {"reason", why ? Json(*why) : Json()}}.dump();
  };
  std::string before = statusJson(current.text(0), current.optionalText(1));
  db->prepare(
        "UPDATE certificates SET status = ?, status_reason = ?, status_since = ? WHERE serial = ?")
      .bind(1, certificates::toString(status))
      .bind(2, reason)
      .bind(3, stamp.at)
      .bind(4, serial)
      .run();
  appendAudit(*db, stamp,
              {"certificate.status", "certificate:" + std::string(serial), before,
               statusJson(std::string(certificates::toString(status)), reason)});
  transaction.commit();
  return true;
}

std::uint32_t SqliteRegistryRepository::lastCertificateId() {
  auto db = pool_.acquire();
  auto row = db->prepare("SELECT COALESCE(MAX(id), 0) FROM certificates");
  row.step();
  return static_cast<std::uint32_t>(row.integer(0));
}

std::vector<std::pair<std::uint32_t, domain::CertificateStatus>>
SqliteRegistryRepository::inactiveCertificates(int today) {
  auto db = pool_.acquire();
  auto row = db->prepare(
      "SELECT id, CASE WHEN status = 'active' THEN 'expired' ELSE status END FROM certificates "
      "WHERE status <> 'active' OR valid_until < ? ORDER BY id");
  row.bind(1, isoDate(today));
  std::vector<std::pair<std::uint32_t, domain::CertificateStatus>> out;
  while (row.step())
    out.emplace_back(static_cast<std::uint32_t>(row.integer(0)),
                     *certificates::certificateStatusFromString(row.text(1)));
  return out;
}

}  // namespace tisheng::storage
