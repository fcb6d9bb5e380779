#include "api/CertificatesApi.h"

#include "api/Access.h"
#include "certificates/Plaque.h"
#include "certificates/QrCode.h"
#include "http/HttpError.h"

namespace tisheng::api {

namespace {

http::HttpResponse file(std::string contentType, std::string body, const std::string& name) {
  http::HttpResponse response;
  response.contentType = std::move(contentType);
  response.body = std::move(body);
  response.setHeader("Content-Disposition", "inline; filename=\"" + name + "\"");
  response.setHeader("Cache-Control", "private, no-cache");
  return response;
}

}  // namespace

void addCertificateRoutes(http::Router& router, const services::CertificateService& service) {
  using Render = std::string (*)(const certificates::PlaqueContent&);
  struct Plaque {
    const char* extension;
    const char* contentType;
    Render render;
  };
  static const Plaque kPlaques[] = {{"pdf", "application/pdf", certificates::renderPlaquePdf},
                                    {"svg", "image/svg+xml", certificates::renderPlaqueSvg},
                                    {"png", "image/png", [](const certificates::PlaqueContent& c) {
                                       return certificates::renderPlaquePng(c);
                                     }}};
  const std::string base = "/api/v1/certificates/{serial}/";
  for (const Plaque& plaque : kPlaques)
    router.add("GET", base + "plaque." + plaque.extension,
               [&service, &plaque](http::HttpRequest& request) {
                 service.printable(requireLogin(request), request.params.at("serial"));
                 auto content = service.plaque(request.params.at("serial"));
                 return file(plaque.contentType, plaque.render(content),
                             content.serial + "." + plaque.extension);
               });
  router.add("GET", base + "qr.svg", [&](http::HttpRequest& request) {
    auto c = service.printable(requireLogin(request), request.params.at("serial"));
    return file("image/svg+xml", certificates::QrCode::encode(service.verificationUrl(c)).toSvg(),
                c.serial + "-qr.svg");
  });
  router.add("GET", base + "qr.png", [&](http::HttpRequest& request) {
    auto c = service.printable(requireLogin(request), request.params.at("serial"));
    return file("image/png", certificates::QrCode::encode(service.verificationUrl(c)).toPng(8),
                c.serial + "-qr.png");
  });
}

}  // namespace tisheng::api
