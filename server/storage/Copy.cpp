#include "storage/Copy.h"

#include <algorithm>
#include <vector>

namespace tisheng::storage {

namespace {

/// Every table, parents before the tables that refer to them.
const std::vector<std::string>& tablesInOrder() {
  static const std::vector<std::string> tables{"counties",       "users",
                                               "entries",        "serial_counters",
                                               "certificates",   "sessions",
                                               "login_failures", "complaints",
                                               "inspections",    "inspection_assignees",
                                               "evidence",       "notices",
                                               "objections",     "rectifications",
                                               "decisions",      "appeals",
                                               "audit_log",      "audit_checkpoints",
                                               "leases",         "media",
                                               "plaque_reports", "signing_keys",
                                               "county_targets", "registry_generation"};
  return tables;
}

struct Column {
  std::string name;
  std::string type;  ///< as declared in SQLite: INTEGER, REAL, TEXT or BLOB
};

std::vector<Column> sqliteColumns(Connection& source, const std::string& table) {
  auto rows = source.prepare("SELECT name, type FROM pragma_table_info(?) ORDER BY cid");
  rows.bind(1, table);
  std::vector<Column> columns;
  while (rows.step()) columns.push_back({rows.text(0), rows.text(1)});
  return columns;
}

void copyTable(Connection& source, Connection& target, const std::string& table) {
  auto columns = sqliteColumns(source, table);
  std::string names, marks;
  for (const auto& column : columns) {
    names += (names.empty() ? "" : ", ") + column.name;
    marks += marks.empty() ? "?" : ", ?";
  }
  auto rows = source.prepare("SELECT " + names + " FROM " + table + " ORDER BY rowid");
  std::string insert = "INSERT INTO " + table + " (" + names + ") VALUES (" + marks + ")";
  while (rows.step()) {
    auto row = target.prepare(insert);
    for (std::size_t i = 0; i < columns.size(); ++i) {
      int at = static_cast<int>(i);
      const std::string& type = columns[i].type;
      if (rows.isNull(at))
        row.bindNull(at + 1);
      else if (type == "INTEGER")
        row.bind(at + 1, rows.integer(at));
      else if (type == "REAL")
        row.bind(at + 1, rows.real(at));
      else if (type == "BLOB")
        row.bindBlob(at + 1, rows.text(at));
      else
        row.bind(at + 1, rows.text(at));
    }
    row.run();
  }
}

}  // namespace

TableCounts countRows(Connection& database) {
  TableCounts counts;
  for (const auto& table : tablesInOrder()) {
    auto row = database.prepare("SELECT COUNT(*) FROM " + table);
    row.step();
    counts[table] = row.integer(0);
  }
  return counts;
}

TableCounts copyRegistry(Connection& source, Connection& target) {
  if (source.dialect() != Dialect::Sqlite || target.dialect() != Dialect::Postgres)
    throw StorageError("copies from SQLite to PostgreSQL only");
  {
    auto tables = source.prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'");
    while (tables.step()) {
      const auto& known = tablesInOrder();
      if (std::find(known.begin(), known.end(), tables.text(0)) == known.end())
        throw StorageError("the source has a table this tisheng cannot copy: " + tables.text(0));
    }
  }
  for (const auto& [table, rows] : countRows(target))
    if (rows > 0) throw StorageError("the target is not empty: " + table + " has rows");

  Transaction transaction(target);
  readSnapshot(source, [&] {
    for (const auto& table : tablesInOrder()) copyTable(source, target, table);
  });
  // Ids were copied as they were: the identity sequences continue after them.
  std::vector<std::string> identities;
  auto withIdentity = target.prepare(
      "SELECT table_name FROM information_schema.columns WHERE table_schema = 'public' AND "
      "column_name = 'id' AND is_identity = 'YES'");
  while (withIdentity.step()) identities.push_back(withIdentity.text(0));
  for (const auto& table : identities)
    target.execute("SELECT setval(pg_get_serial_sequence('" + table + "', 'id'), " +
                   "COALESCE(MAX(id), 0) + 1, false) FROM " + table);
  transaction.commit();
  return countRows(target);
}

}  // namespace tisheng::storage
