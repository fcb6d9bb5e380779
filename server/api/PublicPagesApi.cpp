#include "api/PublicPagesApi.h"

#include "api/BodyReader.h"
#include "api/GradeText.h"
#include "api/OpenDataApi.h"
#include "api/ServiceErrors.h"
#include "http/Form.h"
#include "http/HttpError.h"
#include "web/DirectoryPage.h"
#include "web/HomePage.h"
#include "web/Html.h"

namespace tisheng::api {

namespace {

constexpr std::size_t kPlacesPerPage = 30;

/// Each category's grades, best first, with what each takes, in the page's language.
std::vector<web::GradeLegend> gradeLegend(const rules::StandardRegistry& standards, bool english) {
  std::vector<web::GradeLegend> out;
  for (auto category :
       {rules::Category::Homestay, rules::Category::Restaurant, rules::Category::Product}) {
    auto standard = standards.latest(rules::toString(category));
    if (!standard) continue;
    GradeText words(*standard, english ? "en" : "zh");
    for (const auto& grade : standard->grades)
      out.push_back({category, grade.id, grade.title, words.requirements(grade)});
  }
  return out;
}

http::HttpResponse redirect(const std::string& location) {
  http::HttpResponse response;
  response.status = 302;
  response.contentType.clear();
  response.setHeader("Location", location);
  return response;
}

}  // namespace

void addPublicPageRoutes(http::Router& router, const services::PublicRegister& publicRegister,
                         services::SupervisionService& supervision,
                         services::CountyService& counties,
                         const services::CertificateService& certificates,
                         const rules::StandardRegistry& standards,
                         const domain::Programme& programme) {
  router.add("GET", "/", [&](http::HttpRequest& request) {
    if (request.principal) return redirect("/admin/");
    std::array<std::size_t, 3> certified{};
    for (auto category :
         {rules::Category::Homestay, rules::Category::Restaurant, rules::Category::Product}) {
      domain::PublicQuery query;
      query.category = category;
      query.status = domain::PublicStatus::Certified;
      certified[static_cast<std::size_t>(category)] = publicRegister.count(query);
    }
    return web::landingPage(web::pageRequest(request), programme, certified);
  });

  router.add("GET", "/directory", [&](http::HttpRequest& request) {
    web::DirectoryView view;
    view.query = readPublicQuery(request, programme.calendar, kPlacesPerPage);
    if (!request.queryValue("status")) view.query.status = domain::PublicStatus::Certified;
    if (!request.queryValue("limit")) view.query.limit = kPlacesPerPage;
    auto page = publicRegister.page(view.query);
    view.records = std::move(page.records);
    view.nextAfter = page.nextAfter;
    view.total = publicRegister.count(view.query);
    view.today = publicRegister.today();
    view.counties = counties.list();
    view.grades = gradeLegend(standards, request.lang() == "en");
    for (const auto& [notice, entry] : supervision.directory().second) {
      if ((view.query.county && entry.countyCode != *view.query.county) ||
          (view.query.category && entry.category != *view.query.category))
        continue;
      view.notices.push_back(
          {entry, notice.id,
           standards.gradeTitle(notice.standardId, notice.standardVersion, notice.grade),
           notice.endsOn});
    }
    return web::directoryPage(web::pageRequest(request), programme, view, certificates);
  });

  router.add("GET", "/entries/{id}", [&](http::HttpRequest& request) {
    auto id = idParam(request.params.at("id"), "entry");
    auto record = publicRegister.record(id);
    return web::entryPage(web::pageRequest(request), programme, record, publicRegister.history(id),
                          publicRegister.today(), certificates);
  });

  router.add("POST", "/directory/notices/{id}/objections", [&](http::HttpRequest& request) {
    auto fields = http::parseForm(request.body);
    auto page = web::pageRequest(request);
    std::optional<std::string> contact;
    if (auto it = fields.find("contact"); it != fields.end() && !it->second.empty())
      contact = it->second;
    try {
      supervision.object(idParam(request.params.at("id"), "notice"), fields["text"], contact,
                         request.remoteAddress);
      return web::objectionResult(page, 201, programme, "");
    } catch (const services::ServiceError& refusal) {
      http::HttpError error = asHttp(refusal);
      std::string message = error.fields().empty()
                                ? error.what()
                                : error.fields()[0].field + ": " + error.fields()[0].message;
      return web::objectionResult(page, error.status(), programme, message);
    }
  });
}

http::Handler withHtmlErrors(http::Handler inner, const domain::Programme& programme) {
  return [inner = std::move(inner), &programme](http::HttpRequest& request) {
    http::HttpResponse response = inner(request);
    bool page = !request.path.starts_with("/api/") && !request.path.starts_with("/.well-known/") &&
                !request.path.starts_with("/media/");
    if (!page || response.status < 400 || response.status >= 500 ||
        !response.contentType.starts_with("application/json"))
      return response;
    web::PageRequest pageRequest = web::pageRequest(request);
    if (response.status == 404) return web::notFoundPage(pageRequest, programme);
    // Another refusal (a bad filter, too many requests): its title and fields, as a page.
    http::Json parsed = http::Json::parse(response.body, nullptr, false);
    if (!parsed.is_object() || !parsed.contains("error") || !parsed["error"].is_object())
      return response;
    const http::Json& error = parsed["error"];
    web::Words t(pageRequest.english);
    std::string body = "<h1>" + web::escape(error.value("message", "")) + "</h1><ul>";
    for (const auto& field : error.value("fields", http::Json::array()))
      body += "<li><code>" + web::escape(field.value("field", "")) + "</code> " +
              web::escape(field.value("message", "")) + "</li>";
    body += "</ul><p><a href=\"/directory\">" + t("返回名录", "Back to the directory") + "</a></p>";
    auto html = web::publicPage(pageRequest, response.status, programme,
                                web::escape(error.value("message", "")), body);
    for (const auto& [name, value] : response.headers)
      if (name == "Retry-After" || name == "Allow") html.setHeader(name, value);
    return html;
  };
}

}  // namespace tisheng::api
