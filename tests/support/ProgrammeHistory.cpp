#include "support/ProgrammeHistory.h"

#include <algorithm>
#include <cmath>

#include "certificates/CivilDate.h"
#include "domain/PublicRecord.h"

namespace tisheng::test {

using domain::CertificateStatus;
using domain::InspectionKind;
using storage::Stamp;
using storage::WorkflowStore;

namespace {

/// Every item scored: pass/fail items passed (but `failing`), points at about share of their
/// range.
nlohmann::ordered_json sheet(const rules::Standard& standard, double share,
                             const std::string& failing) {
  nlohmann::ordered_json scores = nlohmann::ordered_json::object();
  for (const auto& section : standard.sections)
    for (const auto& item : section.items) {
      if (item.kind == rules::ItemKind::PassFail) {
        scores[item.id] = item.id == failing ? "fail" : "pass";
      } else if (!item.values.empty()) {
        auto index = static_cast<std::size_t>(share * static_cast<double>(item.values.size() - 1));
        scores[item.id] = item.values[index];
      } else {
        scores[item.id] = std::floor(share * item.max / item.step) * item.step;
      }
    }
  return scores;
}

}  // namespace

int ProgrammeHistory::day(const char* iso) { return certificates::parseIsoDate(iso).value(); }

bool ProgrammeHistory::chance(double p) {
  return std::uniform_real_distribution<double>(0, 1)(random_) < p;
}

int ProgrammeHistory::between(int low, int high) {
  return std::uniform_int_distribution<int>(low, std::max(low, high))(random_);
}

ProgrammeHistory::ProgrammeHistory(storage::Storage& storage,
                                   const rules::StandardRegistry& standards,
                                   const domain::Calendar& calendar, unsigned seed)
    : storage_(storage), standards_(standards), calendar_(calendar), random_(seed) {}

void ProgrammeHistory::addCounty(const std::string& code, const std::string& zh,
                                 const std::string& en) {
  storage_.registry().addCounty(code, {zh, en}, {"history", at(0)});
}

int ProgrammeHistory::reviewIntervalMonths(rules::Category category) const {
  return standards_.latest(rules::toString(category))->reviewIntervalMonths;
}

void ProgrammeHistory::generate(int count, int firstDay, int lastDay,
                                const std::vector<std::string>& counties,
                                double spotChecksPerYear) {
  std::uniform_int_distribution<int> startDay(firstDay, firstDay + (lastDay - firstDay) / 3);
  std::uniform_int_distribution<std::size_t> county(0, counties.size() - 1);
  std::uniform_int_distribution<int> category(0, 2);
  for (int n = 0; n < count; ++n) {
    Place place;
    place.county = counties[county(random_)];
    place.category = static_cast<rules::Category>(category(random_));
    int start = startDay(random_);
    domain::Entry entry;
    entry.category = place.category;
    entry.countyCode = place.county;
    entry.name = {"场所" + std::to_string(n + 1), "Place " + std::to_string(n + 1)};
    place.id = storage_.registry().addEntry(entry, {"history", at(start, 9)});
    places.push_back(place);
    live(place, start, lastDay, spotChecksPerYear);
  }
}

/// One place's life, written in one transaction: it applies, is certified or refused, and is
/// then supervised — spot checks, complaints, suspensions put right or not, reviews that renew,
/// raise or lower its grade, removals and re-applications the bar refuses — until lastDay.
void ProgrammeHistory::live(const Place& place, int start, int lastDay, double spotChecksPerYear) {
  std::vector<std::pair<int, std::int64_t>> filings;  // complaints: day, certificate
  liveCertified(place, start, lastDay, spotChecksPerYear, filings);
  // Complaints come from the public, each in its own transaction, then the office triages.
  for (const auto& [filed, certificate] : filings) {
    storage::NewComplaint c{place.id, certificate, "service", "服务差", std::nullopt, "10.0.0.8"};
    auto id = storage_.complaints().add(c, {"public", at(filed, 19)});
    Case record{place.county, at(filed, 19)};
    if (chance(0.9)) {
      std::int64_t triagedAt = at(filed, 19) + between(2, 120) * 3600;
      const domain::ComplaintStatus outcomes[] = {domain::ComplaintStatus::Dismissed,
                                                  domain::ComplaintStatus::Upheld,
                                                  domain::ComplaintStatus::Inspect};
      storage_.workflow().write([&](WorkflowStore& store) {
        auto triaged = *store.complaints().complaint(id);
        triaged.status = outcomes[between(0, 2)];
        triaged.triageNote = "已处理";
        store.complaints().triageComplaint(triaged, {"office", triagedAt});
        record.outcome = std::string(domain::toString(triaged.status));
      });
      record.settledAt = triagedAt;
    }
    complaints.push_back(record);
  }
}

void ProgrammeHistory::liveCertified(const Place& place, int start, int lastDay,
                                     double spotChecksPerYear,
                                     std::vector<std::pair<int, std::int64_t>>& filings) {
  auto standard = standards_.latest(rules::toString(place.category));
  auto flow = [&](const std::string& measure, int day, std::string detail = "") {
    flows.push_back({measure, place.county, place.category, day, std::move(detail)});
  };
  auto failing = [&] {
    std::vector<std::string> passFail;
    for (const auto& section : standard->sections)
      for (const auto& item : section.items)
        if (item.kind == rules::ItemKind::PassFail) passFail.push_back(item.id);
    return passFail.empty() || chance(0.5) ? std::string()
                                           : passFail[between(0, 2) % passFail.size()];
  };
  storage_.workflow().write([&](WorkflowStore& store) {
    auto inspect = [&](InspectionKind kind, std::optional<std::int64_t> certificate, int scheduled,
                       std::optional<int> submitted) {
      domain::Inspection i;
      i.entryId = place.id;
      i.kind = kind;
      i.standardId = standard->id;
      i.standardVersion = standard->version;
      i.certificateId = certificate;
      i.scheduledOn = scheduled;
      i.id = store.inspections().addInspection(i, {"office", at(scheduled - 7, 10)});
      inspections.push_back(
          {place.county, std::string(domain::toString(kind)), scheduled, submitted});
      if (!submitted) return i;
      i.scores = sheet(*standard, between(60, 100) / 100.0, failing());
      store.inspections().updateDraft(i, {"inspector", at(*submitted, 10)});
      i.status = domain::InspectionStatus::Submitted;
      store.inspections().recordSubmission(i, {"inspector", at(*submitted, 11)});
      return i;
    };
    auto decide = [&](domain::DecisionKind kind, std::optional<std::int64_t> certificate, int day,
                      const std::string& reason) {
      domain::Decision d{.entryId = place.id,
                         .certificateId = certificate,
                         .kind = kind,
                         .reason = reason,
                         .effectiveOn = day,
                         .appealUntil = day + 21,
                         .decidedBy = "office",
                         .decidedAt = at(day)};
      if (kind == domain::DecisionKind::Revocation && domain::barsReapplication(reason))
        d.barUntil = certificates::addMonths(day, 12);
      d.id = store.decisions().addDecision(d, {"office", at(day)});
      if (chance(0.3)) {  // appealed
        domain::Appeal a{.decisionId = d.id, .grounds = "不服", .filedBy = "owner"};
        a.id = store.decisions().addAppeal(a, {"owner", at(day + 3, 15)});
        Case record{place.county, at(day + 3, 15)};
        if (chance(0.8) && day + 3 + 10 <= lastDay) {
          int decided = between(day + 5, day + 20);
          a.status = chance(0.3) ? domain::AppealStatus::Granted : domain::AppealStatus::Rejected;
          a.resolution = "决定";
          store.decisions().decideAppeal(a, {"office2", at(decided, 16)});
          record.settledAt = at(decided, 16);
          record.outcome = std::string(domain::toString(a.status));
        }
        appeals.push_back(record);
      }
      return d;
    };
    auto issue = [&](const std::string& grade, int day) {
      domain::Certificate c;
      c.entryId = place.id;
      c.standardId = standard->id;
      c.standardVersion = standard->version;
      c.grade = grade;
      for (std::size_t g = 0; g < standard->grades.size(); ++g)
        if (standard->grades[g].id == grade) c.gradeRank = static_cast<int>(g) + 1;
      c.issuedOn = day;
      c.validUntil = certificates::addMonths(day, standard->validityMonths) - 1;
      c.keyId = "history";
      c = store.certificates().issueCertificate(
          c, "SL", [](const domain::Certificate& d) { return "TOKEN-" + d.serial; },
          {"office", at(day)});
      certificates.push_back({place.county, place.category, day, c.validUntil});
      return c;
    };
    auto status = [&](const domain::Certificate& c, CertificateStatus s,
                      std::optional<std::string> reason, int day) {
      store.certificates().setCertificateStatus(c.serial, s, reason, {"office", at(day, 14)});
    };

    // The application, its notice and perhaps an objection; or a refusal.
    flow("applications", start);
    int day = start + 7;
    auto application = inspect(InspectionKind::Initial, std::nullopt, day, day);
    if (chance(0.15)) {
      decide(domain::DecisionKind::Refusal, std::nullopt, day + 1, "no_grade");
      return;
    }
    std::string grade =
        standard->grades[between(0, static_cast<int>(standard->grades.size()) - 1)].id;
    domain::Notice notice{.entryId = place.id,
                          .inspectionId = application.id,
                          .standardId = standard->id,
                          .standardVersion = standard->version,
                          .grade = grade,
                          .startsAt = at(day + 1),
                          .endsOn = day + 8};
    notice.id = store.notices().addNotice(notice, {"office", at(day + 1)});
    if (chance(0.2)) {
      domain::Objection o{.noticeId = notice.id, .text = "有异议"};
      o.id = store.notices().addObjection(o, "10.0.0.9", {"public", at(day + 3, 20)});
      Case record{place.county, at(day + 3, 20)};
      if (chance(0.8)) {
        o.status = domain::ObjectionStatus::Dismissed;
        o.resolution = "不成立";
        store.notices().resolveObjection(o, {"office", at(day + 6, 9)});
        record.settledAt = at(day + 6, 9);
        record.outcome = "dismissed";
      }
      objections.push_back(record);
    }
    day += 9;
    auto current = issue(grade, day);
    store.notices().closeNotice(notice.id, domain::NoticeStatus::Issued, current.id,
                                {"office", at(day)});
    notices.push_back({place.county, at(start + 8), at(day), "issued"});
    flow("newly_certified", day);
    int activeFrom = day;
    auto close = [&](int lastActive) {
      if (lastActive >= activeFrom)
        active.push_back({place.county, place.category, current.grade, activeFrom, lastActive});
    };
    int lastSupervision = day;
    int interval = standard->reviewIntervalMonths;

    while (true) {
      int due = certificates::addMonths(lastSupervision, interval);
      if (due > current.validUntil) due = current.validUntil - 10;
      // Between reviews: complaints, spot checks, perhaps a suspension or a removal.
      if (chance(0.3)) filings.push_back({between(day + 1, due - 1), current.id});
      // About spotChecksPerYear spot checks a year, at random days before the review.
      for (double expected = spotChecksPerYear * interval / 12.0; expected > 0; expected -= 1) {
        if (!chance(std::min(1.0, expected))) continue;
        int spot = between(day + 1, due - 1);
        inspect(InspectionKind::SpotCheck, current.id, spot, spot);
        certificates.back().supervised.push_back(spot);
      }
      if (due - day > 60 && chance(0.15)) {
        int suspended = between(day + 1, due - 45);
        domain::Rectification r{.certificateId = current.id,
                                .findings = "卫生不达标",
                                .deadline = suspended + 30,
                                .suspended = true};
        r.id = store.rectifications().addRectification(r, {"office", at(suspended, 13)});
        Case record{place.county, at(suspended, 13), std::nullopt, "", suspended + 30};
        status(current, CertificateStatus::Suspended,
               domain::suspensionStatusReason(r.deadline, r.findings), suspended);
        close(suspended - 1);
        flow("suspended", suspended);
        if (chance(0.7)) {
          int fixed = between(suspended + 5, suspended + 29);
          inspect(InspectionKind::Reinspection, current.id, fixed, fixed);
          certificates.back().supervised.push_back(fixed);
          store.rectifications().closeRectification(r.id, domain::RectificationStatus::Passed,
                                                    {"office", at(fixed, 15)});
          status(current, CertificateStatus::Active, std::nullopt, fixed);
          record.settledAt = at(fixed, 15);
          record.outcome = "passed";
          flow("reinstated", fixed);
          activeFrom = fixed;
          lastSupervision = fixed;
          day = fixed;
        } else {
          int missed = suspended + 31;
          store.rectifications().closeRectification(r.id, domain::RectificationStatus::Missed,
                                                    {"scheduler", at(missed, 1)});
          record.settledAt = at(missed, 1);
          record.outcome = "missed";
          rectifications.push_back(record);
          decide(domain::DecisionKind::Revocation, current.id, missed, "missed_rectification");
          status(current, CertificateStatus::Revoked,
                 domain::revocationStatusReason("missed_rectification", ""), missed);
          certificates.back().ended = missed;
          flow("removed", missed, "missed_rectification");
          return;
        }
        rectifications.push_back(record);
      }
      if (chance(0.05)) {
        int removed = between(day + 1, due - 1);
        const auto& reasons = domain::revocationReasons();
        std::string reason = reasons[between(0, static_cast<int>(reasons.size()) - 1)];
        auto d = decide(domain::DecisionKind::Revocation, current.id, removed, reason);
        status(current, CertificateStatus::Revoked, domain::revocationStatusReason(reason, ""),
               removed);
        close(removed - 1);
        certificates.back().ended = removed;
        flow("removed", removed, reason);
        if (d.barUntil && chance(0.5) && removed + 30 <= lastDay) {
          store.decisions().recordBarredApplication(place.id, d.id, {"owner", at(removed + 30)});
          flow("barred", removed + 30);
        }
        return;
      }
      // The periodic review: done and renewed (perhaps re-graded), or never done.
      if (due > lastDay || !chance(0.85)) {
        inspect(InspectionKind::Review, current.id, due, std::nullopt);
        close(current.validUntil);
        flow("expired", current.validUntil + 1);
        return;
      }
      int done = due + 2;
      inspect(InspectionKind::Review, current.id, due, done);
      certificates.back().supervised.push_back(done);
      int rank = current.gradeRank - 1;  // the grade's index, best first
      int newRank = rank;
      if (chance(0.15) && rank > 0)
        newRank = rank - 1;
      else if (chance(0.15) && rank + 1 < static_cast<int>(standard->grades.size()))
        newRank = rank + 1;
      status(current, CertificateStatus::Superseded, "re-graded or renewed", done);
      close(done - 1);
      certificates.back().ended = done;
      current = issue(standard->grades[static_cast<std::size_t>(newRank)].id, done);
      flow(newRank == rank ? "renewed" : newRank < rank ? "upgraded" : "downgraded", done);
      activeFrom = done;
      lastSupervision = done;
      day = done;
    }
  });
}

}  // namespace tisheng::test
