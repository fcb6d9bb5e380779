#include "api/AdminUiApi.h"

#include <cstdlib>
#include <sstream>

#include "http/HttpError.h"

namespace tisheng::api {

namespace {

/// Scripts and styles from the app's own files only; photos previewed from the camera are
/// blob: URLs; the service worker and the API are same-origin.
constexpr const char* kPolicy =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' blob: data:; "
    "connect-src 'self'; worker-src 'self'; manifest-src 'self'; object-src 'none'; "
    "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

http::HttpResponse redirect(int status, const std::string& location) {
  http::HttpResponse response;
  response.status = status;
  response.contentType = "text/plain; charset=utf-8";
  response.body = location;
  response.setHeader("Location", location);
  response.setHeader("Cache-Control", "no-store");
  return response;
}

/// Whether an Accept-Encoding header lists gzip (and does not refuse it with q=0).
bool acceptsGzip(const std::string& header) {
  std::stringstream list(header);
  for (std::string coding; std::getline(list, coding, ',');) {
    coding.erase(0, coding.find_first_not_of(' '));
    if (!coding.starts_with("gzip")) continue;
    auto q = coding.find("q=");
    return q == std::string::npos || std::strtod(coding.c_str() + q + 2, nullptr) > 0;
  }
  return false;
}

http::HttpResponse send(const web::StaticFiles& site, const std::string& path,
                        const http::HttpRequest& request) {
  const web::StaticFile* file = site.find(path);
  if (!file) throw http::NotFound("no such file: /admin/" + path);
  bool gzip = !file->gzipBody.empty() && acceptsGzip(request.header("accept-encoding"));
  const std::string& etag = gzip ? file->gzipEtag : file->etag;
  http::HttpResponse response;
  response.setHeader("ETag", etag);
  response.setHeader("Cache-Control", "no-cache");
  response.setHeader("Vary", "Accept-Encoding");
  response.setHeader("Content-Security-Policy", kPolicy);
  if (request.header("if-none-match") == etag) {
    response.status = 304;
    response.contentType.clear();
    return response;
  }
  response.contentType = file->contentType;
  response.body = gzip ? file->gzipBody : file->body;
  if (gzip) response.setHeader("Content-Encoding", "gzip");
  return response;
}

/// The programme's emblem, the icon of every page (public ones included).
constexpr const char* kFavicon =
    "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 64 64\"><rect width=\"64\" "
    "height=\"64\" rx=\"12\" fill=\"#1e5f8c\"/><path d=\"M14 44h36M20 44V26l12-8 12 8v18M28 "
    "44V32h8v12\" fill=\"none\" stroke=\"#fff\" stroke-width=\"4\" "
    "stroke-linejoin=\"round\"/></svg>";

}  // namespace

void addAdminUiRoutes(http::Router& router, const web::StaticFiles& site) {
  router.add("GET", "/favicon.svg", [](http::HttpRequest&) {
    http::HttpResponse response;
    response.contentType = "image/svg+xml";
    response.body = kFavicon;
    response.setHeader("Cache-Control", "public, max-age=86400");
    return response;
  });
  router.add("GET", "/admin", [](http::HttpRequest&) { return redirect(301, "/admin/"); });
  router.add("GET", "/admin/",
             [&site](http::HttpRequest& request) { return send(site, "index.html", request); });
  router.add("GET", "/admin/{path...}", [&site](http::HttpRequest& request) {
    return send(site, request.params.at("path"), request);
  });
}

}  // namespace tisheng::api
