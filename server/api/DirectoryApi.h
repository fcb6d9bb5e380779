#pragma once

#include "http/Router.h"
#include "rules/StandardRegistry.h"
#include "services/CertificateService.h"
#include "services/SupervisionService.h"

namespace tisheng::api {

/// The public directory as JSON, no login: `GET /api/v1/public/directory` (certified entries with
/// their grade, serial and verification link, and results on public notice shown as pending;
/// `county` and `category` filter); objections during the notice period from anyone, rate
/// limited per address (`POST /api/v1/public/notices/{id}/objections`). The pages are
/// PublicPagesApi's. Arguments must outlive the router.
void addDirectoryRoutes(http::Router& router, services::SupervisionService& supervision,
                        const services::CertificateService& certificates,
                        const rules::StandardRegistry& standards);

}  // namespace tisheng::api
