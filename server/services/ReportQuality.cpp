#include "services/ReportQuality.h"

#include <algorithm>

#include "rules/Evaluator.h"

namespace tisheng::services {

namespace {

bool failed(const rules::Item& item, const rules::Score& score) {
  if (item.kind == rules::ItemKind::PassFail) return score.kind == rules::Score::Kind::Fail;
  return score.kind == rules::Score::Kind::Points && item.passLimit &&
         !item.meets(score.points, *item.passLimit);
}

struct SectionSum {
  domain::SectionQuality row;
  double total = 0;
};

}  // namespace

QualityFigures measureQuality(const std::vector<const storage::FactInspection*>& submitted,
                              const rules::StandardRegistry& standards) {
  std::map<std::tuple<std::string, int, std::string>, SectionSum> sections;
  std::map<std::pair<rules::Category, std::string>, domain::FailedItem> items;
  for (const auto* inspection : submitted) {
    auto standard = standards.find(inspection->standardId, inspection->standardVersion);
    if (!standard) continue;
    rules::ScoreSheet sheet;
    try {
      sheet = rules::scoreSheetFromJson(nlohmann::ordered_json::parse(inspection->scores));
    } catch (const std::exception&) {
      continue;  // a sheet stored before it was checked: nothing to learn from it
    }
    auto result = rules::evaluate(*standard, sheet);
    for (std::size_t s = 0; s < result.sections.size() && s < standard->sections.size(); ++s) {
      const auto& section = result.sections[s];
      if (!section.share) continue;
      auto& sum = sections[{standard->id, standard->version, section.sectionId}];
      sum.row = {standard->id,      standard->version,           standard->title,
                 section.sectionId, standard->sections[s].title, sum.row.inspections + 1};
      sum.total += *section.share;
    }
    for (const auto& section : standard->sections)
      for (const auto& item : section.items) {
        auto score = sheet.find(item.id);
        if (score == sheet.end() || score->second.kind == rules::Score::Kind::NotApplicable)
          continue;
        auto& row = items[{standard->category, item.id}];
        row.category = standard->category;
        row.itemId = item.id;
        row.title = item.title;
        row.section = section.title;
        ++row.inspections;
        if (failed(item, score->second)) ++row.failed;
      }
  }
  QualityFigures out;
  for (auto& [key, sum] : sections) {
    sum.row.averageShare = sum.total / sum.row.inspections;
    out.sections.push_back(sum.row);
  }
  std::map<rules::Category, std::vector<domain::FailedItem>> byCategory;
  for (const auto& [key, row] : items)
    if (row.failed > 0) byCategory[key.first].push_back(row);
  for (auto& [category, rows] : byCategory) {
    std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
      return a.failed != b.failed ? a.failed > b.failed : a.inspections < b.inspections;
    });
    if (rows.size() > 10) rows.resize(10);
    out.mostFailed.insert(out.mostFailed.end(), rows.begin(), rows.end());
  }
  return out;
}

}  // namespace tisheng::services
