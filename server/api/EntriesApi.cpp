#include "api/EntriesApi.h"

#include <algorithm>

#include "api/Access.h"
#include "api/BodyReader.h"
#include "api/EntryJson.h"
#include "api/LocalizedJson.h"
#include "api/Paging.h"
#include "domain/Text.h"
#include "http/HttpError.h"
#include "http/Json.h"

namespace tisheng::api {

namespace {

using http::FieldError;
using http::Json;
using security::Role;

/// Reads the fields present in body onto entry, collecting every problem; `allowed` limits
/// which fields this caller may set.
void applyFields(const Json& body, domain::Entry& e, const std::vector<std::string>& allowed,
                 storage::UserRepository& users, const security::Principal& actor,
                 std::vector<FieldError>& errors) {
  auto textField = [&](const std::string& key, rules::LocalizedText& target, bool zhRequired) {
    const Json& value = body[key];
    if (!value.is_object()) return errors.push_back({key, "expected {\"zh\": ..., \"en\": ...}"});
    for (const auto& [lang, part] : value.items())
      if ((lang != "zh" && lang != "en") || !part.is_string())
        return errors.push_back({key + "." + lang, "expected zh and en strings only"});
    target.zh = value.value("zh", target.zh);
    target.en = value.value("en", target.en);
    bool multiline = key == "description";
    for (const auto& [lang, part] : {std::pair{"zh", &target.zh}, std::pair{"en", &target.en}})
      if (const char* problem = domain::textProblem(*part, multiline))
        return errors.push_back({key + "." + lang, problem});
    if (zhRequired && domain::isBlank(target.zh))
      errors.push_back({key + ".zh", "required, and not only spaces"});
    if (target.zh.size() > 600 || target.en.size() > 600) errors.push_back({key, "too long"});
  };
  auto stringField = [&](const std::string& key, std::size_t max) -> std::optional<std::string> {
    if (!body[key].is_string()) {
      errors.push_back({key, "expected a string"});
      return std::nullopt;
    }
    std::string value = body[key];
    if (value.size() > max) errors.push_back({key, "at most " + std::to_string(max) + " bytes"});
    if (const char* problem = domain::textProblem(value, false)) errors.push_back({key, problem});
    return value;
  };
  for (const auto& [key, value] : body.items()) {
    if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
      errors.push_back({key, "unknown field, or one you may not change"});
    } else if (key == "category") {
      auto category =
          value.is_string() ? rules::categoryFromString(value.get<std::string>()) : std::nullopt;
      if (!category)
        errors.push_back({key, "homestay, restaurant or product"});
      else
        e.category = *category;
    } else if (key == "name") {
      textField(key, e.name, true);
    } else if (key == "address") {
      textField(key, e.address, false);
    } else if (key == "description") {
      textField(key, e.description, false);
    } else if (key == "county") {
      if (auto county = stringField(key, 40)) e.countyCode = *county;
    } else if (key == "contact") {
      if (auto contact = stringField(key, 100)) e.contact = *contact;
    } else if (key == "producer" || key == "origin" || key == "specification") {
      auto field = stringField(key, 200);
      (key == "producer" ? e.producer : key == "origin" ? e.origin : e.specification) = field;
    } else if (key == "location") {
      if (value.is_null()) {
        e.latitude = e.longitude = std::nullopt;
      } else if (!value.is_object() || !value["lat"].is_number() || !value["lon"].is_number() ||
                 value["lat"].get<double>() < -90 || value["lat"].get<double>() > 90 ||
                 value["lon"].get<double>() < -180 || value["lon"].get<double>() > 180) {
        errors.push_back({key, "expected {\"lat\": -90..90, \"lon\": -180..180} or null"});
      } else {
        e.latitude = value["lat"].get<double>();
        e.longitude = value["lon"].get<double>();
      }
    } else if (key == "owner") {
      if (value.is_null()) {
        e.ownerUserId = std::nullopt;
      } else if (auto name = stringField(key, 40)) {
        auto user = users.userByName(*name);
        if (!user || user->role != Role::Business)
          errors.push_back({key, "no business account '" + *name + "'"});
        else if (actor.county && user->county != actor.county)
          errors.push_back({key, "a county office may name only businesses of its own county"});
        else
          e.ownerUserId = user->id;
      }
    }
  }
  if (e.category != rules::Category::Product && (e.producer || e.origin || e.specification))
    errors.push_back({"producer", "producer, origin and specification are for products only"});
}

const std::vector<std::string> kOfficeFields{"category", "name",    "county",       "address",
                                             "location", "contact", "description",  "owner",
                                             "producer", "origin",  "specification"};
const std::vector<std::string> kOwnerFields{"contact", "description"};

std::int64_t idFrom(const http::HttpRequest& request) {
  return idParam(request.params.at("id"), "entry");
}

/// An entry as stored now, with where it stands.
Json current(std::int64_t id, storage::RegistryRepository& registry,
             services::WorklistService& worklist, storage::UserRepository& users) {
  return entryStatusJson(worklist.statusOf(*registry.entry(id)), users);
}

bool mayRead(const security::Principal& p, const domain::Entry& e) {
  if (p.role == Role::Business) return e.ownerUserId == p.userId;
  return p.coversCounty(e.countyCode);
}

}  // namespace

