#include "storage/CountyTargets.h"

#include <nlohmann/json.hpp>

namespace tisheng::storage {

std::vector<FactTarget> countyTargets(Connection& db, int year) {
  std::vector<FactTarget> out;
  auto rows = db.prepare(
      "SELECT county_code, category, target FROM county_targets WHERE year = ? "
      "ORDER BY county_code, category");
  rows.bind(1, year);
  while (rows.step())
    out.push_back({rows.text(0),
                   rules::categoryFromString(rows.text(1)).value_or(rules::Category{}),
                   static_cast<int>(rows.integer(2))});
  return out;
}

void setCountyTargets(Connection& db, int year, const std::vector<FactTarget>& rows,
                      const Stamp& stamp) {
  Transaction transaction(db);
  nlohmann::json before = nlohmann::json::array(), after = nlohmann::json::array();
  for (const auto& old : countyTargets(db, year))
    before.push_back({{"county", old.county},
                      {"category", rules::toString(old.category)},
                      {"target", old.target}});
  for (const auto& row : rows) {
    db.prepare(
          "INSERT INTO county_targets (year, county_code, category, target, set_by, set_at) "
          "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (year, county_code, category) DO UPDATE SET "
          "target = excluded.target, set_by = excluded.set_by, set_at = excluded.set_at")
        .bind(1, year)
        .bind(2, row.county)
        .bind(3, rules::toString(row.category))
        .bind(4, row.target)
        .bind(5, stamp.actor)
        .bind(6, stamp.at)
        .run();
    after.push_back({{"county", row.county},
                     {"category", rules::toString(row.category)},
                     {"target", row.target}});
  }
  appendAudit(db, stamp,
              {"targets.set", "targets:" + std::to_string(year), before.dump(), after.dump()});
  transaction.commit();
}

}  // namespace tisheng::storage
