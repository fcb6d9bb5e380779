#include "api/MediaApi.h"

#include "api/Access.h"
#include "api/BodyReader.h"
#include "http/HttpError.h"
#include "http/Json.h"

namespace tisheng::api {

namespace {
domain::Entry entryFrom(const http::HttpRequest& request, storage::RegistryRepository& registry) {
  auto entry = registry.entry(idParam(request.params.at("id"), "entry"));
  if (!entry) throw http::NotFound("no entry " + request.params.at("id"));
  return *entry;
}
}  // namespace

void addMediaRoutes(http::Router& router, storage::RegistryRepository& registry,
                    const services::MediaStore& media, const domain::Clock& clock) {
  router.add("PUT", "/api/v1/entries/{id}/photo", [&](http::HttpRequest& request) {
    const security::Principal& principal = requireLogin(request);
    domain::Entry entry = entryFrom(request, registry);
    bool office = principal.isOffice() && principal.coversCounty(entry.countyCode);
    bool owner =
        principal.role == security::Role::Business && entry.ownerUserId == principal.userId;
    if (!office && !owner) throw http::Forbidden("only the entry's offices and owner may do this");
    auto stored = media.storeImage("entries", request.body);
    registry.setPhoto(entry.id, stored.path, {principal.username, clock.now()});
    return http::jsonResponse({{"photo_url", "/media/entries/" + std::to_string(entry.id)}});
  });

  router.add("GET", "/media/entries/{id}", [&](http::HttpRequest& request) {
    domain::Entry entry = entryFrom(request, registry);
    auto bytes = entry.photoPath ? media.read(*entry.photoPath) : std::nullopt;
    if (!bytes) throw http::NotFound("entry " + std::to_string(entry.id) + " has no photo");
    http::HttpResponse response;
    response.contentType =
        services::MediaStore::imageType(*bytes).value_or("application/octet-stream");
    response.body = std::move(*bytes);
    response.setHeader("Cache-Control", "public, max-age=300");
    return response;
  });
}

}  // namespace tisheng::api
