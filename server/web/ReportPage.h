#pragma once

#include <string>
#include <vector>

#include "domain/Programme.h"
#include "domain/Registry.h"
#include "http/HttpError.h"
#include "services/PlaqueReportService.h"
#include "web/Layout.h"

namespace tisheng::web {

/// The form to report a fake plaque (no JavaScript, no serial needed): county, place name,
/// address, what was seen, an optional photo and contact; re-shown with the input and each
/// problem beside its field in the page's language.
http::HttpResponse reportForm(const PageRequest& page, int status,
                              const domain::Programme& programme,
                              const std::vector<domain::County>& counties,
                              const services::PlaqueReportForm& form,
                              const std::vector<http::FieldError>& errors,
                              const std::string& message = "");

/// The thank-you page with the report's reference.
http::HttpResponse reportFiled(const PageRequest& page, const domain::Programme& programme,
                               const std::string& reference);

}  // namespace tisheng::web
