#include "api/ComplaintsApi.h"

#include "api/ServiceErrors.h"
#include "domain/Text.h"
#include "http/Form.h"
#include "http/HttpError.h"
#include "http/Json.h"
#include "web/ComplaintPage.h"

namespace tisheng::api {

namespace {

std::optional<domain::Entry> entryAbout(const services::ComplaintForm& form,
                                        storage::RegistryRepository& registry) {
  if (!form.serial.empty()) {
    auto certificate = registry.certificateBySerial(form.serial);
    return certificate ? registry.entry(certificate->entryId) : std::nullopt;
  }
  if (auto id = domain::parseId(form.entryId)) return registry.entry(*id);
  return std::nullopt;
}

std::string field(const std::map<std::string, std::string>& fields, const std::string& name) {
  auto it = fields.find(name);
  return it == fields.end() ? "" : it->second;
}

}  // namespace

void addComplaintRoutes(http::Router& router, services::ComplaintService& complaints,
                        storage::RegistryRepository& registry, const domain::Programme& programme) {
  router.add("GET", "/complaints/new", [&](http::HttpRequest& request) {
    services::ComplaintForm form;
    form.serial = request.queryValue("serial").value_or("");
    form.entryId = request.queryValue("entry").value_or("");
    auto about = entryAbout(form, registry);
    return web::complaintForm(web::pageRequest(request),
                              about || (form.serial.empty() && form.entryId.empty()) ? 200 : 404,
                              programme, form, about, {});
  });

  router.add("POST", "/complaints/new", [&](http::HttpRequest& request) {
    auto fields = http::parseForm(request.body);
    services::ComplaintForm form{field(fields, "serial"), field(fields, "entry_id"),
                                 field(fields, "category"), field(fields, "description"),
                                 field(fields, "contact")};
    auto page = web::pageRequest(request);
    try {
      return web::complaintFiled(page, programme, complaints.file(form, request.remoteAddress));
    } catch (const services::ServiceError& refusal) {
      http::HttpError error = asHttp(refusal);
      std::string message = error.status() == 400 ? "" : error.what();
      return web::complaintForm(page, error.status(), programme, form, entryAbout(form, registry),
                                error.fields(), message);
    }
  });

  router.add("POST", "/api/v1/public/complaints", [&](http::HttpRequest& request) {
    http::Json body = http::parseJsonObject(request);
    std::vector<http::FieldError> errors;
    services::ComplaintForm form;
    for (const auto& [key, value] : body.items()) {
      std::string* target = key == "serial"        ? &form.serial
                            : key == "entry_id"    ? &form.entryId
                            : key == "category"    ? &form.category
                            : key == "description" ? &form.description
                            : key == "contact"     ? &form.contact
                                                   : nullptr;
      if (!target)
        errors.push_back({key, "unknown field"});
      else if (key == "entry_id" && value.is_number_integer())
        *target = std::to_string(value.get<std::int64_t>());
      else if (!value.is_string())
        errors.push_back({key, "expected a string"});
      else
        *target = value.get<std::string>();
    }
    if (!errors.empty()) throw http::ValidationError(errors);
    auto filed = complaints.file(form, request.remoteAddress);
    return http::jsonResponse({{"id", filed.id}, {"reference", filed.reference}}, 201);
  });
}

}  // namespace tisheng::api
