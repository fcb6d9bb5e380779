#include "support/Registry.h"

#include "certificates/CivilDate.h"

namespace tisheng::test {

std::int64_t addEntry(TestServer& server, rules::Category category, const std::string& nameZh,
                      const std::string& nameEn) {
  auto& registry = server.app().registry();
  try {
    registry.addCounty("shangzhou", {"商州区", "Shangzhou District"},
                       {"test", server.clock().now()});
  } catch (const storage::ConstraintError&) {
    // Already there from an earlier entry.
  }
  domain::Entry entry;
  entry.category = category;
  entry.name = {nameZh, nameEn};
  entry.countyCode = "shangzhou";
  entry.address = {"北新街 1 号", "1 Beixin Street"};
  return registry.addEntry(entry, {"test", server.clock().now()});
}

std::map<std::string, std::string> loginAs(TestServer& server, security::Role role,
                                           const std::string& username,
                                           std::optional<std::string> county) {
  services::NewUser user{username, username, role, std::move(county), "correct horse battery"};
  server.app().auth().createUser(user, "test");
  auto result = server.app().auth().login(username, user.password, "127.0.0.1");
  return {{"Authorization", "Bearer " + result.token}};
}

void setOwner(TestServer& server, std::int64_t entryId, const std::string& username) {
  auto db = server.app().database().acquire();
  db->prepare(
        "UPDATE entries SET owner_user_id = (SELECT id FROM users WHERE username = ?) WHERE id = ?")
      .bind(1, username)
      .bind(2, entryId)
      .run();
}

domain::Certificate issue(TestServer& server, std::int64_t entryId, rules::Category category,
                          const std::string& grade) {
  int today = certificates::dayOf(server.clock().now());
  return server.app().certificates().issue(entryId, std::string(rules::toString(category)), 1,
                                           grade, today, today - 3, "test");
}

}  // namespace tisheng::test
