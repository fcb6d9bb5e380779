#include "storage/CertificateRows.h"

#include <cstdio>
#include <nlohmann/json.hpp>

#include "certificates/CivilDate.h"
#include "certificates/Crypto.h"

namespace tisheng::storage {

namespace {
using Json = nlohmann::ordered_json;
using certificates::isoDate;
using certificates::parseIsoDate;
using domain::Certificate;

std::optional<std::string> optionalDate(const std::optional<int>& day) {
  if (!day) return std::nullopt;
  return isoDate(*day);
}
}  // namespace

std::vector<std::string> splitLines(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    if (end > start) lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

std::string joinLines(const std::vector<std::string>& lines) {
  std::string text;
  for (const auto& line : lines) text += (text.empty() ? "" : "\n") + line;
  return text;
}

const std::string kCertificateColumns =
    "c.id, c.serial, c.entry_id, c.standard_id, c.standard_version, c.grade, c.grade_rank, "
    "c.issued_on, c.valid_until, c.status, c.status_reason, c.status_since, "
    "c.last_inspection_on, c.key_id, c.token";
const std::string kEntryColumns =
    "e.id, e.category, e.name_zh, e.name_en, e.county_code, k.name_zh, k.name_en, e.address_zh, "
    "e.address_en, e.latitude, e.longitude, e.photo_path, e.owner_user_id, e.contact, "
    "e.description_zh, e.description_en, e.producer, e.origin, e.specification, e.public_reply, "
    "e.public_reply_at, e.contact_public, e.featured_dishes";

const std::string kEntriesWithCounty = " FROM entries e JOIN counties k ON k.code = e.county_code";

Certificate readCertificate(const Statement& row, int first) {
  Certificate c;
  c.id = row.integer(first + 0);
  c.serial = row.text(first + 1);
  c.entryId = row.integer(first + 2);
  c.standardId = row.text(first + 3);
  c.standardVersion = static_cast<int>(row.integer(first + 4));
  c.grade = row.text(first + 5);
  c.gradeRank = static_cast<int>(row.integer(first + 6));
  c.issuedOn = parseIsoDate(row.text(first + 7)).value_or(0);
  c.validUntil = parseIsoDate(row.text(first + 8)).value_or(0);
  c.status = certificates::certificateStatusFromString(row.text(first + 9))
                 .value_or(certificates::CertificateStatus::Revoked);
  c.statusReason = row.optionalText(first + 10);
  c.statusSince = row.optionalInteger(first + 11);
  if (auto day = row.optionalText(first + 12)) c.lastInspectionOn = parseIsoDate(*day);
  c.keyId = row.text(first + 13);
  c.token = row.text(first + 14);
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
  e.contactPublic = row.integer(first + 21) != 0;
  e.featuredDishes = splitLines(row.text(first + 22));
  return e;
}

Certificate insertCertificate(Connection& db, Certificate c, const std::string& serialPrefix,
                              const CertificateSigner& sign, const Stamp& stamp) {
  auto entryRow = db.prepare("SELECT category FROM entries WHERE id = ?");
  entryRow.bind(1, c.entryId);
  if (!entryRow.step()) throw ConstraintError("no entry " + std::to_string(c.entryId));
  std::string category = entryRow.text(0);
  int year = certificates::yearOf(c.issuedOn);

  db.prepare(
        "INSERT INTO serial_counters (category, year, last) VALUES (?, ?, 1) "
        "ON CONFLICT (category, year) DO UPDATE SET last = serial_counters.last + 1")
      .bind(1, category)
      .bind(2, year)
      .run();
  auto counter = db.prepare("SELECT last FROM serial_counters WHERE category = ? AND year = ?");
  counter.bind(1, category).bind(2, year).step();
  auto nextId = db.prepare("SELECT COALESCE(MAX(id), 0) + 1 FROM certificates");
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

  db.prepare(
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
  touchEntry(db, c.entryId, stamp.at);
  appendAudit(db, stamp,
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
  c.statusSince = stamp.at;
  return c;
}

void touchEntry(Connection& db, std::int64_t entryId, std::int64_t at) {
  db.prepare("UPDATE entries SET updated_at = ? WHERE id = ?").bind(1, at).bind(2, entryId).run();
  advanceGeneration(db);
}

void advanceGeneration(Connection& db) {
  auto row = db.prepare(
      "INSERT INTO registry_generation (id, value) VALUES (1, 1) ON CONFLICT (id) DO UPDATE "
      "SET value = registry_generation.value + 1 RETURNING value");
  if (!row.step()) throw StorageError("advancing the registry's generation returned no value");
  db.advancedGeneration(row.integer(0));
  row.run();
}

std::int64_t registryGeneration(Connection& db) {
  auto row = db.prepare("SELECT value FROM registry_generation WHERE id = 1");
  return row.step() ? row.integer(0) : 0;
}

bool updateCertificateStatus(Connection& db, std::string_view serial,
                             domain::CertificateStatus status,
                             const std::optional<std::string>& reason, const Stamp& stamp) {
  auto current =
      db.prepare("SELECT status, status_reason, entry_id FROM certificates WHERE serial = ?");
  current.bind(1, serial);
  if (!current.step()) return false;
  touchEntry(db, current.integer(2), stamp.at);
  auto statusJson = [](const std::string& value, const std::optional<std::string>& why) {
    return Json{{"status", value}, {"reason", why ? Json(*why) : Json()}}.dump();
  };
  std::string before = statusJson(current.text(0), current.optionalText(1));
  db.prepare(
        "UPDATE certificates SET status = ?, status_reason = ?, status_since = ? WHERE serial = ?")
      .bind(1, certificates::toString(status))
      .bind(2, reason)
      .bind(3, stamp.at)
      .bind(4, serial)
      .run();
  appendAudit(db, stamp,
              {"certificate.status", "certificate:" + std::string(serial), before,
               statusJson(std::string(certificates::toString(status)), reason)});
  return true;
}

}  // namespace tisheng::storage
