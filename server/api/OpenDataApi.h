#pragma once

#include "domain/PublicRecord.h"
#include "http/HttpExchange.h"
#include "http/Router.h"
#include "services/CertificateService.h"
#include "services/PublicRegister.h"

namespace tisheng::api {

/// The open data (the FHRS and NYC open-data APIs are the anchors), no login, CORS for GET:
/// `GET /api/v1/public/entries` (filters category, county, grade, status, q, updated_since;
/// cursor paging by the places' stable ids), `GET /api/v1/public/entries/{id}`, and the whole
/// register as `GET /api/v1/public/entries.csv` and `.jsonl`. Every answer carries an ETag and
/// Last-Modified and answers 304 on revalidation. Arguments must outlive the router.
void addOpenDataRoutes(http::Router& router, const services::PublicRegister& publicRegister,
                       const services::CertificateService& certificates,
                       const domain::Calendar& calendar);

/// The filters of a request (category, county, grade, status, q, updated_since, cursor,
/// limit up to maxLimit); throws http::ValidationError naming every bad parameter.
domain::PublicQuery readPublicQuery(const http::HttpRequest& request,
                                    const domain::Calendar& calendar, std::size_t maxLimit);

}  // namespace tisheng::api
