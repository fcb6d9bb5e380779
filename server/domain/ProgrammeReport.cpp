#include "domain/ProgrammeReport.h"

namespace tisheng::domain {

Flows& Flows::operator+=(const Flows& other) {
  applications += other.applications;
  newlyCertified += other.newlyCertified;
  renewed += other.renewed;
  upgraded += other.upgraded;
  downgraded += other.downgraded;
  suspended += other.suspended;
  reinstated += other.reinstated;
  removed += other.removed;
  expired += other.expired;
  barred += other.barred;
  return *this;
}

Flows ProgrammeReport::totalFlows() const {
  Flows total;
  for (const auto& row : flows) total += row.flows;
  return total;
}

CertifiedCount ProgrammeReport::totalCertified() const {
  CertifiedCount total;
  for (const auto& row : certified) {
    total.count += row.count;
    total.previous += row.previous;
    total.yearEarlier += row.yearEarlier;
  }
  return total;
}

}  // namespace tisheng::domain
