#pragma once

#include "http/Router.h"
#include "services/InspectionService.h"
#include "services/WorklistService.h"
#include "storage/RegistryRepository.h"
#include "storage/UserRepository.h"

namespace tisheng::api {

/// What needs doing now: `GET /api/v1/worklist` (per role: an office's counts, each naming the
/// list behind it; an inspector's assigned inspections by date and its county's queue; a
/// business's entries with where each stands), and the office lists the counts open that no
/// other route gives: `GET /api/v1/rectifications` (open, `due_before`) and
/// `GET /api/v1/notices` (open, `ending_before`), paged. Arguments must outlive the router.
void addWorklistRoutes(http::Router& router, services::WorklistService& worklist,
                       services::InspectionService& inspections,
                       storage::RegistryRepository& registry, storage::UserRepository& users);

}  // namespace tisheng::api
