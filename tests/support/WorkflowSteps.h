#pragma once

// Steps of the workflow tests, each checked as it goes: open an inspection, score and submit it,
// decide it, read an entry's record, ask the public verification for a plaque's status.

#include <catch2/catch.hpp>

#include "certificates/CivilDate.h"
#include "support/Workflow.h"

namespace tisheng::test {

using Json = nlohmann::ordered_json;

inline int today(TestServer& server) { return certificates::dayOf(server.clock().now()); }

/// Opens an inspection of kind as `by`, returning its id.
inline std::int64_t openInspection(TestServer& server, const Headers& by, const std::string& kind,
                                   std::int64_t entry) {
  auto reply =
      postJson(server, "/api/v1/inspections",
               {{"kind", kind}, {"entry_id", entry}, {"inspectors", Json::array({"insp"})}}, by);
  REQUIRE(reply.status == 201);
  return reply.json()["inspection"]["id"].get<std::int64_t>();
}

/// The assigned inspector scores the whole sheet at share and submits; returns the grade
/// reached (null when none).
inline Json scoreAndSubmit(TestServer& server, const Actors& actors, std::int64_t inspection,
                           rules::Category category, double share) {
  std::string base = "/api/v1/inspections/" + std::to_string(inspection);
  auto saved =
      server.client().send("PUT", base + "/scores",
                           Json{{"scores", scoresAt(category, share)}}.dump(), actors.inspector);
  REQUIRE(saved.status == 200);
  auto submitted = server.client().post(base + "/submit", "", actors.inspector);
  REQUIRE(submitted.status == 200);
  return submitted.json()["inspection"]["grade"];
}

inline Json decide(TestServer& server, const Headers& by, std::int64_t inspection,
                   const Json& verdict) {
  auto reply = postJson(server, "/api/v1/inspections/" + std::to_string(inspection) + "/decision",
                        verdict, by);
  CAPTURE(reply.body);
  REQUIRE(reply.status == 200);
  return reply.json();
}

inline Json record(TestServer& server, const Headers& by, std::int64_t entry) {
  auto reply = server.client().get("/api/v1/entries/" + std::to_string(entry) + "/record", by);
  REQUIRE(reply.status == 200);
  return reply.json();
}

inline std::string verifiedStatus(TestServer& server, const std::string& token) {
  return server.client().get("/api/v1/public/verify/" + token).json()["status"];
}

}  // namespace tisheng::test
