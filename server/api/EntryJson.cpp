#include "api/EntryJson.h"

#include "api/LocalizedJson.h"
#include "certificates/CivilDate.h"
#include "domain/WorkflowJson.h"

namespace tisheng::api {

using http::Json;

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
           {"contact_public", e.contactPublic},
           {"description", text(e.description)},
           {"owner", optional(owner)},
           {"photo_url", e.photoPath ? Json("/media/entries/" + std::to_string(e.id)) : Json()},
           {"reply", optional(e.reply)},
           {"reply_at", e.replyAt ? Json(certificates::isoTime(*e.replyAt)) : Json()}};
  addCategoryFields(out, e);
  return out;
}

void addCategoryFields(Json& out, const domain::Entry& e) {
  auto optional = [](const auto& value) { return value ? Json(*value) : Json(); };
  if (e.category == rules::Category::Restaurant) out["featured_dishes"] = e.featuredDishes;
  if (e.category == rules::Category::Product) {
    out["producer"] = optional(e.producer);
    out["origin"] = optional(e.origin);
    out["specification"] = optional(e.specification);
  }
}

Json certificateJson(const domain::Certificate& c) {
  return Json{{"id", c.id},
              {"serial", c.serial},
              {"standard", {{"id", c.standardId}, {"version", c.standardVersion}}},
              {"grade", c.grade},
              {"issued_on", certificates::isoDate(c.issuedOn)},
              {"valid_until", certificates::isoDate(c.validUntil)},
              {"status", certificates::toString(c.status)},
              {"status_reason", c.statusReason ? Json(*c.statusReason) : Json()},
              {"last_inspection_on",
               c.lastInspectionOn ? Json(certificates::isoDate(*c.lastInspectionOn)) : Json()},
              {"verify_url", "/c/" + c.token}};
}

Json entryStatusJson(const services::EntryStatus& status, storage::UserRepository& users) {
  auto optional = [](const auto& value, auto render) { return value ? render(*value) : Json(); };
  Json appealable = Json::array();
  for (const auto& decision : status.appealable) appealable.push_back(domain::toJson(decision));
  Json out = entryJson(status.entry, users);
  out["state"] = status.state;
  out["certificate"] = optional(status.certificate, certificateJson);
  out["rectification"] =
      optional(status.rectification, [](const auto& r) { return domain::toJson(r); });
  out["notice"] = optional(status.notice, [](const auto& n) { return domain::toJson(n); });
  out["open_inspection"] =
      optional(status.inspection, [](const auto& i) { return domain::toJson(i); });
  out["appealable"] = appealable;
  out["barred_until"] =
      optional(status.barredUntil, [](int day) { return Json(certificates::isoDate(day)); });
  return out;
}

Json EntryNames::operator()(std::int64_t entryId) {
  auto found = known_.find(entryId);
  if (found != known_.end()) return found->second;
  Json out;
  if (auto entry = registry_.entry(entryId))
    out = {{"id", entry->id},
           {"name", text(entry->name)},
           {"county", entry->countyCode},
           {"category", rules::toString(entry->category)}};
  known_.emplace(entryId, out);
  return out;
}

}  // namespace tisheng::api
