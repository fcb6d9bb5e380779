#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/Workflow.h"
#include "storage/Database.h"

namespace tisheng::storage {

/// How the workflow's tables map to records: the column list of each table (aliased as in
/// SqlWorkflowRepository's queries) and the reader that turns one row of it into a record.
/// Dates are stored as YYYY-MM-DD text.

/// A date column as days since 1970-01-01 (0 when unreadable).
int dateColumn(const Statement& row, int column);
std::optional<int> optionalDateColumn(const Statement& row, int column);
std::optional<std::string> optionalIsoDate(const std::optional<int>& day);
nlohmann::ordered_json nullable(const std::optional<std::string>& text);

extern const std::string kInspectionColumns;
extern const std::string kNoticeColumns;
extern const std::string kObjectionColumns;
extern const std::string kRectificationColumns;
extern const std::string kDecisionColumns;
extern const std::string kAppealColumns;
extern const std::string kComplaintColumns;

domain::Notice readNotice(const Statement& row);
domain::Objection readObjection(const Statement& row);
domain::Rectification readRectification(const Statement& row);
domain::Decision readDecision(const Statement& row);
domain::Appeal readAppeal(const Statement& row);
domain::Complaint readComplaint(const Statement& row);
domain::Inspection readInspection(const Statement& row);

/// A column holding one word of a fixed set (a kind, a status), read by parse.
template <typename Value>
Value wordColumn(const Statement& row, int column,
                 std::optional<Value> (*parse)(std::string_view)) {
  std::string text = row.text(column);
  auto value = parse(text);
  if (!value)
    throw StorageError("unknown value '" + text + "' in column " + std::to_string(column));
  return *value;
}

template <typename T, typename Reader>
std::vector<T> readAll(Statement& row, Reader read) {
  std::vector<T> out;
  while (row.step()) out.push_back(read(row));
  return out;
}

template <typename T, typename Reader>
std::optional<T> readOne(Statement& row, Reader read) {
  if (!row.step()) return std::nullopt;
  return read(row);
}

}  // namespace tisheng::storage
