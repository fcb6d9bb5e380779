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

/// A restaurant's featured dishes: up to 12 names of 1 to 40 characters, one line each.
void dishesField(const Json& value, std::vector<std::string>& dishes,
                 std::vector<FieldError>& errors) {
  const std::string key = "featured_dishes";
  if (!value.is_array() || value.size() > 12)
    return errors.push_back({key, "expected a list of at most 12 dish names"});
  std::vector<std::string> names;
  for (std::size_t i = 0; i < value.size(); ++i) {
    std::string field = key + "[" + std::to_string(i) + "]";
    if (!value[i].is_string()) return errors.push_back({field, "expected a dish name"});
    std::string name = value[i];
    if (domain::isBlank(name) || domain::characterCount(name) > 40)
      return errors.push_back({field, "1 to 40 characters, not only spaces"});
    if (const char* problem = domain::textProblem(name, false))
      return errors.push_back({field, problem});
    names.push_back(std::move(name));
  }
  dishes = std::move(names);
}

/// Reads the fields present in body onto the change, collecting every problem of form;
/// `allowed` limits which fields this caller may set. What the values must satisfy beyond that
/// (the county, the owner) is the EntryService's.
void applyFields(const Json& body, services::EntryChange& change,
                 const std::vector<std::string>& allowed, std::vector<FieldError>& errors) {
  domain::Entry& e = change.entry;
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
    } else if (key == "contact_public") {
      if (value.is_boolean())
        e.contactPublic = value.get<bool>();
      else
        errors.push_back({key, "expected true (a business line that may be published) or false"});
    } else if (key == "featured_dishes") {
      dishesField(value, e.featuredDishes, errors);
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
      if (value.is_null())
        change.owner = std::optional<std::string>();
      else if (auto name = stringField(key, 40))
        change.owner = name;
    }
  }
  if (e.category != rules::Category::Product && (e.producer || e.origin || e.specification))
    errors.push_back({"producer", "producer, origin and specification are for products only"});
  if (e.category != rules::Category::Restaurant && !e.featuredDishes.empty())
    errors.push_back({"featured_dishes", "featured dishes are for restaurants only"});
}

const std::vector<std::string> kOfficeFields{
    "category", "name",           "county",         "address", "location",
    "contact",  "contact_public", "description",    "owner",   "producer",
    "origin",   "specification",  "featured_dishes"};
const std::vector<std::string> kOwnerFields{"contact", "contact_public", "description",
                                            "featured_dishes"};

std::int64_t idFrom(const http::HttpRequest& request) {
  return idParam(request.params.at("id"), "entry");
}

/// An entry as stored now, with where it stands.
Json current(const security::Principal& p, std::int64_t id, services::EntryService& entries,
             services::WorklistService& worklist, storage::UserRepository& users) {
  return entryStatusJson(worklist.statusOf(entries.get(p, id)), users);
}

}  // namespace

void addEntryRoutes(http::Router& router, services::EntryService& entries,
                    storage::UserRepository& users, services::WorklistService& worklist) {
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
    services::EntryChange change;
    applyFields(body, change, kOfficeFields, errors);
    if (!errors.empty()) throw http::ValidationError(errors);
    auto id = entries.create(p, std::move(change));
    return http::jsonResponse({{"entry", current(p, id, entries, worklist, users)}}, 201);
  });

  router.add("GET", "/api/v1/entries/{id}", [&](http::HttpRequest& request) {
    const auto& p = requireLogin(request);
    return http::jsonResponse({{"entry", current(p, idFrom(request), entries, worklist, users)}});
  });

  router.add("PUT", "/api/v1/entries/{id}/reply", [&](http::HttpRequest& request) {
    const auto& p = requireRole(request, {Role::Business});
    auto id = idFrom(request);
    entries.get(p, id);  // 404, or 403 when not the owner's, before the body is read
    Json body = http::parseJsonObject(request);
    std::vector<FieldError> errors;
    for (const auto& [key, value] : body.items())
      if (key != "text") errors.push_back({key, "unknown field"});
    if (!body.contains("text") || !body["text"].is_string())
      errors.push_back({"text", "a string is required (empty removes the reply)"});
    if (!errors.empty()) throw http::ValidationError(errors);
    entries.reply(p, id, body["text"].get<std::string>());
    return http::jsonResponse({{"entry", current(p, id, entries, worklist, users)}});
  });

  router.add("PATCH", "/api/v1/entries/{id}", [&](http::HttpRequest& request) {
    const auto& p = requireLogin(request);
    services::EntryChange change{entries.get(p, idFrom(request)), std::nullopt};
    auto editor = entries.editorOf(p, change.entry);
    Json body = http::parseJsonObject(request);
    std::vector<FieldError> errors;
    applyFields(body, change,
                editor == services::EntryEditor::Office ? kOfficeFields : kOwnerFields, errors);
    if (!errors.empty()) throw http::ValidationError(errors);
    auto id = change.entry.id;
    entries.update(p, std::move(change));
    return http::jsonResponse({{"entry", current(p, id, entries, worklist, users)}});
  });
}

}  // namespace tisheng::api
