#include "services/ComplaintService.h"

#include <cstdio>

#include "domain/Text.h"
#include "services/Errors.h"

namespace tisheng::services {

ComplaintService::ComplaintService(storage::ComplaintRepository& complaints,
                                   storage::RegistryRepository& registry,
                                   const domain::Clock& clock)
    : complaints_(complaints), registry_(registry), clock_(clock) {}

const std::vector<std::pair<std::string, rules::LocalizedText>>& ComplaintService::categories() {
  static const std::vector<std::pair<std::string, rules::LocalizedText>> all{
      {"hygiene", {"卫生问题", "Hygiene"}},
      {"safety", {"安全隐患", "Safety"}},
      {"service", {"服务质量", "Service"}},
      {"price", {"价格问题", "Prices"}},
      {"false_advertising", {"虚假宣传", "False advertising"}},
      {"fake_plaque", {"冒用或伪造牌匾", "Fake or misused plaque"}},
      {"other", {"其他", "Other"}},
  };
  return all;
}

FiledComplaint ComplaintService::file(const ComplaintForm& form, const std::string& address) {
  std::vector<FieldError> errors;
  bool knownCategory = false;
  for (const auto& [id, label] : categories()) knownCategory |= id == form.category;
  if (!knownCategory) errors.push_back({"category", "choose one of the listed categories"});
  std::size_t length = domain::characterCount(form.description);
  if (const char* problem = domain::textProblem(form.description, true))
    errors.push_back({"description", problem});
  else if (length < 10 || length > 2000 || domain::isBlank(form.description))
    errors.push_back({"description", "10 to 2000 characters, please describe what happened"});
  if (domain::characterCount(form.contact) > 100 || domain::textProblem(form.contact, false))
    errors.push_back({"contact", "at most 100 characters on one line"});
  if (form.serial.empty() && form.entryId.empty())
    errors.push_back({"serial", "name the plaque's serial or the entry"});
  if (!errors.empty()) throw Invalid(errors);

  storage::NewComplaint complaint;
  if (!form.serial.empty()) {
    auto certificate = registry_.certificateBySerial(form.serial);
    if (!certificate) throw NotFound("no certificate " + form.serial);
    complaint.entryId = certificate->entryId;
    complaint.certificateId = certificate->id;
  } else {
    auto id = domain::parseId(form.entryId);
    if (!id || !registry_.entry(*id)) throw NotFound("no entry " + form.entryId);
    complaint.entryId = *id;
  }
  std::int64_t now = clock_.now();
  if (complaints_.countFromAddressSince(address, now - 3600) >= kMaxPerAddressPerHour)
    throw RateLimited(3600);
  complaint.category = form.category;
  complaint.description = form.description;
  if (!form.contact.empty()) complaint.contact = form.contact;
  complaint.sourceAddress = address;
  FiledComplaint filed;
  filed.id = complaints_.add(complaint, {"public:" + address, now});
  char reference[32];
  std::snprintf(reference, sizeof reference, "TS-C-%06lld", static_cast<long long>(filed.id));
  filed.reference = reference;
  return filed;
}

}  // namespace tisheng::services
