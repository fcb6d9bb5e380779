#pragma once

#include "domain/Programme.h"
#include "http/Router.h"
#include "services/ComplaintService.h"
#include "storage/RegistryRepository.h"

namespace tisheng::api {

/// Public complaints, no login: the form `GET /complaints/new?serial=` and its post
/// `POST /complaints/new` (HTML, works without JavaScript), and `POST /api/v1/public/complaints`
/// (JSON). Arguments must outlive the router.
void addComplaintRoutes(http::Router& router, services::ComplaintService& complaints,
                        storage::RegistryRepository& registry, const domain::Programme& programme);

}  // namespace tisheng::api
