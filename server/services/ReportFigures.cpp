// Every figure of a programme report, from the facts of one query layer (storage/ReportFacts)
// as they stood at the period's end. Pure computation: no storage, no clock.

#include "services/ReportFigures.h"

#include <algorithm>
#include <set>

#include "certificates/CivilDate.h"
#include "services/CertificateHistory.h"
#include "services/ReportQuality.h"

namespace tisheng::services {

using domain::CertificateStatus;
using domain::InspectionKind;
using domain::InspectionStatus;

namespace {

using Scope = std::function<bool(const std::string&)>;

std::optional<double> median(std::vector<double> values) {
  if (values.empty()) return std::nullopt;
  std::sort(values.begin(), values.end());
  std::size_t middle = values.size() / 2;
  return values.size() % 2 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
}

bool within(std::int64_t at, const storage::ReportWindow& window) {
  return at >= window.from && at < window.until;
}

bool settledWithin(const storage::FactCase& c, const storage::ReportWindow& window) {
  return c.settledAt && within(*c.settledAt, window);
}

class Figures {
 public:
  Figures(const storage::ReportFacts& facts, const domain::Period& period,
          const domain::Calendar& calendar, const rules::StandardRegistry& standards, Scope inScope)
      : facts_(facts),
        period_(period),
        calendar_(calendar),
        standards_(standards),
        window_(windowOf(period, calendar)),
        history_(facts, calendar),
        inScope_(std::move(inScope)) {}

  bool entryInScope(std::int64_t entryId) const {
    auto entry = facts_.entries.find(entryId);
    return entry != facts_.entries.end() && inScope_(entry->second.county);
  }

  void certified(domain::ProgrammeReport& report) const {
    std::map<std::tuple<std::string, rules::Category, std::string>, domain::CertifiedCount> rows;
    const int ends[] = {period_.last(), period_.previous().last(), period_.yearEarlier().last()};
    for (const auto& [id, certificate] : facts_.certificates) {
      const auto& entry = facts_.entries.at(certificate.entryId);
      if (!inScope_(entry.county)) continue;
      for (int which = 0; which < 3; ++which) {
        auto standing = history_.standingAtEndOf(id, ends[which]);
        if (which == 0 && standing == CertificateStatus::Suspended) ++report.suspendedAtEnd;
        if (standing != CertificateStatus::Active) continue;
        auto& row = rows[{entry.county, entry.category, certificate.grade}];
        row.county = entry.county;
        row.category = entry.category;
        row.grade = certificate.grade;
        ++(which == 0 ? row.count : which == 1 ? row.previous : row.yearEarlier);
      }
    }
    for (auto& [key, row] : rows) report.certified.push_back(row);
  }

  void flows(domain::ProgrammeReport& report) const {
    auto flows = history_.flows(window_, inScope_, report.removals);
    for (const auto& inspection : facts_.inspections)
      if (inspection.kind == InspectionKind::Initial && within(inspection.createdAt, window_) &&
          entryInScope(inspection.entryId)) {
        const auto& entry = facts_.entries.at(inspection.entryId);
        ++flows[{entry.county, entry.category}].applications;
      }
    for (auto entryId : facts_.barredApplications)
      if (entryInScope(entryId)) {
        const auto& entry = facts_.entries.at(entryId);
        ++flows[{entry.county, entry.category}].barred;
      }
    for (const auto& [key, row] : flows)
      if (inScope_(key.first)) report.flows.push_back({key.first, key.second, row});
    for (const auto& removal : report.removals) ++report.removedByReason[removal.reason];
  }

  void supervision(domain::ProgrammeReport& report) const {
    auto& s = report.supervision;
    std::map<InspectionKind, domain::KindSupervision> kinds;
    for (auto kind : {InspectionKind::Initial, InspectionKind::Review, InspectionKind::SpotCheck,
                      InspectionKind::Complaint, InspectionKind::Reinspection})
      kinds[kind].kind = kind;
    for (const auto& i : facts_.inspections) {
      if (!entryInScope(i.entryId)) continue;
      auto& row = kinds[i.kind];
      bool cancelled = i.status == InspectionStatus::Cancelled && i.decidedAt && !i.submittedAt;
      if (period_.contains(i.scheduledOn) && !cancelled) {
        ++row.due;
        if (i.submittedAt) ++row.done;
      }
      if (i.submittedAt && within(*i.submittedAt, window_)) ++row.made;
    }
    for (const auto& [kind, row] : kinds) s.byKind.push_back(row);

    for (const auto& [id, certificate] : facts_.certificates) {
      if (!entryInScope(certificate.entryId)) continue;
      auto standing = history_.standingAtEndOf(id, period_.last());
      if (standing != CertificateStatus::Active && standing != CertificateStatus::Suspended)
        continue;
      auto standard = standards_.find(certificate.standardId, certificate.standardVersion);
      if (!standard || standard->reviewIntervalMonths <= 0) continue;
      int last = certificate.issuedOn;
      if (auto seen = facts_.lastSupervision.find(id); seen != facts_.lastSupervision.end())
        last = std::max(last, calendar_.dayOf(seen->second));
      if (certificates::addMonths(last, standard->reviewIntervalMonths) < period_.last())
        ++s.overdueReviews;
    }

    for (const auto& r : facts_.rectifications) {
      if (!entryInScope(r.entryId)) continue;
      if (within(r.openedAt, window_)) ++s.rectificationsOpened;
      if (!r.settledAt) {
        ++s.rectificationsOpen;
        if (r.deadline && *r.deadline < period_.last()) ++s.rectificationsOverdue;
      } else if (settledWithin(r, window_)) {
        if (r.outcome == "passed" && calendar_.dayOf(*r.settledAt) <= r.deadline.value_or(0))
          ++s.rectificationsClosedInTime;
        if (r.outcome == "missed") ++s.rectificationsMissed;
      }
    }
  }

