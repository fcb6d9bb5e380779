#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "domain/Registry.h"

namespace tisheng::domain {

/// Where a certified place stands for the public (open data, the directory, the entry page),
/// from its latest certificate: FHRS and NYC keep a place listed with its history rather than
/// letting it vanish, and so does Tisheng.
enum class PublicStatus {
  Certified,  ///< active and within its validity
  Suspended,  ///< 暂停使用: pending rectification
  Removed,    ///< 摘牌: revoked
  Expired,    ///< validity over, not renewed
};

/// The status of a place whose latest certificate is c, on `today`. A superseded latest
/// certificate (which the registry never leaves behind) counts as expired.
PublicStatus publicStatusOf(const Certificate& c, int today);
std::string_view toString(PublicStatus status);
std::optional<PublicStatus> publicStatusFromString(std::string_view text);
rules::LocalizedText publicStatusTitle(PublicStatus status);

/// The stored reason of a revoked certificate: "摘牌：<code>（<note>）".
std::string revocationStatusReason(const std::string& code, const std::string& note);
/// The reason code (e.g. "serious_incident") of a revoked certificate's stored reason.
std::optional<std::string> revocationCode(const std::optional<std::string>& statusReason);
/// What a reason code means, in words; the code itself for an unknown one.
rules::LocalizedText revocationTitle(const std::string& code);

/// The stored reason of a certificate suspended pending rectification:
/// "限期整改至 YYYY-MM-DD：<findings>", or just the findings without a deadline.
std::string suspensionStatusReason(const std::optional<int>& deadline, const std::string& findings);
/// What must be put right, from a suspended certificate's stored reason (without the deadline).
std::string suspensionFindings(const std::optional<std::string>& statusReason);
/// The deadline (a day) in a suspended certificate's stored reason.
std::optional<int> suspensionDeadline(const std::optional<std::string>& statusReason);

/// A certified place as the public sees it: the entry with its latest certificate, and when
/// anything public about it last changed (Unix seconds).
struct PublicRecord {
  Entry entry;
  Certificate certificate;
  std::int64_t updatedAt = 0;
};

/// Which places, and which page of them. Places are listed by id, which never changes: a page
/// continues after the last id of the one before, so paging through a list that changes meanwhile
/// returns each place once.
struct PublicQuery {
  std::optional<rules::Category> category;
  std::optional<std::string> county;
  std::optional<std::string> grade;
  std::optional<PublicStatus> status;
  /// Part of the name (either language) or of the address, any case.
  std::optional<std::string> text;
  /// Only places changed at or after this Unix time.
  std::optional<std::int64_t> updatedSince;
  std::int64_t afterId = 0;
  std::size_t limit = 50;
  /// The day statuses are judged on (certified until valid_until, then expired).
  int today = 0;
};

}  // namespace tisheng::domain
