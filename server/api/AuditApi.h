#pragma once

#include "http/Router.h"
#include "services/AuditService.h"

namespace tisheng::api {

/// The published checkpoints of the audit trail, for anyone to save and check later:
/// GET /api/v1/public/audit/checkpoints (the latest 30, JSON) and
/// GET /api/v1/public/audit/checkpoints/latest (the JWS itself). The service must outlive the
/// router.
void addAuditRoutes(http::Router& router, services::AuditService& audit);

}  // namespace tisheng::api
