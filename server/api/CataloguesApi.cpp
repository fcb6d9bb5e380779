#include "api/CataloguesApi.h"

#include "api/Access.h"
#include "api/Paging.h"
#include "api/RenderCache.h"
#include "http/Conditional.h"
#include "http/HttpError.h"
#include "web/CataloguePage.h"

namespace tisheng::api {

namespace {

/// "homestay.pdf" → the category and whether it is the PDF; throws NotFound otherwise.
std::pair<rules::Category, bool> catalogueFile(const std::string& file) {
  auto dot = file.rfind('.');
  std::string extension = dot == std::string::npos ? "" : file.substr(dot + 1);
  auto category = rules::categoryFromString(file.substr(0, dot));
  if (!category || (extension != "pdf" && extension != "html"))
    throw http::NotFound("no catalogue " + file +
                         " (homestay, restaurant or product; .pdf or .html)");
  return {*category, extension == "pdf"};
}

http::HttpResponse render(const services::CatalogueService& catalogues,
                          const services::CatalogueRequest& request, bool pdf) {
  if (!pdf) return web::catalogueHtml(catalogues.content(request, false), request.english);
  http::HttpResponse response;
  response.contentType = "application/pdf";
  response.body = catalogues.pdf(request);
  return response;
}

}  // namespace

void addCatalogueRoutes(http::Router& router, const services::CatalogueService& catalogues,
                        const services::PublicRegister& publicRegister) {
  router.add("GET", "/api/v1/catalogues/{file}", [&](http::HttpRequest& request) {
    const auto& caller = requireLogin(request);
    if (!caller.isOffice()) throw http::Forbidden("offices print the catalogues");
    auto [category, pdf] = catalogueFile(request.params.at("file"));
    services::CatalogueRequest wanted;
    wanted.category = category;
    wanted.county = request.queryValue("county");
    if (caller.county) {
      if (wanted.county && *wanted.county != *caller.county)
        throw http::Forbidden("a county office prints its own county's catalogue");
      wanted.county = caller.county;
    }
    wanted.grade = request.queryValue("grade");
    wanted.day = dateQuery(request, "at").value_or(publicRegister.today());
    wanted.english = request.lang() == "en";
    auto response = render(catalogues, wanted, pdf);
    response.setHeader("Cache-Control", "private, no-store");
    return response;
  });

  // The public editions, rendered once per change of the register.
  auto editions = std::make_shared<RenderCache>(12);
  router.add("GET", "/catalogues/{file}", [&, editions](http::HttpRequest& request) {
    auto [category, isPdf] = catalogueFile(request.params.at("file"));
    bool pdf = isPdf;  // a plain variable, for the lambda below
    services::CatalogueRequest wanted;
    wanted.category = category;
    wanted.day = publicRegister.today();
    wanted.english = request.lang() == "en";
    std::int64_t modified = publicRegister.lastModified();
    std::string key =
        request.params.at("file") + (wanted.english ? ":en:" : ":zh:") + std::to_string(modified);
    auto response = editions->get(key, [&] { return render(catalogues, wanted, pdf); });
    response.setHeader("Vary", "Accept-Language, Cookie");
    return http::revalidated(request, std::move(response), modified, "public, max-age=3600");
  });
}

}  // namespace tisheng::api
