#include "services/CountyService.h"

#include <regex>

#include "domain/Text.h"
#include "services/Errors.h"

namespace tisheng::services {

namespace {

void requireCityAdmin(const security::Principal& actor) {
  if (actor.role != security::Role::CityAdmin)
    throw Forbidden("only the city office manages counties");
}

void checkName(const std::string& field, const std::string& name, bool required,
               std::vector<FieldError>& errors) {
  if (const char* problem = domain::textProblem(name, false))
    errors.push_back({field, problem});
  else if (required && domain::isBlank(name))
    errors.push_back({field, "required, and not only spaces"});
  else if (domain::characterCount(name) > 40)
    errors.push_back({field, "at most 40 characters"});
}

void validate(const domain::County& county, std::vector<FieldError>& errors) {
  checkName("name.zh", county.name.zh, true, errors);
  checkName("name.en", county.name.en, false, errors);
}

}  // namespace

CountyService::CountyService(storage::RegistryRepository& registry, const domain::Clock& clock)
    : registry_(registry), clock_(clock) {}

std::vector<domain::County> CountyService::list() { return registry_.counties(); }

domain::County CountyService::add(const security::Principal& actor, const domain::County& county) {
  requireCityAdmin(actor);
  static const std::regex kCode("^[a-z][a-z0-9-]{1,31}$");
  std::vector<FieldError> errors;
  if (!std::regex_match(county.code, kCode))
    errors.push_back({"code", "2 to 32 of a-z, 0-9 and '-', starting with a letter"});
  validate(county, errors);
  if (!errors.empty()) throw Invalid(errors);
  for (const auto& existing : registry_.counties())
    if (existing.code == county.code) throw Conflict("county " + county.code + " exists");
  registry_.addCounty(county.code, county.name, {actor.username, clock_.now()});
  return county;
}

domain::County CountyService::rename(const security::Principal& actor,
                                     const domain::County& county) {
  requireCityAdmin(actor);
  std::vector<FieldError> errors;
  validate(county, errors);
  if (!errors.empty()) throw Invalid(errors);
  if (!registry_.renameCounty(county.code, county.name, {actor.username, clock_.now()}))
    throw NotFound("no county " + county.code);
  return county;
}

}  // namespace tisheng::services
