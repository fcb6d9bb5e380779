#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "support/Registry.h"

namespace tisheng::test {

using Headers = std::map<std::string, std::string>;

/// The people of a workflow test, each logged in: the city office, the county office of
/// "shangzhou" (two admins, so that appeals can be heard by another), a shangzhou inspector,
/// the owner of the entry and another business.
struct Actors {
  Headers city, county, county2, inspector, owner, other;
};
Actors makeActors(TestServer& server, std::int64_t ownedEntry);
/// Logs everyone in again: sessions expire when a test moves the clock on by days.
void renewSessions(TestServer& server, Actors& actors);

/// A complete score sheet for the category's shipped standard: every pass/fail item passed
/// and every points item at `share` of its maximum (rounded to its step).
nlohmann::ordered_json scoresAt(rules::Category category, double share);

/// Every row of every table but sessions and login failures, as text: equal dumps mean a
/// request wrote nothing.
std::string databaseDump(TestServer& server);

/// Runs the server's scheduler at the server clock's time and returns its report.
services::TickReport tick(TestServer& server);

/// POSTs body as JSON and returns the reply.
Reply postJson(TestServer& server, const std::string& target, const nlohmann::ordered_json& body,
               const Headers& headers);

}  // namespace tisheng::test
