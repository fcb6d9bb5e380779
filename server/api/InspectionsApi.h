#pragma once

#include "http/Json.h"
#include "http/Router.h"
#include "rules/StandardRegistry.h"
#include "services/InspectionService.h"
#include "storage/RegistryRepository.h"

namespace tisheng::api {

/// Inspections, from application to decision:
/// `GET/POST /api/v1/inspections` (list what the caller may see, filtered by entry_id, status,
/// kind, overdue, paged, each naming its entry; apply or open one),
/// `GET/PATCH /api/v1/inspections/{id}` (read with the engine's explanation; assign, reschedule),
/// `PUT /api/v1/inspections/{id}/scores` (partial saves), `POST .../evidence` and
/// `GET .../evidence/{evidence}` (photos), `POST .../submit` and `POST .../decision`.
/// Arguments must outlive the router.
void addInspectionRoutes(http::Router& router, services::InspectionService& inspections,
                         const rules::StandardRegistry& standards,
                         storage::RegistryRepository& registry);

/// The JSON of one inspection for a reader in lang: the record, and once submitted the
/// engine's full explanation of the result (every grade and what blocks it).
http::Json inspectionJson(const domain::Inspection& inspection,
                          const rules::StandardRegistry& standards, const std::string& lang);

}  // namespace tisheng::api
