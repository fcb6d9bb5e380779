#include "storage/SqlPublicListing.h"

#include <cctype>

#include "certificates/CivilDate.h"
#include "storage/CertificateRows.h"

namespace tisheng::storage {

namespace {

/// Each entry with its latest certificate; entries never certified drop out of the join.
/// (Functions, not constants: the column lists are constants of another file.)
const std::string& from() {
  static const std::string text =
      kEntriesWithCounty +
      " JOIN certificates c ON c.id = (SELECT MAX(x.id) FROM certificates x WHERE x.entry_id = "
      "e.id)";
  return text;
}

const std::string& select() {
  static const std::string text =
      "SELECT " + kEntryColumns + ", " + kCertificateColumns + ", e.updated_at" + from();
  return text;
}

/// The query's filters; parameters ?1..?8 as bound by bindFilters.
const std::string kWhere =
    " WHERE e.id > ?1"
    " AND (CAST(?2 AS TEXT) IS NULL OR e.category = ?2)"
    " AND (CAST(?3 AS TEXT) IS NULL OR e.county_code = ?3)"
    " AND (CAST(?4 AS TEXT) IS NULL OR c.grade = ?4)"
    " AND (CAST(?5 AS TEXT) IS NULL"
    "  OR (?5 = 'certified' AND c.status = 'active' AND c.valid_until >= ?6)"
    "  OR (?5 = 'suspended' AND c.status = 'suspended')"
    "  OR (?5 = 'removed' AND c.status = 'revoked')"
    "  OR (?5 = 'expired' AND (c.status IN ('expired', 'superseded')"
    "      OR (c.status = 'active' AND c.valid_until < ?6))))"
    " AND (CAST(?7 AS TEXT) IS NULL OR lower(e.name_zh) LIKE ?7 ESCAPE '!'"
    "  OR lower(e.name_en) LIKE ?7 ESCAPE '!' OR lower(e.address_zh) LIKE ?7 ESCAPE '!'"
    "  OR lower(e.address_en) LIKE ?7 ESCAPE '!')"
    " AND (CAST(?8 AS BIGINT) IS NULL OR e.updated_at >= ?8)";

/// "%text%" with LIKE's wildcards taken literally, ASCII letters lower-cased (as lower() does on
/// both engines).
std::string likePattern(const std::string& text) {
  std::string pattern = "%";
  for (char ch : text) {
    if (ch == '%' || ch == '_' || ch == '!') pattern += '!';
    pattern += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  }
  return pattern + "%";
}

void bindFilters(Statement& statement, const domain::PublicQuery& query, std::int64_t afterId) {
  auto word = [](const auto& value) -> std::optional<std::string> {
    if (!value) return std::nullopt;
    return std::string(toString(*value));
  };
  std::optional<std::string> pattern;
  if (query.text) pattern = likePattern(*query.text);
  statement.bind(1, afterId)
      .bind(2, word(query.category))
      .bind(3, query.county)
      .bind(4, query.grade)
      .bind(5, word(query.status))
      .bind(6, certificates::isoDate(query.today))
      .bind(7, pattern)
      .bind(8, query.updatedSince);
}

domain::PublicRecord readRecord(const Statement& row) {
  return {readEntry(row, 0), readCertificate(row, kEntryColumnCount),
          row.integer(kEntryColumnCount + kCertificateColumnCount)};
}

}  // namespace

std::vector<domain::PublicRecord> SqlPublicListing::records(const domain::PublicQuery& query) {
  auto db = pool_.acquire();
  auto rows = db->prepare(select() + kWhere + " ORDER BY e.id LIMIT ?9");
  bindFilters(rows, query, query.afterId);
  rows.bind(9, static_cast<std::int64_t>(query.limit));
  std::vector<domain::PublicRecord> out;
  out.reserve(query.limit);
  while (rows.step()) out.push_back(readRecord(rows));
  return out;
}

std::size_t SqlPublicListing::count(const domain::PublicQuery& query) {
  auto db = pool_.acquire();
  auto row = db->prepare("SELECT COUNT(*)" + from() + kWhere);
  bindFilters(row, query, 0);
  row.step();
  return static_cast<std::size_t>(row.integer(0));
}

std::optional<domain::PublicRecord> SqlPublicListing::record(std::int64_t entryId) {
  auto db = pool_.acquire();
  auto row = db->prepare(select() + " WHERE e.id = ?");
  row.bind(1, entryId);
  if (!row.step()) return std::nullopt;
  return readRecord(row);
}

std::vector<domain::Certificate> SqlPublicListing::history(std::int64_t entryId) {
  auto db = pool_.acquire();
  auto rows = db->prepare("SELECT " + kCertificateColumns +
                          " FROM certificates c WHERE c.entry_id = ? ORDER BY c.id");
  rows.bind(1, entryId);
  std::vector<domain::Certificate> out;
  while (rows.step()) out.push_back(readCertificate(rows));
  return out;
}

std::int64_t SqlPublicListing::lastChange() {
  auto db = pool_.acquire();
  auto row = db->prepare("SELECT COALESCE(MAX(updated_at), 0) FROM entries");
  row.step();
  return row.integer(0);
}

}  // namespace tisheng::storage
