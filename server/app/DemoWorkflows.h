#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "app/Config.h"
#include "domain/Clock.h"
#include "rules/StandardRegistry.h"
#include "security/Principal.h"
#include "services/CertificateService.h"
#include "storage/Storage.h"

namespace tisheng::app {

/// A complete score sheet for standard: every pass/fail item passed, every points item at share
/// of its maximum (rounded to its step). For demo data and tests.
nlohmann::ordered_json uniformScores(const rules::Standard& standard, double share);

/// Who the demo's workflows are run by, and on what.
struct DemoCast {
  security::Principal admin, countyOffice, countyInspector, cityInspector, owner;
  /// The demo entries' ids, in the order of the demo list.
  std::vector<std::int64_t> entries;
  /// Serials of certificates the workflows act on: entries 0 (owned), 5 and 20.
  std::string owned, toSuspend, toRevoke;
};

/// Runs the programme's paths through the real services so a newcomer finds them in every
/// state: an application on public notice with an objection, one being scored, one awaiting
/// confirmation, a review assigned, a suspension under rectification, a downgrade under appeal,
/// a removal (摘牌) and complaints to triage; then runs the scheduler once. clock is moved as the
/// story needs and left at now.
void seedDemoWorkflows(storage::Storage& stored, const rules::StandardRegistry& standards,
                       const services::CertificateService& certificates, const Config& config,
                       domain::ManualClock& clock, std::int64_t now, const DemoCast& cast);

}  // namespace tisheng::app
