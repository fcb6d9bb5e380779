#include "services/PlaqueReportService.h"

#include <cstdio>

#include "domain/Text.h"
#include "services/Errors.h"

namespace tisheng::services {

namespace {

/// A one-line field of min to max characters; its problem, or nullptr.
const char* lineProblem(const std::string& text, std::size_t min, std::size_t max) {
  if (const char* problem = domain::textProblem(text, false)) return problem;
  std::size_t length = domain::characterCount(text);
  if (length < min || length > max || (min > 0 && domain::isBlank(text)))
    return min > 0 ? "required, and not too long" : "too long";
  return nullptr;
}

}  // namespace

std::string PlaqueReportService::referenceOf(std::int64_t id) {
  char reference[32];
  std::snprintf(reference, sizeof reference, "TS-R-%06lld", static_cast<long long>(id));
  return reference;
}

domain::PlaqueReport PlaqueReportService::file(const PlaqueReportForm& form,
                                               const std::string& sourceAddress) {
  std::vector<FieldError> errors;
  bool knownCounty = false;
  for (const auto& county : registry_.counties()) knownCounty |= county.code == form.county;
  if (!knownCounty) errors.push_back({"county", "choose the county the place is in"});
  if (lineProblem(form.placeName, 1, 100))
    errors.push_back({"place_name", "the place's name, 1 to 100 characters"});
  if (lineProblem(form.address, 1, 200))
    errors.push_back({"address", "the address, 1 to 200 characters"});
  std::size_t length = domain::characterCount(form.seen);
  if (domain::textProblem(form.seen, true) || length < 10 || length > 2000 ||
      domain::isBlank(form.seen))
    errors.push_back({"seen", "10 to 2000 characters, please describe what you saw"});
  if (lineProblem(form.contact, 0, 100))
    errors.push_back({"contact", "at most 100 characters on one line"});
  if (form.codeSeen.size() > 400) errors.push_back({"code", "at most 400 characters"});
  if (!errors.empty()) throw Invalid(errors);

  std::int64_t now = clock_.now();
  if (reports_.countFromAddressSince(sourceAddress, now - 3600) >= kMaxPerAddressPerHour)
    throw RateLimited(3600);
  domain::PlaqueReport report;
  report.countyCode = form.county;
  report.placeName = form.placeName;
  report.address = form.address;
  report.seen = form.seen;
  if (!form.codeSeen.empty()) report.codeSeen = form.codeSeen;
  if (!form.contact.empty()) report.contact = form.contact;
  if (!form.photo.empty()) {
    try {
      report.photo = media_.storeImage("reports", form.photo).path;
    } catch (const Invalid&) {
      throw Invalid("photo", "a JPEG or PNG photo within the size limit");
    }
  }
  report.id = reports_.add(report, sourceAddress, {"public", now});
  report.createdAt = now;
  return report;
}

std::vector<domain::PlaqueReport> PlaqueReportService::list(
    const security::Principal& caller, const std::optional<domain::PlaqueReportStatus>& status) {
  if (!caller.isOffice()) throw Forbidden("offices only");
  return reports_.reports(caller.county, status);
}

domain::PlaqueReport PlaqueReportService::get(const security::Principal& caller, std::int64_t id) {
  if (!caller.isOffice()) throw Forbidden("offices only");
  auto report = reports_.report(id);
  if (!report) throw NotFound("no report " + std::to_string(id));
  if (!caller.coversCounty(report->countyCode)) throw Forbidden("outside your county");
  return *report;
}

domain::PlaqueReport PlaqueReportService::triage(const security::Principal& caller, std::int64_t id,
                                                 domain::PlaqueReportStatus status,
                                                 const std::string& note) {
  get(caller, id);
  if (status == domain::PlaqueReportStatus::New)
    throw Invalid("decision", "confirmed or dismissed");
  if (domain::characterCount(note) < 2 || domain::characterCount(note) > 1000 ||
      domain::textProblem(note, true))
    throw Invalid("resolution", "2 to 1000 characters: what was found, what was done");
  if (!reports_.triage(id, status, note, {caller.username, clock_.now()}))
    throw Conflict("the report has already been triaged");
  return get(caller, id);
}

std::string PlaqueReportService::photo(const security::Principal& caller, std::int64_t id) {
  auto report = get(caller, id);
  if (!report.photo) throw NotFound("the report has no photo");
  auto bytes = media_.read(*report.photo);
  if (!bytes) throw NotFound("the report's photo is missing");
  return *bytes;
}

}  // namespace tisheng::services
