#pragma once

#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "domain/Calendar.h"
#include "rules/StandardRegistry.h"
#include "storage/Storage.h"

namespace tisheng::test {

/// A programme's history written through the storage layer, each fact at a chosen time, with a
/// record of what was written so that tests can count it on their own and compare with the
/// reports. Randomised from a seed (the same seed, the same history). Used by the report tests
/// and by the report benchmark.
class ProgrammeHistory {
 public:
  /// Places in the order of their lifecycle; each fact at noon of its day.
  struct Place {
    std::int64_t id = 0;
    std::string county;
    rules::Category category = rules::Category::Homestay;
  };
  /// A fact that moved: applications, newly_certified, renewed, upgraded, downgraded,
  /// suspended, reinstated, removed (detail: the reason), expired, barred.
  struct Flow {
    std::string measure;
    std::string county;
    rules::Category category = rules::Category::Homestay;
    int day = 0;
    std::string detail;
  };
  /// Days on which the place held an active certificate at the day's end, both ends included.
  struct Active {
    std::string county;
    rules::Category category = rules::Category::Homestay;
    std::string grade;
    int from = 0;
    int to = 0;
  };
  struct InspectionDone {
    std::string county;
    std::string kind;
    int scheduled = 0;
    std::optional<int> submitted;
  };
  /// A complaint, notice, objection, appeal or rectification: opened, settled (perhaps) with an
  /// outcome, in hours since the epoch for median times.
  struct Case {
    std::string county;
    std::int64_t openedAt = 0;
    std::optional<std::int64_t> settledAt{};
    std::string outcome{};
    int deadline = 0;
  };
  /// A certificate's supervision: current from issued to ended (exclusive), reviews due every
  /// interval months after the last supervision.
  struct Supervised {
    std::string county;
    rules::Category category = rules::Category::Homestay;
    int issued = 0;
    int validUntil = 0;
    std::optional<int> ended{};  ///< superseded or revoked on this day
    std::vector<int> supervised{};
  };

  /// The day number of "YYYY-MM-DD" (which must be a real date).
  static int day(const char* iso);

  ProgrammeHistory(storage::Storage& storage, const rules::StandardRegistry& standards,
                   const domain::Calendar& calendar, unsigned seed);

  void addCounty(const std::string& code, const std::string& zh, const std::string& en);
  /// places lives, each starting between firstDay and a third of the way to lastDay, in the
  /// counties given (others stay empty), with spotChecksPerYear spot checks on average besides
  /// the reviews. Lives go on while reviews fall due by lastDay; what follows from their last
  /// steps (a deadline, a decision, an expiry) may fall later, and is recorded as well.
  void generate(int places, int firstDay, int lastDay, const std::vector<std::string>& counties,
                double spotChecksPerYear = 1);

  std::vector<Place> places;
  std::vector<Flow> flows;
  std::vector<Active> active;
  std::vector<InspectionDone> inspections;
  std::vector<Case> complaints, notices, objections, appeals, rectifications;
  std::vector<Supervised> certificates;
  int reviewIntervalMonths(rules::Category category) const;

 private:
  std::int64_t at(int day, int hour = 12) const { return calendar_.startOf(day) + hour * 3600; }
  void live(const Place& place, int start, int lastDay, double spotChecksPerYear);
  void liveCertified(const Place& place, int start, int lastDay, double spotChecksPerYear,
                     std::vector<std::pair<int, std::int64_t>>& filings);
  bool chance(double p);
  int between(int low, int high);

  storage::Storage& storage_;
  const rules::StandardRegistry& standards_;
  const domain::Calendar& calendar_;
  std::mt19937 random_;
};

}  // namespace tisheng::test
