#pragma once

#include "http/Router.h"
#include "services/CertificateService.h"

namespace tisheng::api {

/// Printable plaques and bare QR codes of a certificate:
/// `GET /api/v1/certificates/{serial}/plaque.{pdf,svg,png}` and `.../qr.{svg,png}`.
/// The service must outlive the router.
void addCertificateRoutes(http::Router& router, const services::CertificateService& service);

}  // namespace tisheng::api
