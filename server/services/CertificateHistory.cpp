#include "services/CertificateHistory.h"

#include "domain/PublicRecord.h"

namespace tisheng::services {

using domain::CertificateStatus;

CertificateHistory::CertificateHistory(const storage::ReportFacts& facts,
                                       const domain::Calendar& calendar)
    : facts_(facts), calendar_(calendar) {
  for (const auto& event : facts.certificateEvents)
    changes_[event.certificateId].push_back({event.at, event.status});
}

std::optional<CertificateStatus> CertificateHistory::standingAtEndOf(std::int64_t certificateId,
                                                                     int day) const {
  auto found = changes_.find(certificateId);
  if (found == changes_.end()) return std::nullopt;
  std::int64_t until = calendar_.startOf(day + 1);
  std::optional<CertificateStatus> status;
  for (const auto& change : found->second) {
    if (change.at >= until) break;
    status = change.status;
  }
  bool current = status == CertificateStatus::Active || status == CertificateStatus::Suspended;
  if (current && facts_.certificates.at(certificateId).validUntil < day)
    return CertificateStatus::Expired;
  return status;
}

std::map<std::pair<std::string, rules::Category>, domain::Flows> CertificateHistory::flows(
    const storage::ReportWindow& window, const std::function<bool(const std::string&)>& inScope,
    std::vector<domain::Removal>& removals) const {
  std::map<std::pair<std::string, rules::Category>, domain::Flows> out;
  std::map<std::int64_t, CertificateStatus> status;
  std::map<std::int64_t, std::int64_t> latestOfEntry;
  for (const auto& event : facts_.certificateEvents) {
    const auto& certificate = facts_.certificates.at(event.certificateId);
    const auto& entry = facts_.entries.at(certificate.entryId);
    bool counted = event.at >= window.from && event.at < window.until && inScope(entry.county);
    domain::Flows& flows = out[{entry.county, entry.category}];
    CertificateStatus before =
        status.contains(certificate.id) ? status[certificate.id] : CertificateStatus::Active;
    status[certificate.id] = event.status;
    if (event.issued) {
      auto previous = latestOfEntry.find(certificate.entryId);
      std::optional<std::int64_t> replaced;
      if (previous != latestOfEntry.end() &&
          status[previous->second] == CertificateStatus::Superseded)
        replaced = previous->second;
      latestOfEntry[certificate.entryId] = certificate.id;
      if (!counted) continue;
      if (!replaced) {
        ++flows.newlyCertified;
        continue;
      }
      int rank = facts_.certificates.at(*replaced).gradeRank;
      if (certificate.gradeRank == rank)
        ++flows.renewed;
      else if (certificate.gradeRank < rank)
        ++flows.upgraded;
      else
        ++flows.downgraded;
      continue;
    }
    if (!counted) continue;
    if (event.status == CertificateStatus::Suspended && before == CertificateStatus::Active)
      ++flows.suspended;
    if (event.status == CertificateStatus::Active && before == CertificateStatus::Suspended)
      ++flows.reinstated;
    if (event.status == CertificateStatus::Revoked && before != CertificateStatus::Revoked) {
      ++flows.removed;
      removals.push_back({entry.id, entry.name, entry.county, entry.category, certificate.serial,
                          certificate.grade, domain::revocationCode(event.reason).value_or("other"),
                          calendar_.dayOf(event.at)});
    }
  }
  for (const auto& [id, certificate] : facts_.certificates) {
    int expiresOn = certificate.validUntil + 1;
    const auto& entry = facts_.entries.at(certificate.entryId);
    if (expiresOn < window.firstDay || expiresOn > window.lastDay || !inScope(entry.county))
      continue;
    auto standing = standingAtEndOf(id, certificate.validUntil);
    if (standing == CertificateStatus::Active || standing == CertificateStatus::Suspended)
      ++out[{entry.county, entry.category}].expired;
  }
  return out;
}

}  // namespace tisheng::services
