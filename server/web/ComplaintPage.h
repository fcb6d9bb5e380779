#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/Programme.h"
#include "domain/Registry.h"
#include "http/HttpError.h"
#include "http/HttpExchange.h"
#include "services/ComplaintService.h"
#include "web/Layout.h"

namespace tisheng::web {

/// The complaint form for a plaque or entry (no JavaScript), with the caller's input and the
/// problems found in it when re-shown. about names what the complaint concerns, when known.
http::HttpResponse complaintForm(const PageRequest& page, int status,
                                 const domain::Programme& programme,
                                 const services::ComplaintForm& form,
                                 const std::optional<domain::Entry>& about,
                                 const std::vector<http::FieldError>& errors,
                                 const std::string& message = "");

/// A field's problem in the page's language: Chinese for the fields the public forms have, the
/// service's English otherwise.
std::string fieldProblem(const http::FieldError& error, const Words& t);

/// The problem reported for field, if any, as a paragraph beside it.
std::string problemBeside(const std::vector<http::FieldError>& errors, const std::string& field,
                          const Words& t);

/// The thank-you page with the complaint's reference.
http::HttpResponse complaintFiled(const PageRequest& page, const domain::Programme& programme,
                                  const services::FiledComplaint& filed);

}  // namespace tisheng::web
