#pragma once

#include "http/Router.h"
#include "services/EntryService.h"

namespace tisheng::api {

/// An entry's photo: `PUT /api/v1/entries/{id}/photo` (JPEG or PNG body; the entry's offices or
/// owner) and `GET /media/entries/{id}` (public: the verification page shows it).
/// Arguments must outlive the router.
void addMediaRoutes(http::Router& router, services::EntryService& entries);

}  // namespace tisheng::api
