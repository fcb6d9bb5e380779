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

/// A verification freshly rendered: its response, where the check time is written in it (npos:
/// not to be kept — a token that is not genuine, which anyone can make up), and how much of its
/// beginning every such page has in common.
struct Rendered {
  http::HttpResponse response;
  std::size_t checkedAt = std::string::npos;
  std::size_t checkedLength = 0;
  std::size_t commonLength = 0;
};

/// What a kept verification is filed under and tagged with: the token and form, the registry's
/// generation (read before the data it guards), the day, and the time of this check.
struct Keeping {
  Keeping(const services::CertificateService& service, const domain::Programme& programme,
          const std::string& token, const char* form)
      : key(token + "|" + form),
        generation(service.registryGeneration()),
        now(service.now()),
        day(programme.calendar.dayOf(now)),
        etag("\"" + std::to_string(generation) + "-" + std::to_string(day) + "-" + form + "\"") {}
  std::string key;
  std::int64_t generation;
  std::int64_t now;
  int day;
  std::string etag;
};

/// The kept reply for keeping, or a fresh one (render) kept for the next scan; 304 when the
/// request's If-None-Match names it. The check time (timeText(now)) is written in at each scan.
template <typename Render, typename TimeText>
http::HttpResponse served(PlaqueCache& kept, const http::HttpRequest& request,
                          const Keeping& keeping, const Render& render, const TimeText& timeText) {
  auto page = kept.find(keeping.key, keeping.generation, keeping.day);
  if (!page) {
    Rendered rendered = render();
    if (rendered.checkedAt == std::string::npos) return std::move(rendered.response);
    auto fresh = std::make_shared<PlaqueCache::Page>();
    fresh->generation = keeping.generation;
    fresh->day = keeping.day;
    std::string body = std::move(rendered.response.body);
    std::size_t common = std::min(rendered.commonLength, rendered.checkedAt);
    if (common > 0) fresh->head = kept.sharedHead(std::string_view(body).substr(0, common));
    fresh->timeAt = rendered.checkedAt - common;
    fresh->response = std::move(rendered.response);
    fresh->response.body.reserve(body.size() - common - rendered.checkedLength);
    fresh->response.body.append(body, common, fresh->timeAt)
        .append(body, rendered.checkedAt + rendered.checkedLength);
    fresh->response.setHeader("ETag", keeping.etag);
    fresh->response.setHeader("Cache-Control", "no-cache");
    kept.put(keeping.key, fresh);
    page = std::move(fresh);
  }
  http::HttpResponse response;
  response.status = page->response.status;
  response.headers = page->response.headers;
  if (http::etagMatches(request.header("if-none-match"), keeping.etag)) {
    // The reply's own headers (a page's Content-Security-Policy above all): a browser keeps
    // them with the copy it revalidated.
    response.status = 304;
    return response;
  }
  response.contentType = page->response.contentType;
  const std::string& rest = page->response.body;
  std::string time = timeText(keeping.now);
  response.body.reserve((page->head ? page->head->size() : 0) + rest.size() + time.size());
  if (page->head) response.body.append(*page->head);
  response.body.append(rest, 0, page->timeAt).append(time).append(rest, page->timeAt);
  return response;
}

}  // namespace

void addPublicRoutes(http::Router& router, const services::CertificateService& service,
                     const services::PublicRegister& publicRegister,
                     const domain::Programme& programme, std::size_t keptBytes) {
  // Plaque pages and their JSON twins are kept as rendered until the registry's generation or
  // the day moves on.
  auto kept = std::make_shared<PlaqueCache>(keptBytes);
  router.add("GET", "/c/{token}", [&, kept](http::HttpRequest& request) {
    const std::string& token = request.params.at("token");
    auto page = web::pageRequest(request);
    web::Words words(page.english);
    auto render = [&] {
      auto verification = service.verify(token);
      // Only a replaced plaque needs the place's current certificate.
      std::optional<domain::PublicRecord> current;
      if (verification.genuine && verification.status == domain::CertificateStatus::Superseded)
        current = publicRegister.record(verification.found->entry.id);
      Rendered rendered{web::verifyPage(page, verification, current, service, programme, token)};
      rendered.response.setHeader("Vary", "Accept-Language, Cookie");
      if (verification.genuine) {
        // The last line: "Checked …".
        std::string checked = words.time(programme.calendar, verification.checkedAt);
        rendered.checkedAt = rendered.response.body.rfind(checked);
        rendered.checkedLength = checked.size();
        // The head and its style sheet are the same on every plaque's page.
        std::size_t headEnd = rendered.response.body.find("</head>");
        if (headEnd != std::string::npos) rendered.commonLength = headEnd + 7;
      }
      return rendered;
    };
    // A query (?lang= sets the cookie) makes a page of its own: not kept.
    if (!request.query.empty()) return render().response;
    Keeping keeping(service, programme, token, page.english ? "en" : "zh");
    return served(*kept, request, keeping, render,
                  [&](std::int64_t now) { return words.time(programme.calendar, now); });
  });

  router.add("GET", "/api/v1/public/verify/{token}", [&, kept](http::HttpRequest& request) {
    const std::string& token = request.params.at("token");
    auto render = [&] {
      auto verification = service.verify(token);
      Rendered rendered{http::jsonResponse(verificationJson(verification, service, programme))};
      rendered.response.setHeader("Cache-Control", "no-cache");
      if (verification.genuine) {
        std::string field = "\"checked_at\":\"";
        std::string checked = field + certificates::isoTime(verification.checkedAt) + "\"";
        std::size_t at = rendered.response.body.find(checked);
        if (at != std::string::npos) rendered.checkedAt = at + field.size();
        rendered.checkedLength = checked.size() - field.size() - 1;
      }
      return rendered;
    };
    Keeping keeping(service, programme, token, "json");
    return served(*kept, request, keeping, render,
                  [](std::int64_t now) { return certificates::isoTime(now); });
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
