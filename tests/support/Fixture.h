#pragma once

#include <cstdint>
#include <string>

#include "domain/Registry.h"
#include "support/Workflow.h"

namespace tisheng::test {

/// A server with something of every kind for requests to name: users "city", "here" (county
/// admin of shangzhou), "there" (of luonan), "insp" (shangzhou inspector), "owner" and "other"
/// (businesses), all with password "correct horse battery"; entry 1 in shangzhou owned by
/// "owner" with an active homestay certificate; a second entry on public notice with an
/// objection; a review of entry 1 assigned to "insp" with one photo; a complaint; and a
/// suspension (by an admin who is none of the users above) under appeal by the owner.
struct Fixture {
  std::int64_t entry = 0, inspection = 0, evidence = 0, complaint = 0, notice = 0, objection = 0,
               decision = 0, appeal = 0, user = 0,
               plaqueReport = 0;  ///< user: the inspector "insp"
  domain::Certificate certificate;

  /// The id each kind of `{id}` stands for in a route.
  std::string idFor(const std::string& route) const;
};

Fixture makeFixture(TestServer& server);

}  // namespace tisheng::test
