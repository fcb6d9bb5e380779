#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "domain/Registry.h"
#include "support/TestServer.h"

namespace tisheng::test {

/// Adds a county (once) and an entry of category to the test server's registry.
std::int64_t addEntry(TestServer& server, rules::Category category, const std::string& nameZh,
                      const std::string& nameEn = "");

/// Creates a user (password "correct horse battery") and returns a bearer header for it.
std::map<std::string, std::string> loginAs(TestServer& server, security::Role role,
                                           const std::string& username,
                                           std::optional<std::string> county = std::nullopt);

/// Makes user the owner of entry.
void setOwner(TestServer& server, std::int64_t entryId, const std::string& username);

/// Issues a certificate for entry at the given grade of the category's shipped standard,
/// dated the server clock's day.
domain::Certificate issue(TestServer& server, std::int64_t entryId, rules::Category category,
                          const std::string& grade);

}  // namespace tisheng::test
