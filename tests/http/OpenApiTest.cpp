#include <catch2/catch.hpp>
#include <fstream>
#include <regex>
#include <set>

#include "support/TestServer.h"

namespace {

/// "METHOD /path" for every operation in docs/openapi.yaml (paths at two spaces of indent,
/// methods at four).
std::set<std::string> documentedOperations() {
  std::ifstream in(tisheng::test::sourceDir() / "docs/openapi.yaml");
  std::set<std::string> operations;
  std::string line, path;
  std::smatch match;
  while (std::getline(in, line)) {
    if (std::regex_match(line, match, std::regex("^  (/\\S*):\\s*$"))) {
      path = match[1];
    } else if (!path.empty() &&
               std::regex_match(line, match,
                                std::regex("^    (get|post|put|patch|delete|options):.*"))) {
      std::string method = match[1];
      for (char& c : method) c = static_cast<char>(std::toupper(c));
      operations.insert(method + " " + path);
    } else if (std::regex_match(line, std::regex("^\\S.*"))) {
      path.clear();
    }
  }
  return operations;
}

}  // namespace

TEST_CASE("docs/openapi.yaml documents exactly the routes the server registers", "[http]") {
  tisheng::test::TestServer server;
  std::set<std::string> registered;
  for (const auto& route : server.app().router().routes())
    registered.insert(route.method + " " + route.pattern);
  auto documented = documentedOperations();
  CHECK_FALSE(registered.empty());
  CHECK(documented == registered);
}
