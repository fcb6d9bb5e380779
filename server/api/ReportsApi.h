#pragma once

#include "http/Router.h"
#include "services/ReportService.h"

namespace tisheng::api {

/// The programme's reports for its offices: `GET /api/v1/reports?period=&county=&format=json|csv`,
/// the bulletin `GET /api/v1/reports/bulletin?period=&county=&format=html|pdf&lang=`, and the
/// yearly targets, `GET|PUT /api/v1/targets/{year}` (the city office sets them).
/// Arguments must outlive the router.
void addReportRoutes(http::Router& router, services::ReportService& reports);

}  // namespace tisheng::api
