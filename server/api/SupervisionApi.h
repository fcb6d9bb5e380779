#pragma once

#include "http/Router.h"
#include "rules/StandardRegistry.h"
#include "services/SupervisionService.h"
#include "storage/RegistryRepository.h"

namespace tisheng::api {

/// Supervision, for offices (and owners where noted):
/// `POST /api/v1/certificates/{serial}/rectifications` (限期整改, may suspend),
/// `POST /api/v1/certificates/{serial}/revocation` (摘牌, with reason and effective date),
/// `GET /api/v1/complaints` and `POST /api/v1/complaints/{id}/triage`,
/// `GET /api/v1/objections` and `POST /api/v1/objections/{id}/decision`,
/// `POST /api/v1/decisions/{id}/appeals` (owner or office), `GET /api/v1/appeals`,
/// `POST /api/v1/appeals/{id}/decision` (another admin), and `GET /api/v1/entries/{id}/record`
/// (everything about an entry its caller may see). Lists filter by status, page (limit, cursor)
/// and name each item's entry. Arguments must outlive the router.
void addSupervisionRoutes(http::Router& router, services::SupervisionService& supervision,
                          const rules::StandardRegistry& standards,
                          storage::RegistryRepository& registry);

}  // namespace tisheng::api
