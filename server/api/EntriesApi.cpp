#include "api/EntriesApi.h"

#include <algorithm>

#include "api/Access.h"
#include "api/BodyReader.h"
#include "api/LocalizedJson.h"
#include "domain/Text.h"
#include "http/HttpError.h"
#include "http/Json.h"

namespace tisheng::api {

namespace {

using http::FieldError;
using http::Json;
using security::Role;

Json entryJson(const domain::Entry& e, storage::UserRepository& users) {
  auto optional = [](const auto& value) { return value ? Json(*value) : Json(); };
  std::optional<std::string> owner;
  if (e.ownerUserId)
    if (auto user = users.user(*e.ownerUserId)) owner = user->username;
  Json out{{"id", e.id},
           {"category", rules::toString(e.category)},
           {"name", text(e.name)},
           {"county", e.countyCode},
           {"county_name", text(e.countyName)},
           {"address", text(e.address)},
           {"location",
            e.latitude && e.longitude ? Json{{"lat", *e.latitude}, {"lon", *e.longitude}} : Json()},
           {"contact", e.contact},
           {"description", text(e.description)},
           {"owner", optional(owner)},
           {"photo_url", e.photoPath ? Json("/media/entries/" + std::to_string(e.id)) : Json()},
           {"reply", optional(e.reply)}};
  if (e.category == rules::Category::Product) {
    out["producer"] = optional(e.producer);
    out["origin"] = optional(e.origin);
    out["specification"] = optional(e.specification);
  }
  return out;
}

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

bool mayRead(const security::Principal& p, const domain::Entry& e) {
  if (p.role == Role::Business) return e.ownerUserId == p.userId;
  return p.coversCounty(e.countyCode);
}

}  // namespace

void addEntryRoutes(http::Router& router, storage::RegistryRepository& registry,
                    storage::UserRepository& users, const app::Clock& clock) {
  router.add("GET", "/api/v1/entries", [&](http::HttpRequest& request) {
    const auto& p = requireLogin(request);
    std::optional<std::string> county = request.queryValue("county");
    std::optional<rules::Category> category;
    if (auto value = request.queryValue("category")) {
      category = rules::categoryFromString(*value);
      if (!category) throw http::ValidationError("category", "homestay, restaurant or product");
    }
    if (p.role != Role::CityAdmin && p.county) {
      if (county && *county != *p.county) throw http::Forbidden("outside your county");
      county = p.county;
    }
    std::optional<std::int64_t> owner;
    if (p.role == Role::Business) owner = p.userId;
    Json list = Json::array();
    for (const auto& entry : registry.entries(county, category, owner))
      list.push_back(entryJson(entry, users));
    return http::jsonResponse({{"entries", list}});
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
    return http::jsonResponse({{"entry", entryJson(*registry.entry(entry.id), users)}}, 201);
  });

  router.add("GET", "/api/v1/entries/{id}", [&](http::HttpRequest& request) {
    const auto& p = requireLogin(request);
    auto entry = registry.entry(idFrom(request));
    if (!entry) throw http::NotFound("no entry " + request.params.at("id"));
    if (!mayRead(p, *entry)) throw http::Forbidden("not your entry or county");
    return http::jsonResponse({{"entry", entryJson(*entry, users)}});
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
    return http::jsonResponse({{"entry", entryJson(*registry.entry(entry->id), users)}});
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
    return http::jsonResponse({{"entry", entryJson(*registry.entry(changed.id), users)}});
  });
}

}  // namespace tisheng::api
