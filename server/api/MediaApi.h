#pragma once

#include "domain/Clock.h"
#include "http/Router.h"
#include "services/MediaStore.h"
#include "storage/RegistryRepository.h"

namespace tisheng::api {

/// An entry's photo: `PUT /api/v1/entries/{id}/photo` (JPEG or PNG body; the entry's offices or
/// owner) and `GET /media/entries/{id}` (public: the verification page shows it).
/// Arguments must outlive the router.
void addMediaRoutes(http::Router& router, storage::RegistryRepository& registry,
                    const services::MediaStore& media, const domain::Clock& clock);

}  // namespace tisheng::api
