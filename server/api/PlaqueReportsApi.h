#pragma once

#include "domain/Programme.h"
#include "http/Router.h"
#include "services/CountyService.h"
#include "services/PlaqueReportService.h"

namespace tisheng::api {

/// Reports of fake plaques: the public form `GET /report` and `POST /report` (multipart, with an
/// optional photo; no login, rate limited per address), and for offices in their county
/// `GET /api/v1/plaque-reports` (?status=, paged), `POST /api/v1/plaque-reports/{id}/triage`
/// ({"decision": "confirmed"|"dismissed", "resolution"}) and `GET
/// /api/v1/plaque-reports/{id}/photo`. Arguments must outlive the router.
void addPlaqueReportRoutes(http::Router& router, services::PlaqueReportService& reports,
                           services::CountyService& counties, const domain::Programme& programme,
                           std::size_t maxPhotoBytes);

}  // namespace tisheng::api
