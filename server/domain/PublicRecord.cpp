#include "domain/PublicRecord.h"

#include "certificates/CivilDate.h"

namespace tisheng::domain {

namespace {
const std::string kRevoked = "摘牌：";
const std::string kNoteOpen = "（";
const std::string kSuspendedUntil = "限期整改至 ";
}  // namespace

PublicStatus publicStatusOf(const Certificate& c, int today) {
  switch (c.effectiveStatus(today)) {
    case CertificateStatus::Active: return PublicStatus::Certified;
    case CertificateStatus::Suspended: return PublicStatus::Suspended;
    case CertificateStatus::Revoked: return PublicStatus::Removed;
    case CertificateStatus::Expired:
    case CertificateStatus::Superseded: return PublicStatus::Expired;
  }
  return PublicStatus::Expired;
}

std::string_view toString(PublicStatus status) {
  switch (status) {
    case PublicStatus::Certified: return "certified";
    case PublicStatus::Suspended: return "suspended";
    case PublicStatus::Removed: return "removed";
    case PublicStatus::Expired: return "expired";
  }
  return "expired";
}

std::optional<PublicStatus> publicStatusFromString(std::string_view text) {
  for (auto status : {PublicStatus::Certified, PublicStatus::Suspended, PublicStatus::Removed,
                      PublicStatus::Expired})
    if (toString(status) == text) return status;
  return std::nullopt;
}

rules::LocalizedText publicStatusTitle(PublicStatus status) {
  switch (status) {
    case PublicStatus::Certified: return {"认定有效", "Certified"};
    case PublicStatus::Suspended: return {"暂停使用（整改中）", "Suspended pending rectification"};
    case PublicStatus::Removed: return {"已摘牌", "Removed from the list"};
    case PublicStatus::Expired: return {"认定已过期", "Certification expired"};
  }
  return {};
}

std::string revocationStatusReason(const std::string& code, const std::string& note) {
  return kRevoked + code + (note.empty() ? "" : kNoteOpen + note + "）");
}

std::optional<std::string> revocationCode(const std::optional<std::string>& statusReason) {
  if (!statusReason || !statusReason->starts_with(kRevoked)) return std::nullopt;
  std::string rest = statusReason->substr(kRevoked.size());
  return rest.substr(0, rest.find(kNoteOpen));
}

rules::LocalizedText revocationTitle(const std::string& code) {
  if (code == "failed_review") return {"复核未达到认定标准", "Failed its review"};
  if (code == "serious_incident")
    return {"发生重大安全或质量事件", "A serious safety or quality incident"};
  if (code == "fraud") return {"弄虚作假", "False information or fraud"};
  if (code == "closure") return {"已停业", "The business has closed"};
  if (code == "withdrawal") return {"经营者主动退出", "The business withdrew"};
  if (code == "missed_rectification") return {"逾期未完成整改", "Did not rectify by the deadline"};
  if (code == "upheld_complaints") return {"投诉经查属实", "Complaints were upheld"};
  return {code, code};
}

std::string suspensionStatusReason(const std::optional<int>& deadline,
                                   const std::string& findings) {
  return (deadline ? kSuspendedUntil + certificates::isoDate(*deadline) + "：" : "") + findings;
}

std::string suspensionFindings(const std::optional<std::string>& statusReason) {
  if (!statusReason) return "";
  if (!statusReason->starts_with(kSuspendedUntil)) return *statusReason;
  std::size_t colon = statusReason->find("：", kSuspendedUntil.size());
  return colon == std::string::npos ? "" : statusReason->substr(colon + std::string("：").size());
}

std::optional<int> suspensionDeadline(const std::optional<std::string>& statusReason) {
  if (!statusReason || !statusReason->starts_with(kSuspendedUntil)) return std::nullopt;
  return certificates::parseIsoDate(statusReason->substr(kSuspendedUntil.size(), 10));
}

}  // namespace tisheng::domain
