#include "api/PublicApi.h"

#include "api/LocalizedJson.h"
#include "api/PlaqueCache.h"
#include "certificates/CivilDate.h"
#include "http/Conditional.h"
#include "http/Json.h"
#include "web/VerifyPage.h"

namespace tisheng::api {

namespace {

using http::Json;

/// What the plaque pages kept may take: about 8,000 pages of 4 KB, the city's plaques in both
/// languages several times over.
constexpr std::size_t kPlaqueCacheBytes = 32u << 20;

rules::LocalizedText statusLabel(const services::Verification& v) {
  if (!v.genuine) return {"非真实牌匾", "Not a genuine plaque"};
  switch (v.status) {
    case domain::CertificateStatus::Active: return {"真实有效", "Genuine and valid"};
    case domain::CertificateStatus::Suspended: return {"暂停使用", "Suspended"};
    case domain::CertificateStatus::Revoked: return {"已摘牌", "Removed from the list"};
    case domain::CertificateStatus::Expired: return {"已过期", "Expired"};
    case domain::CertificateStatus::Superseded: return {"已换发新牌", "Replaced"};
  }
  return {};
}

/// The JSON form of a verification: the same facts as the page.
Json verificationJson(const services::Verification& v, const services::CertificateService& service,
                      const domain::Programme& programme) {
  Json out{{"genuine", v.genuine}, {"checked_at", certificates::isoTime(v.checkedAt)}};
  out["status"] = v.genuine ? std::string(certificates::toString(v.status)) : "not_genuine";
  out["status_label"] = text(statusLabel(v));
  if (!v.genuine) return out;
  const domain::Certificate& c = v.found->certificate;
  const domain::Entry& e = v.found->entry;
  out["status_reason"] = c.statusReason ? Json(*c.statusReason) : Json();
  out["status_since"] = c.statusSince ? Json(certificates::isoTime(*c.statusSince)) : Json();
  out["certificate"] = {
      {"serial", c.serial},
      {"category", rules::toString(e.category)},
      {"category_title", text(domain::categoryTitle(e.category))},
      {"grade", {{"id", c.grade}, {"title", text(service.gradeTitle(c))}}},
      {"standard", {{"id", c.standardId}, {"version", c.standardVersion}}},
      {"issued_on", certificates::isoDate(c.issuedOn)},
      {"valid_until", certificates::isoDate(c.validUntil)},
      {"last_inspection_on",
       c.lastInspectionOn ? Json(certificates::isoDate(*c.lastInspectionOn)) : Json()}};
  out["entry"] = {
      {"id", e.id},
      {"name", text(e.name)},
      {"county", text(e.countyName)},
      {"address", text(e.address)},
      {"photo_url", e.photoPath ? Json("/media/entries/" + std::to_string(e.id)) : Json()},
      {"reply", e.reply ? Json(*e.reply) : Json()}};
  out["issuer"] = {{"zh", programme.issuerZh}, {"en", programme.issuerEn}};
  return out;
}

}  // namespace

void addPublicRoutes(http::Router& router, const services::CertificateService& service,
                     const services::PublicRegister& publicRegister,
                     const domain::Programme& programme) {
  // Plaque pages are kept as rendered until the registry's generation or the day moves on.
  auto pages = std::make_shared<PlaqueCache>(kPlaqueCacheBytes);
  router.add("GET", "/c/{token}", [&, pages](http::HttpRequest& request) {
    const std::string& token = request.params.at("token");
    auto page = web::pageRequest(request);
    auto render = [&](const services::Verification& verification) {
      // Only a replaced plaque needs the place's current certificate.
      std::optional<domain::PublicRecord> current;
      if (verification.genuine && verification.status == domain::CertificateStatus::Superseded)
        current = publicRegister.record(verification.found->entry.id);
      return web::verifyPage(page, verification, current, service, programme, token);
    };
    // A query (?lang= sets the cookie) makes a page of its own: not kept.
    if (!request.query.empty()) return render(service.verify(token));
    std::int64_t generation = service.registryGeneration();  // before the data it guards
    std::int64_t now = service.now();
    int day = programme.calendar.dayOf(now);
    std::string key = token + (page.english ? "|en" : "|zh");
    std::string etag = "\"" + std::to_string(generation) + "-" + std::to_string(day) + "-" +
                       (page.english ? "en" : "zh") + "\"";
    web::Words words(page.english);
    auto cached = pages->find(key, generation, day);
    if (!cached) {
      auto verification = service.verify(token);
      auto response = render(verification);
      if (!verification.genuine) return response;  // not kept: anyone can make up tokens
      std::string checked = words.time(programme.calendar, verification.checkedAt);
      std::size_t at = response.body.rfind(checked);  // the last line: "Checked …"
      if (at == std::string::npos) return response;
      response.body.erase(at, checked.size());
      response.setHeader("ETag", etag);
      response.setHeader("Cache-Control", "no-cache");
      response.setHeader("Vary", "Accept-Language, Cookie");
      cached = PlaqueCache::Page{generation, day, std::move(response), at};
      pages->put(key, *cached);
    }
    http::HttpResponse response = std::move(cached->response);
    if (http::etagMatches(request.header("if-none-match"), etag)) {
      // The page's own headers (its Content-Security-Policy above all): a browser keeps them
      // with the copy it revalidated.
      response.status = 304;
      response.body.clear();
      response.contentType.clear();
      return response;
    }
    response.body.insert(cached->timeAt, words.time(programme.calendar, now));
    return response;
  });

  router.add("GET", "/api/v1/public/verify/{token}", [&](http::HttpRequest& request) {
    auto verification = service.verify(request.params.at("token"));
    auto response = http::jsonResponse(verificationJson(verification, service, programme));
    response.setHeader("Cache-Control", "no-store");
    return response;
  });

  router.add("GET", "/.well-known/jwks.json", [&](http::HttpRequest&) {
    auto response = http::jsonResponse(service.jwks());
    response.setHeader("Cache-Control", "public, max-age=3600");
    return response;
  });

  router.add("GET", "/api/v1/public/status-list", [&](http::HttpRequest&) {
    http::HttpResponse response;
    response.contentType = "application/jose";
    response.body = service.statusList();
    response.setHeader("Cache-Control", "public, max-age=300");
    return response;
  });
}

}  // namespace tisheng::api
