#pragma once

#include "http/Router.h"
#include "rules/StandardRegistry.h"
#include "services/CertificateService.h"
#include "services/SupervisionService.h"

namespace tisheng::api {

/// The public directory, no login: `GET /api/v1/public/directory` (certified entries with
/// their grade, serial and verification link, and results on public notice shown as pending;
/// `county` and `category` filter) and the same as a page, `GET /directory`; objections during
/// the notice period from anyone, rate limited per address, as JSON
/// (`POST /api/v1/public/notices/{id}/objections`) or from the page's form
/// (`POST /directory/notices/{id}/objections`). Arguments must outlive the router.
void addDirectoryRoutes(http::Router& router, services::SupervisionService& supervision,
                        const services::CertificateService& certificates,
                        const rules::StandardRegistry& standards,
                        const domain::Programme& programme);

}  // namespace tisheng::api
