#pragma once

#include "http/Router.h"
#include "services/EntryService.h"
#include "services/WorklistService.h"
#include "storage/UserRepository.h"

namespace tisheng::api {

/// The entries (homestays, restaurants, products): `GET /api/v1/entries` (what the caller may
/// see, with where each stands; filters county, category, grade, status, q; paged), `POST
/// /api/v1/entries` (offices, in their county), `GET /api/v1/entries/{id}` and `PATCH
/// /api/v1/entries/{id}` (offices: every field; the owner: contact and description) and `PUT
/// /api/v1/entries/{id}/reply` (the owner's public reply, the right to reply). An entry's id never
/// changes, also when its owner does. Arguments must outlive the router.
void addEntryRoutes(http::Router& router, services::EntryService& entries,
                    storage::UserRepository& users, services::WorklistService& worklist);

}  // namespace tisheng::api
