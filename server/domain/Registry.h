#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "certificates/StatusList.h"
#include "rules/Standard.h"

namespace tisheng::domain {

using certificates::CertificateStatus;

/// A county (or district) of the programme; its office manages the entries there. The code is
/// what accounts and entries refer to, and never changes; the name may.
struct County {
  std::string code;
  rules::LocalizedText name;
};

/// A certified (or candidate) homestay, restaurant or product. Its id never changes.
struct Entry {
  std::int64_t id = 0;
  rules::Category category = rules::Category::Homestay;
  rules::LocalizedText name;
  std::string countyCode;
  rules::LocalizedText countyName;
  rules::LocalizedText address;
  std::optional<double> latitude;
  std::optional<double> longitude;
  std::optional<std::string> photoPath;
  /// The business account that owns the entry (changes of owner keep the entry's id).
  std::optional<std::int64_t> ownerUserId;
  /// How to reach the business. Published (open data, brochures) only when contactPublic: a
  /// homestay's contact is often a private person's mobile number.
  std::string contact;
  bool contactPublic = false;
  rules::LocalizedText description;
  /// Restaurants only: their featured dishes (特色菜品), in the order the business lists them.
  std::vector<std::string> featuredDishes;
  /// Products only: who makes it, where it comes from, its specification (e.g. 500 g/袋).
  std::optional<std::string> producer;
  std::optional<std::string> origin;
  std::optional<std::string> specification;
  /// The business's short public reply (right to reply), shown beside its record.
  std::optional<std::string> reply;
  std::optional<std::int64_t> replyAt;
};

/// A certificate as stored. Dates are days since 1970-01-01; times Unix seconds.
struct Certificate {
  std::int64_t id = 0;
  std::string serial;
  std::int64_t entryId = 0;
  std::string standardId;
  int standardVersion = 0;
  std::string grade;
  int gradeRank = 1;
  int issuedOn = 0;
  int validUntil = 0;
  CertificateStatus status = CertificateStatus::Active;
  std::optional<std::string> statusReason;
  std::optional<std::int64_t> statusSince;
  std::optional<int> lastInspectionOn;
  std::string keyId;
  std::string token;

  /// The status a verifier should show on `today`: revoked, superseded and suspended as stored,
  /// then expired once past validUntil, else active.
  CertificateStatus effectiveStatus(int today) const;
  /// The entry's current certificate: active or suspended (not revoked, expired or superseded).
  /// storage's currentCertificate() selects by the same rule.
  bool isCurrent() const {
    return status == CertificateStatus::Active || status == CertificateStatus::Suspended;
  }
};

/// A certificate with the entry it belongs to: everything the verification page shows.
struct CertifiedEntry {
  Certificate certificate;
  Entry entry;
};

/// 特色民宿 / Featured Homestay, and so on.
rules::LocalizedText categoryTitle(rules::Category category);

/// The series letters of a category in serials: MS (民宿), CY (餐饮), CP (产品).
std::string serialCode(rules::Category category);

}  // namespace tisheng::domain
