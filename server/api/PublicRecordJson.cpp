#include "api/PublicRecordJson.h"

#include "api/EntryJson.h"
#include "api/LocalizedJson.h"
#include "certificates/CivilDate.h"
#include "domain/PublicRecord.h"

namespace tisheng::api {

namespace {

using http::Json;

Json optionalDate(const std::optional<int>& day) {
  return day ? Json(certificates::isoDate(*day)) : Json();
}

/// Why the place is not certified now, in words.
Json statusDetail(const domain::Certificate& c, domain::PublicStatus status,
                  const domain::Calendar& calendar) {
  Json since = c.statusSince ? Json(certificates::isoDate(calendar.dayOf(*c.statusSince))) : Json();
  switch (status) {
    case domain::PublicStatus::Certified: return Json();
    case domain::PublicStatus::Suspended:
      return {{"since", since},
              {"rectify_by", optionalDate(domain::suspensionDeadline(c.statusReason))}};
    case domain::PublicStatus::Removed: {
      Json out{{"since", since}, {"reason", Json()}};
      if (auto code = domain::revocationCode(c.statusReason))
        out["reason"] = {{"code", *code}, {"title", text(domain::revocationTitle(*code))}};
      return out;
    }
    case domain::PublicStatus::Expired: return {{"since", certificates::isoDate(c.validUntil + 1)}};
  }
  return Json();
}

/// The CSV columns: a name and how to read it from the JSON record.
const std::vector<std::pair<std::string, Json::json_pointer>>& csvColumns() {
  static const std::vector<std::pair<std::string, Json::json_pointer>> columns{
      {"id", Json::json_pointer("/id")},
      {"category", Json::json_pointer("/category")},
      {"name_zh", Json::json_pointer("/name/zh")},
      {"name_en", Json::json_pointer("/name/en")},
      {"county", Json::json_pointer("/county")},
      {"county_name_zh", Json::json_pointer("/county_name/zh")},
      {"address_zh", Json::json_pointer("/address/zh")},
      {"address_en", Json::json_pointer("/address/en")},
      {"lat", Json::json_pointer("/location/lat")},
      {"lon", Json::json_pointer("/location/lon")},
      {"status", Json::json_pointer("/status")},
      {"status_since", Json::json_pointer("/status_detail/since")},
      {"removal_reason", Json::json_pointer("/status_detail/reason/code")},
      {"grade", Json::json_pointer("/grade/id")},
      {"grade_title_zh", Json::json_pointer("/grade/title/zh")},
      {"serial", Json::json_pointer("/certificate/serial")},
      {"issued_on", Json::json_pointer("/certificate/issued_on")},
      {"valid_until", Json::json_pointer("/certificate/valid_until")},
      {"last_inspection_on", Json::json_pointer("/certificate/last_inspection_on")},
      {"verify_url", Json::json_pointer("/certificate/verify_url")},
      {"contact", Json::json_pointer("/contact")},
      {"description_zh", Json::json_pointer("/description/zh")},
      {"featured_dishes", Json::json_pointer("/featured_dishes")},
      {"producer", Json::json_pointer("/producer")},
      {"origin", Json::json_pointer("/origin")},
      {"specification", Json::json_pointer("/specification")},
      {"updated_at", Json::json_pointer("/updated_at")}};
  return columns;
}

}  // namespace

std::string csvField(const Json& value) {
  std::string text = value.is_null()     ? ""
                     : value.is_string() ? value.get<std::string>()
                                         : value.dump();
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string quoted = "\"";
  for (char ch : text) quoted += ch == '"' ? std::string("\"\"") : std::string(1, ch);
  return quoted + "\"";
}

Json publicRecordJson(const domain::PublicRecord& record, int today,
                      const services::CertificateService& certificates) {
  const domain::Entry& e = record.entry;
  const domain::Certificate& c = record.certificate;
  const domain::Calendar& calendar = certificates.settings().programme.calendar;
  auto optional = [](const auto& value) { return value ? Json(*value) : Json(); };
  domain::PublicStatus status = domain::publicStatusOf(c, today);
  Json out{{"id", e.id},
           {"category", rules::toString(e.category)},
           {"category_title", text(domain::categoryTitle(e.category))},
           {"name", text(e.name)},
           {"county", e.countyCode},
           {"county_name", text(e.countyName)},
           {"address", text(e.address)},
           {"location",
            e.latitude && e.longitude ? Json{{"lat", *e.latitude}, {"lon", *e.longitude}} : Json()},
           {"status", domain::toString(status)},
           {"status_title", text(domain::publicStatusTitle(status))},
           {"status_detail", statusDetail(c, status, calendar)},
           {"grade", {{"id", c.grade}, {"title", text(certificates.gradeTitle(c))}}},
           {"standard", {{"id", c.standardId}, {"version", c.standardVersion}}},
           {"certificate",
            {{"serial", c.serial},
             {"issued_on", certificates::isoDate(c.issuedOn)},
             {"valid_until", certificates::isoDate(c.validUntil)},
             {"last_inspection_on", optionalDate(c.lastInspectionOn)},
             {"verify_url", certificates.verificationUrl(c)}}},
           {"contact", e.contactPublic && !e.contact.empty() ? Json(e.contact) : Json()},
           {"description", text(e.description)},
           {"photo_url", e.photoPath ? Json("/media/entries/" + std::to_string(e.id)) : Json()},
           {"reply", optional(e.reply)},
           {"page_url", "/entries/" + std::to_string(e.id)},
           {"updated_at", certificates::isoTime(record.updatedAt)}};
  addCategoryFields(out, e);
  return out;
}

std::string publicCsvHeader() {
  std::string line;
  for (const auto& [name, pointer] : csvColumns()) line += (line.empty() ? "" : ",") + name;
  return line + "\r\n";
}

std::string publicCsvLine(const Json& record) {
  std::string line;
  bool first = true;
  for (const auto& [name, pointer] : csvColumns()) {
    if (!first) line += ',';
    first = false;
    if (!record.contains(pointer)) continue;
    const Json& value = record.at(pointer);
    if (value.is_array()) {
      std::string joined;
      for (const auto& item : value)
        joined += (joined.empty() ? "" : "; ") + item.get<std::string>();
      line += csvField(joined);
    } else {
      line += csvField(value);
    }
  }
  return line + "\r\n";
}

}  // namespace tisheng::api
