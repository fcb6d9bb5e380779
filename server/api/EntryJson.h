#pragma once

#include <cstdint>
#include <map>

#include "domain/Registry.h"
#include "http/Json.h"
#include "services/WorklistService.h"
#include "storage/RegistryRepository.h"
#include "storage/UserRepository.h"

namespace tisheng::api {

/// An entry's JSON (the owner by username).
http::Json entryJson(const domain::Entry& e, storage::UserRepository& users);
/// Adds what only some categories have: a restaurant's featured_dishes, a product's producer,
/// origin and specification.
void addCategoryFields(http::Json& out, const domain::Entry& e);
/// A certificate's JSON as offices and owners see it, with the path of its public page (what
/// the plaque's QR code opens, on this server).
http::Json certificateJson(const domain::Certificate& c);
/// An entry with where it stands (state, certificate, open rectification, notice and
/// inspection, appealable decisions, bar date).
http::Json entryStatusJson(const services::EntryStatus& status, storage::UserRepository& users);

/// `{"id", "name", "county", "category"}` of entries by id, each looked up once: lists of
/// inspections, complaints and appeals name their entry with it. One per request.
class EntryNames {
 public:
  explicit EntryNames(storage::RegistryRepository& registry) : registry_(registry) {}
  http::Json operator()(std::int64_t entryId);

 private:
  storage::RegistryRepository& registry_;
  std::map<std::int64_t, http::Json> known_;
};

}  // namespace tisheng::api
