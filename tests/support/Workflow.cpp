#include "support/Workflow.h"

#include "app/DemoWorkflows.h"
#include "rules/StandardRegistry.h"

namespace tisheng::test {

Actors makeActors(TestServer& server, std::int64_t ownedEntry) {
  using security::Role;
  Actors actors;
  actors.city = loginAs(server, Role::CityAdmin, "city");
  actors.county = loginAs(server, Role::CountyAdmin, "county", "shangzhou");
  actors.county2 = loginAs(server, Role::CountyAdmin, "county2", "shangzhou");
  actors.inspector = loginAs(server, Role::Inspector, "insp", "shangzhou");
  actors.owner = loginAs(server, Role::Business, "owner");
  actors.other = loginAs(server, Role::Business, "other");
  setOwner(server, ownedEntry, "owner");
  return actors;
}

void renewSessions(TestServer& server, Actors& actors) {
  auto login = [&](const std::string& username) -> Headers {
    auto session = server.app().auth().login(username, "correct horse battery", "127.0.0.1");
    return {{"Authorization", "Bearer " + session.token}};
  };
  actors.city = login("city");
  actors.county = login("county");
  actors.county2 = login("county2");
  actors.inspector = login("insp");
  actors.owner = login("owner");
  actors.other = login("other");
}

nlohmann::ordered_json scoresAt(rules::Category category, double share) {
  static const auto standards =
      rules::StandardRegistry::load(std::string(TISHENG_SOURCE_DIR) + "/rating-rules/standards");
  for (const auto& standard : standards.latestOfEach())
    if (standard->category == category) return app::uniformScores(*standard, share);
  return nlohmann::ordered_json::object();
}

std::string databaseDump(TestServer& server) {
  auto db = server.app().database().acquire();
  std::vector<std::string> tables;
  auto names = db->prepare(
      db->dialect() == storage::Dialect::Sqlite
          ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND "
            "name NOT IN ('sessions', 'login_failures') ORDER BY name"
          : "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND "
            "table_name NOT IN ('sessions', 'login_failures') ORDER BY table_name");
  while (names.step()) tables.push_back(names.text(0));
  std::string dump;
  for (const auto& table : tables) {
    auto rows = db->prepare("SELECT * FROM " + table + " ORDER BY 1");
    int columns = rows.columnCount();
    dump += "# " + table + "\n";
    while (rows.step()) {
      for (int i = 0; i < columns; ++i) dump += (rows.isNull(i) ? "NULL" : rows.text(i)) + "|";
      dump += "\n";
    }
  }
  return dump;
}

services::TickReport tick(TestServer& server) {
  return server.app().scheduler().tick(server.clock().now());
}

Reply postJson(TestServer& server, const std::string& target, const nlohmann::ordered_json& body,
               const Headers& headers) {
  return server.client().post(target, body.dump(), headers);
}

}  // namespace tisheng::test