  void cases(domain::ProgrammeReport& report) const {
    auto& complaints = report.complaints;
    std::vector<double> hours;
    for (const auto& c : facts_.complaints) {
      if (!entryInScope(c.entryId)) continue;
      if (within(c.openedAt, window_)) ++complaints.received;
      if (!c.settledAt) ++complaints.untriaged;
      if (!settledWithin(c, window_)) continue;
      hours.push_back(static_cast<double>(*c.settledAt - c.openedAt) / 3600.0);
      if (c.outcome == "dismissed") ++complaints.dismissed;
      if (c.outcome == "upheld") ++complaints.upheld;
      if (c.outcome == "inspect") ++complaints.inspected;
    }
    complaints.medianHoursToTriage = median(hours);

    auto& notices = report.notices;
    for (const auto& n : facts_.notices) {
      if (!entryInScope(n.entryId)) continue;
      if (within(n.openedAt, window_)) ++notices.noticesOpened;
      if (!n.settledAt) ++notices.onNotice;
      if (settledWithin(n, window_) && n.outcome == "issued") ++notices.noticesIssued;
      if (settledWithin(n, window_) && n.outcome == "withdrawn") ++notices.noticesWithdrawn;
    }
    for (const auto& o : facts_.objections) {
      if (!entryInScope(o.entryId)) continue;
      if (within(o.openedAt, window_)) ++notices.objectionsFiled;
      if (!o.settledAt) ++notices.objectionsOpen;
      if (settledWithin(o, window_) && o.outcome == "dismissed") ++notices.objectionsDismissed;
      if (settledWithin(o, window_) && o.outcome == "upheld") ++notices.objectionsUpheld;
    }

    auto& appeals = report.appeals;
    std::vector<double> days;
    for (const auto& a : facts_.appeals) {
      if (!entryInScope(a.entryId)) continue;
      if (within(a.openedAt, window_)) ++appeals.filed;
      if (!a.settledAt) ++appeals.open;
      if (!settledWithin(a, window_)) continue;
      days.push_back(static_cast<double>(*a.settledAt - a.openedAt) / 86400.0);
      if (a.outcome == "granted") ++appeals.granted;
      if (a.outcome == "rejected") ++appeals.rejected;
    }
    if (appeals.granted + appeals.rejected > 0)
      appeals.grantedShare =
          static_cast<double>(appeals.granted) / (appeals.granted + appeals.rejected);
    appeals.medianDaysToDecide = median(days);
  }

  void targets(domain::ProgrammeReport& report) const {
    std::map<std::pair<std::string, rules::Category>, int> certified;
    for (const auto& row : report.certified) certified[{row.county, row.category}] += row.count;
    for (const auto& target : facts_.targets)
      if (inScope_(target.county))
        report.targets.push_back({target.county, target.category, target.target,
                                  certified[{target.county, target.category}]});
    std::map<std::string, domain::CountyRank> ranks;
    for (const auto& county : report.counties) ranks[county.code].county = county.code;
    for (const auto& [key, count] : certified) ranks[key.first].certified += count;
    for (const auto& target : report.targets) ranks[target.county].target += target.target;
    for (const auto& row : report.flows) {
      ranks[row.county].newlyCertified += row.flows.newlyCertified;
      ranks[row.county].removed += row.flows.removed;
    }
    for (auto& [code, rank] : ranks) {
      if (rank.target > 0) rank.progress = static_cast<double>(rank.certified) / rank.target;
      report.ranking.push_back(rank);
    }
    std::stable_sort(report.ranking.begin(), report.ranking.end(),
                     [](const domain::CountyRank& a, const domain::CountyRank& b) {
                       if (a.progress.has_value() != b.progress.has_value())
                         return a.progress.has_value();
                       if (a.progress != b.progress) return a.progress > b.progress;
                       return a.newlyCertified > b.newlyCertified;
                     });
    for (std::size_t i = 0; i < report.ranking.size(); ++i)
      report.ranking[i].rank = static_cast<int>(i) + 1;
  }

  void quality(domain::ProgrammeReport& report) const {
    std::vector<const storage::FactInspection*> submitted;
    for (const auto& i : facts_.inspections)
      if (!i.scores.empty() && entryInScope(i.entryId)) submitted.push_back(&i);
    auto found = measureQuality(submitted, standards_);
    report.sections = std::move(found.sections);
    report.mostFailed = std::move(found.mostFailed);
  }

 private:
  const storage::ReportFacts& facts_;
  const domain::Period& period_;
  const domain::Calendar& calendar_;
  const rules::StandardRegistry& standards_;
  storage::ReportWindow window_;
  CertificateHistory history_;
  Scope inScope_;
};

}  // namespace

storage::ReportWindow windowOf(const domain::Period& period, const domain::Calendar& calendar) {
  return {calendar.startOf(period.first()), calendar.startOf(period.last() + 1), period.first(),
          period.last(), certificates::yearOf(period.last())};
}

domain::ProgrammeReport computeReport(const storage::ReportFacts& facts,
                                      const domain::Period& period,
                                      const std::optional<std::string>& county,
                                      const domain::Calendar& calendar,
                                      const rules::StandardRegistry& standards) {
  domain::ProgrammeReport report(period);
  report.county = county;
  for (const auto& c : facts.counties)
    if (!county || c.code == *county) report.counties.push_back(c);
  Figures figures(facts, period, calendar, standards,
                  [county](const std::string& code) { return !county || code == *county; });
  figures.certified(report);
  figures.flows(report);
  figures.supervision(report);
  figures.cases(report);
  figures.targets(report);
  figures.quality(report);
  return report;
}

}  // namespace tisheng::services
