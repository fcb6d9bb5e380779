#include "services/PublicRegister.h"

#include <algorithm>

#include "services/Errors.h"

namespace tisheng::services {

PublicRegister::Page PublicRegister::page(domain::PublicQuery query) const {
  query.today = today();
  query.limit = std::clamp<std::size_t>(query.limit, 1, kMaxPage);
  std::size_t wanted = query.limit;
  ++query.limit;  // one more tells whether another page follows
  Page page{listing_.records(query), std::nullopt};
  if (page.records.size() > wanted) {
    page.records.resize(wanted);
    page.nextAfter = page.records.back().entry.id;
  }
  return page;
}

std::size_t PublicRegister::count(domain::PublicQuery query) const {
  query.today = today();
  return listing_.count(query);
}

std::vector<domain::PublicRecord> PublicRegister::all(domain::PublicQuery query,
                                                      std::optional<int> day) const {
  query.today = day.value_or(today());
  query.afterId = 0;
  query.limit = kMaxPage;
  std::vector<domain::PublicRecord> out;
  for (;;) {
    auto batch = listing_.records(query);
    if (batch.empty()) return out;
    query.afterId = batch.back().entry.id;
    bool last = batch.size() < kMaxPage;
    out.insert(out.end(), std::make_move_iterator(batch.begin()),
               std::make_move_iterator(batch.end()));
    if (last) return out;
  }
}

domain::PublicRecord PublicRegister::record(std::int64_t entryId) const {
  auto found = listing_.record(entryId);
  if (!found) throw NotFound("no certified place " + std::to_string(entryId));
  return *found;
}

std::int64_t PublicRegister::lastModified() const {
  return std::max(listing_.lastChange(), calendar_.startOf(today()));
}

}  // namespace tisheng::services
