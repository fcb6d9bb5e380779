#include "api/MediaApi.h"

#include "api/Access.h"
#include "api/BodyReader.h"
#include "http/Json.h"

namespace tisheng::api {

void addMediaRoutes(http::Router& router, services::EntryService& entries) {
  router.add("PUT", "/api/v1/entries/{id}/photo", [&](http::HttpRequest& request) {
    const security::Principal& principal = requireLogin(request);
    auto id = idParam(request.params.at("id"), "entry");
    entries.setPhoto(principal, id, request.body);
    return http::jsonResponse({{"photo_url", "/media/entries/" + std::to_string(id)}});
  });

  router.add("GET", "/media/entries/{id}", [&](http::HttpRequest& request) {
    http::HttpResponse response;
    response.body = entries.photo(idParam(request.params.at("id"), "entry"));
    response.contentType =
        services::MediaStore::imageType(response.body).value_or("application/octet-stream");
    response.setHeader("Cache-Control", "public, max-age=300");
    return response;
  });
}

}  // namespace tisheng::api
