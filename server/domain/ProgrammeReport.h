#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "domain/Period.h"
#include "domain/Registry.h"
#include "domain/Workflow.h"

namespace tisheng::domain {

/// The programme's figures for a period and a scope (the city, or one county), as they stood
/// at the period's end: the monthly dispatch, the quarterly bulletin, the yearly assessment.
/// "In the period" means from its first instant to the instant after its last day; "at the
/// end" means as of that instant.

/// Places holding an active certificate at a period's end, per county, category and grade.
struct CertifiedCount {
  std::string county;
  rules::Category category = rules::Category::Homestay;
  std::string grade;
  int count = 0;
  int previous = 0;     ///< at the end of the period before
  int yearEarlier = 0;  ///< at the end of the same period a year earlier
};

/// What moved in the period.
struct Flows {
  int applications = 0;    ///< first applications (initial inspections opened)
  int newlyCertified = 0;  ///< certificates issued to places holding none
  int renewed = 0;         ///< re-issued at the same grade (reviews)
  int upgraded = 0;
  int downgraded = 0;
  int suspended = 0;
  int reinstated = 0;
  int removed = 0;  ///< revoked: 摘牌
  int expired = 0;  ///< validity ran out without renewal
  int barred = 0;   ///< re-applications refused because of a removal's bar

  Flows& operator+=(const Flows& other);
};

struct CountyFlows {
  std::string county;
  rules::Category category = rules::Category::Homestay;
  Flows flows;
};

struct KindSupervision {
  InspectionKind kind = InspectionKind::Review;
  int due = 0;   ///< scheduled for a day in the period (not cancelled by its end)
  int done = 0;  ///< of those, submitted by the period's end
  int made = 0;  ///< submitted in the period, whenever scheduled
};

struct Supervision {
  std::vector<KindSupervision> byKind;
  int overdueReviews = 0;  ///< certificates current at the end whose periodic review is past due
  int rectificationsOpened = 0;
  int rectificationsOpen = 0;     ///< at the end
  int rectificationsOverdue = 0;  ///< open at the end with the deadline passed
  int rectificationsClosedInTime = 0;
  int rectificationsMissed = 0;
};

struct ComplaintFigures {
  int received = 0;
  int dismissed = 0;  ///< triaged in the period, by outcome
  int upheld = 0;
  int inspected = 0;
  int untriaged = 0;  ///< at the end
  std::optional<double> medianHoursToTriage;
};

struct NoticeFigures {
  int noticesOpened = 0;
  int noticesIssued = 0;
  int noticesWithdrawn = 0;
  int onNotice = 0;  ///< at the end
  int objectionsFiled = 0;
  int objectionsDismissed = 0;
  int objectionsUpheld = 0;
  int objectionsOpen = 0;  ///< at the end
};

struct AppealFigures {
  int filed = 0;
  int granted = 0;
  int rejected = 0;
  int open = 0;  ///< at the end
  std::optional<double> grantedShare;
  std::optional<double> medianDaysToDecide;
};

/// The average share reached in one section of a standard by the inspections submitted in the
/// period.
struct SectionQuality {
  std::string standardId;
  int standardVersion = 0;
  rules::LocalizedText standardTitle;
  std::string sectionId;
  rules::LocalizedText title;
  int inspections = 0;
  double averageShare = 0;
};

/// An item failed in inspections submitted in the period: what to train businesses on.
struct FailedItem {
  rules::Category category = rules::Category::Homestay;
  std::string itemId;
  rules::LocalizedText title;
  rules::LocalizedText section;
  int failed = 0;
  int inspections = 0;  ///< inspections of the category that scored it
};

struct TargetProgress {
  std::string county;
  rules::Category category = rules::Category::Homestay;
  int target = 0;
  int certified = 0;  ///< at the end
};

/// A county's place in the ranking: by share of its yearly target reached, then by places
/// newly certified in the period.
struct CountyRank {
  int rank = 0;
  std::string county;
  int certified = 0;
  int target = 0;
  std::optional<double> progress;
  int newlyCertified = 0;
  int removed = 0;
};

/// A place removed from the list in the period (public information).
struct Removal {
  std::int64_t entryId = 0;
  rules::LocalizedText name;
  std::string county;
  rules::Category category = rules::Category::Homestay;
  std::string serial;
  std::string grade;
  std::string reason;  ///< the revocation's reason code (domain::revocationTitle words it)
  int day = 0;
};

struct ProgrammeReport {
  explicit ProgrammeReport(Period reported) : period(reported) {}

  Period period;
  std::int64_t asOf = 0;              ///< the period's end, or the moment of making if earlier
  std::optional<std::string> county;  ///< the scope; none: the whole city
  std::vector<County> counties;       ///< those in scope
  std::vector<CertifiedCount> certified;
  int suspendedAtEnd = 0;
  std::vector<CountyFlows> flows;
  std::map<std::string, int> removedByReason;
  Supervision supervision;
  ComplaintFigures complaints;
  NoticeFigures notices;
  AppealFigures appeals;
  std::vector<SectionQuality> sections;
  std::vector<FailedItem> mostFailed;  ///< up to ten per category, most failed first
  std::vector<TargetProgress> targets;
  std::vector<CountyRank> ranking;
  std::vector<Removal> removals;

  Flows totalFlows() const;
  /// Certified at the end, at the end of the period before, and a year earlier.
  CertifiedCount totalCertified() const;
};

}  // namespace tisheng::domain
