#include "api/AdminUiApi.h"

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

http::HttpResponse send(const web::StaticFiles& site, const std::string& path,
                        const http::HttpRequest& request) {
  const web::StaticFile* file = site.find(path);
  if (!file) throw http::NotFound("no such file: /admin/" + path);
  http::HttpResponse response;
  response.setHeader("ETag", file->etag);
  response.setHeader("Cache-Control", "no-cache");
  response.setHeader("Content-Security-Policy", kPolicy);
  if (request.header("if-none-match") == file->etag) {
    response.status = 304;
    response.contentType.clear();
    return response;
  }
  response.contentType = file->contentType;
  response.body = file->body;
  return response;
}

}  // namespace

void addAdminUiRoutes(http::Router& router, const web::StaticFiles& site) {
  router.add("GET", "/", [](http::HttpRequest& request) {
    return redirect(302, request.principal ? "/admin/" : "/directory");
  });
  router.add("GET", "/admin", [](http::HttpRequest&) { return redirect(301, "/admin/"); });
  router.add("GET", "/admin/",
             [&site](http::HttpRequest& request) { return send(site, "index.html", request); });
  router.add("GET", "/admin/{path...}", [&site](http::HttpRequest& request) {
    return send(site, request.params.at("path"), request);
  });
}

}  // namespace tisheng::api
