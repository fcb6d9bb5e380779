#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/Programme.h"
#include "domain/Registry.h"
#include "http/HttpError.h"
#include "http/HttpExchange.h"
#include "services/ComplaintService.h"

namespace tisheng::web {

/// The complaint form for a plaque or entry (no JavaScript), with the caller's input and the
/// problems found in it when re-shown. about names what the complaint concerns, when known.
http::HttpResponse complaintForm(int status, const domain::Programme& programme, bool english,
                                 const services::ComplaintForm& form,
                                 const std::optional<domain::Entry>& about,
                                 const std::vector<http::FieldError>& errors,
                                 const std::string& message = "");

/// The thank-you page with the complaint's reference.
http::HttpResponse complaintFiled(const domain::Programme& programme, bool english,
                                  const services::FiledComplaint& filed);

}  // namespace tisheng::web