void addEntryRoutes(http::Router& router, storage::RegistryRepository& registry,
                    storage::UserRepository& users, services::WorklistService& worklist,
                    const domain::Clock& clock) {
  router.add("GET", "/api/v1/entries", [&](http::HttpRequest& request) {
    const auto& p = requireLogin(request);
    services::EntryQuery query;
    query.county = request.queryValue("county");
    if (auto value = request.queryValue("category")) {
      query.category = rules::categoryFromString(*value);
      if (!query.category)
        throw http::ValidationError("category", "homestay, restaurant or product");
    }
    query.grade = request.queryValue("grade");
    query.state = wordQuery(
        request.queryValue("status"), "status", domain::entryStateFromString,
        "one of certified, suspended, on_notice, applied, revoked, expired, not_certified");
    query.text = request.queryValue("q");
    if (query.text && query.text->size() > 200)
      throw http::ValidationError("q", "at most 200 bytes");
    Page page = readPage(request);
    return http::jsonResponse(pageJson(
        "entries", worklist.entries(p, query), page,
        [&](const services::EntryStatus& status) { return entryStatusJson(status, users); }));
  });

  router.add("POST", "/api/v1/entries", [&](http::HttpRequest& request) {
    const auto& p = requireRole(request, {Role::CityAdmin, Role::CountyAdmin});
    Json body = http::parseJsonObject(request);
    std::vector<FieldError> errors;
    for (const char* required : {"category", "name", "county"})
      if (!body.contains(required)) errors.push_back({required, "required field is missing"});
    domain::Entry entry;
    applyFields(body, entry, kOfficeFields, users, p, errors);
    if (!errors.empty()) throw http::ValidationError(errors);
    if (!p.coversCounty(entry.countyCode)) throw http::Forbidden("outside your county");
    try {
      entry.id = registry.addEntry(entry, {p.username, clock.now()});
    } catch (const storage::ConstraintError&) {
      throw http::ValidationError("county", "unknown county '" + entry.countyCode + "'");
    }
    return http::jsonResponse({{"entry", current(entry.id, registry, worklist, users)}}, 201);
  });

  router.add("GET", "/api/v1/entries/{id}", [&](http::HttpRequest& request) {
    const auto& p = requireLogin(request);
    auto entry = registry.entry(idFrom(request));
    if (!entry) throw http::NotFound("no entry " + request.params.at("id"));
    if (!mayRead(p, *entry)) throw http::Forbidden("not your entry or county");
    return http::jsonResponse({{"entry", entryStatusJson(worklist.statusOf(*entry), users)}});
  });

  router.add("PUT", "/api/v1/entries/{id}/reply", [&](http::HttpRequest& request) {
    const auto& p = requireRole(request, {Role::Business});
    auto entry = registry.entry(idFrom(request));
    if (!entry) throw http::NotFound("no entry " + request.params.at("id"));
    if (entry->ownerUserId != p.userId) throw http::Forbidden("only the entry's owner may reply");
    Json body = http::parseJsonObject(request);
    std::vector<FieldError> errors;
    for (const auto& [key, value] : body.items())
      if (key != "text") errors.push_back({key, "unknown field"});
    if (!body.contains("text") || !body["text"].is_string())
      errors.push_back({"text", "a string is required (empty removes the reply)"});
    else if (domain::characterCount(body["text"].get<std::string>()) > 300)
      errors.push_back({"text", "at most 300 characters"});
    else if (const char* problem = domain::textProblem(body["text"].get<std::string>(), true))
      errors.push_back({"text", problem});
    if (!errors.empty()) throw http::ValidationError(errors);
    std::string text = body["text"];
    registry.setReply(entry->id, text.empty() ? std::nullopt : std::optional(text),
                      {p.username, clock.now()});
    return http::jsonResponse({{"entry", current(entry->id, registry, worklist, users)}});
  });

  router.add("PATCH", "/api/v1/entries/{id}", [&](http::HttpRequest& request) {
    const auto& p = requireLogin(request);
    auto entry = registry.entry(idFrom(request));
    if (!entry) throw http::NotFound("no entry " + request.params.at("id"));
    bool office = p.isOffice() && p.coversCounty(entry->countyCode);
    bool owner = p.role == Role::Business && entry->ownerUserId == p.userId;
    if (!office && !owner) throw http::Forbidden("only the entry's offices and owner may do this");
    Json body = http::parseJsonObject(request);
    std::vector<FieldError> errors;
    domain::Entry changed = *entry;
    applyFields(body, changed, office ? kOfficeFields : kOwnerFields, users, p, errors);
    if (!errors.empty()) throw http::ValidationError(errors);
    if (!p.coversCounty(changed.countyCode)) throw http::Forbidden("outside your county");
    try {
      registry.updateEntry(changed, {p.username, clock.now()});
    } catch (const storage::ConstraintError&) {
      throw http::ValidationError("county", "unknown county '" + changed.countyCode + "'");
    }
    return http::jsonResponse({{"entry", current(changed.id, registry, worklist, users)}});
  });
}

}  // namespace tisheng::api
