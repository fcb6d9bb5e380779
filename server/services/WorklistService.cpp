#include "services/WorklistService.h"

#include <algorithm>
#include <cctype>

#include "services/Errors.h"
#include "services/Scope.h"

namespace tisheng::services {

namespace {

using security::Role;

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

bool mentions(const domain::Entry& entry, const std::string& needle) {
  for (const auto* text : {&entry.name.zh, &entry.name.en, &entry.address.zh, &entry.address.en})
    if (lower(*text).find(needle) != std::string::npos) return true;
  return false;
}

void requireOffice(const security::Principal& p) {
  if (!p.isOffice()) throw Forbidden("offices only");
}

std::optional<std::string> scopeCounty(const security::Principal& p) {
  return p.role == Role::CityAdmin ? std::nullopt : p.county;
}

}  // namespace

WorklistService::WorklistService(storage::WorkflowRepository& workflow,
                                 storage::RegistryRepository& registry,
                                 InspectionService& inspections, SupervisionService& supervision,
                                 PlaqueReportService& plaqueReports,
                                 const domain::Calendar& calendar, const domain::Clock& clock)
    : workflow_(workflow),
      registry_(registry),
      inspections_(inspections),
      supervision_(supervision),
      plaqueReports_(plaqueReports),
      calendar_(calendar),
      clock_(clock) {}

int WorklistService::today() const { return calendar_.dayOf(clock_.now()); }

EntryStatus WorklistService::statusOf(storage::WorkflowStore& store, domain::Entry entry,
                                      int today) const {
  EntryStatus out{.entry = std::move(entry)};
  std::int64_t id = out.entry.id;
  out.certificate = store.certificates().currentCertificate(id);
  if (!out.certificate) {
    auto all = store.certificates().certificatesOf(id);
    if (!all.empty()) out.certificate = all.back();
  }
  if (out.certificate)
    out.rectification = store.rectifications().openRectification(out.certificate->id);
  auto notices = store.notices().notices(domain::NoticeStatus::Open, id);
  if (!notices.empty()) out.notice = notices.back();
  for (auto& inspection : store.inspections().inspections({.entryId = id}))
    if (inspection.isOpen()) out.inspection = std::move(inspection);
  for (auto& decision : store.decisions().decisionsOf(id)) {
    if (decision.state != domain::DecisionState::Lifted && decision.barUntil &&
        *decision.barUntil > today)
      out.barredUntil = std::max(out.barredUntil.value_or(0), *decision.barUntil);
    if (decision.state != domain::DecisionState::Lifted && decision.appealUntil >= today &&
        !store.decisions().appealOf(decision.id))
      out.appealable.push_back(std::move(decision));
  }
  using domain::CertificateStatus;
  auto status = out.certificate ? std::optional(out.certificate->status) : std::nullopt;
  if (status == CertificateStatus::Active)
    out.state = domain::EntryState::Certified;
  else if (status == CertificateStatus::Suspended)
    out.state = domain::EntryState::Suspended;
  else if (out.notice)
    out.state = domain::EntryState::OnNotice;
  else if (out.inspection && out.inspection->kind == domain::InspectionKind::Initial)
    out.state = domain::EntryState::Applied;
  else if (status == CertificateStatus::Revoked)
    out.state = domain::EntryState::Revoked;
  else if (status == CertificateStatus::Expired)
    out.state = domain::EntryState::Expired;
  else
    out.state = domain::EntryState::NotCertified;
  return out;
}

EntryStatus WorklistService::statusOf(domain::Entry entry) {
  EntryStatus out;
  int day = today();
  workflow_.read(
      [&](storage::WorkflowStore& store) { out = statusOf(store, std::move(entry), day); });
  return out;
}

std::vector<EntryStatus> WorklistService::entries(const security::Principal& p,
                                                  const EntryQuery& query) {
  std::optional<std::string> county = query.county;
  std::optional<std::int64_t> owner;
  if (p.role == Role::Business) {
    owner = p.userId;
  } else if (p.role != Role::CityAdmin) {
    if (county && county != p.county) throw Forbidden("outside your county");
    county = p.county;
  }
  std::string needle = lower(query.text.value_or(""));
  int day = today();
  std::vector<EntryStatus> out;
  auto listed = registry_.entries(county, query.category, owner);
  workflow_.read([&](storage::WorkflowStore& store) {
    for (auto& entry : listed) {
      if (!needle.empty() && !mentions(entry, needle)) continue;
      EntryStatus status = statusOf(store, std::move(entry), day);
      if (query.state && status.state != *query.state) continue;
      if (query.grade && (!status.certificate || status.certificate->grade != *query.grade ||
                          (status.state != domain::EntryState::Certified &&
                           status.state != domain::EntryState::Suspended)))
        continue;
      out.push_back(std::move(status));
    }
  });
  return out;
}

std::vector<OpenRectification> WorklistService::rectifications(const security::Principal& p,
                                                               std::optional<int> dueBefore) {
  requireOffice(p);
  std::vector<OpenRectification> out;
  workflow_.read([&](storage::WorkflowStore& store) {
    for (auto& rectification : store.rectifications().openRectifications(scopeCounty(p))) {
      if (dueBefore && rectification.deadline >= *dueBefore) continue;
      auto certificate = store.certificates().certificate(rectification.certificateId);
      if (certificate) out.push_back({std::move(rectification), std::move(*certificate)});
    }
  });
  return out;
}

std::vector<OpenNotice> WorklistService::notices(const security::Principal& p,
                                                 std::optional<int> endingBefore) {
  requireOffice(p);
  std::vector<OpenNotice> out;
  workflow_.read([&](storage::WorkflowStore& store) {
    for (auto& notice : store.notices().notices(domain::NoticeStatus::Open, std::nullopt)) {
      auto entry = store.entries().entry(notice.entryId);
      if (!entry || !isOfficeOf(p, *entry)) continue;
      if (endingBefore && notice.endsOn >= *endingBefore) continue;
      auto objections = store.notices().objectionsTo(notice.id);
      int open = static_cast<int>(std::count_if(
          objections.begin(), objections.end(), [](const domain::Objection& objection) {
            return objection.status == domain::ObjectionStatus::Open;
          }));
      out.push_back({std::move(notice), open});
    }
  });
  std::stable_sort(out.begin(), out.end(), [](const OpenNotice& a, const OpenNotice& b) {
    return a.notice.endsOn < b.notice.endsOn;
  });
  return out;
}

std::vector<std::pair<std::string, std::size_t>> WorklistService::officeCounts(
    const security::Principal& p) {
  requireOffice(p);
  int day = today();
  auto scheduledReviews = inspections_.list(
      p, {.status = domain::InspectionStatus::Scheduled, .kind = domain::InspectionKind::Review});
  // Overdue: still scheduled before today (as InspectionQuery::overdue), counted from the same
  // list.
  auto overdueReviews =
      std::count_if(scheduledReviews.begin(), scheduledReviews.end(),
                    [day](const domain::Inspection& i) { return i.scheduledOn < day; });
  return {
      {"awaiting_confirmation",
       inspections_.list(p, {.status = domain::InspectionStatus::Submitted}).size()},
      {"notices_ending", notices(p, day + kNoticeEndingDays + 1).size()},
      {"objections_open", supervision_.objections(p, domain::ObjectionStatus::Open).size()},
      {"reviews_due", scheduledReviews.size()},
      {"reviews_overdue", static_cast<std::size_t>(overdueReviews)},
      {"rectifications_due", rectifications(p, day + kDeadlineSoonDays + 1).size()},
      {"complaints_new", supervision_.complaints(p, domain::ComplaintStatus::New).size()},
      {"plaque_reports_new", plaqueReports_.list(p, domain::PlaqueReportStatus::New).size()},
      {"appeals_open", supervision_.appeals(p, domain::AppealStatus::Open).size()},
  };
}

}  // namespace tisheng::services
