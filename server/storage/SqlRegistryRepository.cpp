#include "storage/SqlRegistryRepository.h"

#include "certificates/CivilDate.h"
#include "storage/CertificateRows.h"

namespace tisheng::storage {

namespace {

using Json = nlohmann::ordered_json;
using domain::Certificate;

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
              {"contact_public", e.contactPublic},
              {"description", {{"zh", e.description.zh}, {"en", e.description.en}}},
              {"producer", optional(e.producer)},
              {"origin", optional(e.origin)},
              {"specification", optional(e.specification)},
              {"featured_dishes", e.featuredDishes}}
      .dump();
}

/// Binds the editable entry fields to parameters 1..17 in the order of the statements below.
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
      .bind(15, e.specification)
      .bind(16, static_cast<std::int64_t>(e.contactPublic ? 1 : 0))
      .bind(17, joinLines(e.featuredDishes));
}

}  // namespace

void SqlRegistryRepository::addCounty(const std::string& code, const rules::LocalizedText& name,
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

bool SqlRegistryRepository::renameCounty(const std::string& code, const rules::LocalizedText& name,
                                         const Stamp& stamp) {
  auto db = pool_.acquire();
  Transaction transaction(*db);
  auto before = db->prepare("SELECT name_zh, name_en FROM counties WHERE code = ?");
  before.bind(1, code);
  if (!before.step()) return false;
  Json old{{"code", code}, {"name", {{"zh", before.text(0)}, {"en", before.text(1)}}}};
  db->prepare("UPDATE counties SET name_zh = ?, name_en = ? WHERE code = ?")
      .bind(1, name.zh)
      .bind(2, name.en)
      .bind(3, code)
      .run();
  advanceGeneration(*db);
  appendAudit(*db, stamp,
              {"county.rename", "county:" + code, old.dump(),
               Json{{"code", code}, {"name", {{"zh", name.zh}, {"en", name.en}}}}.dump()});
  transaction.commit();
  return true;
}

std::vector<domain::County> SqlRegistryRepository::counties() {
  auto db = pool_.acquire();
  auto rows = db->prepare("SELECT code, name_zh, name_en FROM counties ORDER BY code");
  std::vector<domain::County> out;
  while (rows.step()) out.push_back({rows.text(0), {rows.text(1), rows.text(2)}});
  return out;
}

std::int64_t SqlRegistryRepository::addEntry(const domain::Entry& e, const Stamp& stamp) {
  auto db = pool_.acquire();
  Transaction transaction(*db);
  auto insert = db->prepare(
      "INSERT INTO entries (category, name_zh, name_en, county_code, address_zh, address_en, "
      "latitude, longitude, owner_user_id, contact, description_zh, description_en, producer, "
      "origin, specification, contact_public, featured_dishes, photo_path, created_at, updated_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id");
  bindEntry(insert, e);
  std::int64_t id = insert.bind(18, e.photoPath).bind(19, stamp.at).bind(20, stamp.at).insertedId();
  appendAudit(*db, stamp,
              {"entry.create", "entry:" + std::to_string(id), std::nullopt, auditJson(e)});
  transaction.commit();
  return id;
}

std::optional<domain::Entry> SqlRegistryRepository::entry(std::int64_t id) {
  auto db = pool_.acquire();
  auto row = db->prepare("SELECT " + kEntryColumns + kEntriesWithCounty + " WHERE e.id = ?");
  row.bind(1, id);
  if (!row.step()) return std::nullopt;
  return readEntry(row, 0);
}

bool SqlRegistryRepository::updateEntry(const domain::Entry& e, const Stamp& stamp) {
  auto db = pool_.acquire();
  Transaction transaction(*db);
  auto current = db->prepare("SELECT " + kEntryColumns + kEntriesWithCounty + " WHERE e.id = ?");
  current.bind(1, e.id);
  if (!current.step()) return false;
  std::string before = auditJson(readEntry(current, 0));
  auto update = db->prepare(
      "UPDATE entries SET category = ?, name_zh = ?, name_en = ?, county_code = ?, address_zh = ?, "
      "address_en = ?, latitude = ?, longitude = ?, owner_user_id = ?, contact = ?, "
      "description_zh = ?, description_en = ?, producer = ?, origin = ?, specification = ?, "
      "contact_public = ?, featured_dishes = ?, updated_at = ? WHERE id = ?");
  bindEntry(update, e);
  update.bind(18, stamp.at).bind(19, e.id).run();
  advanceGeneration(*db);
  appendAudit(*db, stamp, {"entry.update", "entry:" + std::to_string(e.id), before, auditJson(e)});
  transaction.commit();
  return true;
}

std::vector<domain::Entry> SqlRegistryRepository::entries(
    const std::optional<std::string>& county, const std::optional<rules::Category>& category,
    const std::optional<std::int64_t>& owner) {
  auto db = pool_.acquire();
  auto row = db->prepare("SELECT " + kEntryColumns + kEntriesWithCounty +
                         " WHERE (CAST(?1 AS TEXT) IS NULL OR e.county_code = ?1) AND (CAST(?2 AS "
                         "TEXT) IS NULL OR e.category = ?2)"
                         " AND (CAST(?3 AS BIGINT) IS NULL OR e.owner_user_id = ?3) ORDER BY e.id");
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

void SqlRegistryRepository::setReply(std::int64_t entryId, const std::optional<std::string>& reply,
                                     const Stamp& stamp) {
  setEntryText(entryId, "public_reply", "public_reply_at", "reply", reply, stamp);
}

void SqlRegistryRepository::setPhoto(std::int64_t entryId, const std::string& path,
                                     const Stamp& stamp) {
  setEntryText(entryId, "photo_path", "", "photo", path, stamp);
}

void SqlRegistryRepository::setEntryText(std::int64_t entryId, const std::string& column,
                                         const std::string& timeColumn, const std::string& field,
                                         const std::optional<std::string>& value,
                                         const Stamp& stamp) {
  auto db = pool_.acquire();
  Transaction transaction(*db);
  auto current = db->prepare("SELECT " + column + " FROM entries WHERE id = ?");
  current.bind(1, entryId);
  if (!current.step()) throw ConstraintError("no entry " + std::to_string(entryId));
  auto before = current.optionalText(0);
  // updated_at: anything the public sees changed (the open data's change feed).
  std::string alsoStamped = timeColumn.empty() ? "" : ", " + timeColumn + " = ?2";
  db->prepare("UPDATE entries SET " + column + " = ?1, updated_at = ?2" + alsoStamped +
              " WHERE id = ?3")
      .bind(1, value)
      .bind(2, stamp.at)
      .bind(3, entryId)
      .run();
  advanceGeneration(*db);
  auto fieldJson = [&](const std::optional<std::string>& text) {
    return Json{{field, text ? Json(*text) : Json()}}.dump();
  };
  appendAudit(
      *db, stamp,
      {"entry." + field, "entry:" + std::to_string(entryId), fieldJson(before), fieldJson(value)});
  transaction.commit();
}

Certificate SqlRegistryRepository::issue(Certificate c, const std::string& serialPrefix,
                                         const std::function<std::string(const Certificate&)>& sign,
                                         const Stamp& stamp) {
  auto db = pool_.acquire();
  Transaction transaction(*db);
  c = insertCertificate(*db, std::move(c), serialPrefix, sign, stamp);
  transaction.commit();
  return c;
}

std::optional<Certificate> SqlRegistryRepository::certificateBySerial(std::string_view serial) {
  auto db = pool_.acquire();
  auto row =
      db->prepare("SELECT " + kCertificateColumns + " FROM certificates c WHERE c.serial = ?");
  row.bind(1, serial);
  if (!row.step()) return std::nullopt;
  return readCertificate(row);
}

std::optional<domain::CertifiedEntry> SqlRegistryRepository::certifiedByToken(
    std::string_view token) {
  auto db = pool_.acquire();
  auto row = db->prepare("SELECT " + kCertificateColumns + ", " + kEntryColumns +
                         " FROM certificates c JOIN entries e ON e.id = c.entry_id"
                         " JOIN counties k ON k.code = e.county_code WHERE c.token = ?");
  row.bind(1, token);
  if (!row.step()) return std::nullopt;
  return domain::CertifiedEntry{readCertificate(row), readEntry(row, kCertificateColumnCount)};
}

bool SqlRegistryRepository::setStatus(std::string_view serial, domain::CertificateStatus status,
                                      const std::optional<std::string>& reason,
                                      const Stamp& stamp) {
  auto db = pool_.acquire();
  Transaction transaction(*db);
  if (!updateCertificateStatus(*db, serial, status, reason, stamp)) return false;
  transaction.commit();
  return true;
}

std::int64_t SqlRegistryRepository::generation() { return generation_.current(); }

std::uint32_t SqlRegistryRepository::lastCertificateId() {
  auto db = pool_.acquire();
  auto row = db->prepare("SELECT COALESCE(MAX(id), 0) FROM certificates");
  row.step();
  return static_cast<std::uint32_t>(row.integer(0));
}

std::vector<std::pair<std::uint32_t, domain::CertificateStatus>>
SqlRegistryRepository::inactiveCertificates(int today) {
  auto db = pool_.acquire();
  auto row = db->prepare(
      "SELECT id, CASE WHEN status = 'active' THEN 'expired' ELSE status END FROM certificates "
      "WHERE status <> 'active' OR valid_until < ? ORDER BY id");
  row.bind(1, certificates::isoDate(today));
  std::vector<std::pair<std::uint32_t, domain::CertificateStatus>> out;
  while (row.step())
    out.emplace_back(static_cast<std::uint32_t>(row.integer(0)),
                     *certificates::certificateStatusFromString(row.text(1)));
  return out;
}

}  // namespace tisheng::storage
