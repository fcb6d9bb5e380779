#pragma once

#include "domain/Programme.h"
#include "http/HttpExchange.h"
#include "http/Router.h"
#include "rules/StandardRegistry.h"
#include "services/CertificateService.h"
#include "services/CountyService.h"
#include "services/PublicRegister.h"
#include "services/SupervisionService.h"

namespace tisheng::api {

/// The tourists' pages, no login, no JavaScript, one language each: the landing page `GET /`
/// (a signed-in person goes on to /admin/), the directory `GET /directory` (search, filters,
/// paging, grade legend, results on public notice with the objection form
/// `POST /directory/notices/{id}/objections`) and a place's page `GET /entries/{id}`.
/// Arguments must outlive the router.
void addPublicPageRoutes(http::Router& router, const services::PublicRegister& publicRegister,
                         services::SupervisionService& supervision,
                         services::CountyService& counties,
                         const services::CertificateService& certificates,
                         const rules::StandardRegistry& standards,
                         const domain::Programme& programme);

/// Errors of the pages as pages: for any address outside /api/, a 404 becomes the HTML
/// not-found page and another 4xx a short page in the request's language saying what was wrong.
http::Handler withHtmlErrors(http::Handler inner, const domain::Programme& programme);

}  // namespace tisheng::api
