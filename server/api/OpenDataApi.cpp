#include "api/OpenDataApi.h"

#include <Poco/NumberParser.h>

#include <regex>

#include "api/BodyReader.h"
#include "api/PublicRecordJson.h"
#include "api/RenderCache.h"
#include "api/ServiceErrors.h"
#include "certificates/CivilDate.h"
#include "http/Conditional.h"
#include "http/HttpError.h"
#include "http/Json.h"

namespace tisheng::api {

namespace {

using http::Json;

constexpr const char* kListCaching = "public, max-age=60";
constexpr const char* kExportCaching = "public, max-age=300";
/// The change feed's next updated_since reaches this far back: a change stamped just before a
/// read but committed just after it is then not missed (a record may come twice; harmless).
constexpr std::int64_t kFeedOverlapSeconds = 60;

/// A time as ISO 8601 (2026-11-26T08:00:00Z, fractions of a second ignored, or with an offset
/// +08:00) or a date (the start of that day in the programme's time zone).
std::optional<std::int64_t> parseInstant(const std::string& text,
                                         const domain::Calendar& calendar) {
  static const std::regex kTime(
      R"((\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d{1,9})?(Z|([+-])(\d{2}):(\d{2})))");
  auto day = certificates::parseIsoDate(text.substr(0, 10));
  if (!day) return std::nullopt;
  if (text.size() == 10) return calendar.startOf(*day);
  std::smatch m;
  if (!std::regex_match(text, m, kTime)) return std::nullopt;
  std::int64_t hours = std::stoi(m[2]), minutes = std::stoi(m[3]), seconds = std::stoi(m[4]);
  if (hours > 23 || minutes > 59 || seconds > 59) return std::nullopt;
  std::int64_t offset = 0;
  if (m[5] != "Z")
    offset = (std::int64_t{std::stoi(m[7])} * 3600 + std::int64_t{std::stoi(m[8])} * 60) *
             (m[6] == "-" ? -1 : 1);
  return std::int64_t{*day} * 86400 + hours * 3600 + minutes * 60 + seconds - offset;
}

http::HttpResponse withCors(http::HttpResponse response) {
  response.setHeader("Access-Control-Allow-Origin", "*");
  response.setHeader("Access-Control-Expose-Headers", "ETag, Last-Modified");
  return response;
}

/// Every public record as CSV or JSON Lines.
http::HttpResponse wholeRegister(const services::PublicRegister& publicRegister,
                                 const services::CertificateService& certificates, bool csv) {
  int today = publicRegister.today();
  http::HttpResponse response;
  response.contentType = csv ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8";
  // A byte-order mark, so that spreadsheet programs read the CSV as UTF-8.
  response.body = csv ? "\xEF\xBB\xBF" + publicCsvHeader() : "";
  for (const auto& record : publicRegister.all({})) {
    Json item = publicRecordJson(record, today, certificates);
    response.body += csv ? publicCsvLine(item) : item.dump() + "\n";
  }
  response.setHeader("Content-Disposition", std::string("attachment; filename=\"tisheng-") +
                                                certificates::isoDate(today) +
                                                (csv ? ".csv\"" : ".jsonl\""));
  return response;
}

}  // namespace

domain::PublicQuery readPublicQuery(const http::HttpRequest& request,
                                    const domain::Calendar& calendar, std::size_t maxLimit) {
  domain::PublicQuery query;
  std::vector<http::FieldError> errors;
  auto value = [&](const char* name) -> std::optional<std::string> {
    auto found = request.queryValue(name);
    if (found && found->empty()) return std::nullopt;  // an empty form field: no filter
    if (found && found->size() > 200) {
      errors.push_back({name, "at most 200 bytes"});
      return std::nullopt;
    }
    return found;
  };
  if (auto category = value("category")) {
    query.category = rules::categoryFromString(*category);
    if (!query.category) errors.push_back({"category", "homestay, restaurant or product"});
  }
  query.county = value("county");
  query.grade = value("grade");
  if (auto status = value("status")) {
    query.status = domain::publicStatusFromString(*status);
    if (!query.status) errors.push_back({"status", "certified, suspended, removed or expired"});
  }
  query.text = value("q");
  if (auto since = value("updated_since")) {
    query.updatedSince = parseInstant(*since, calendar);
    if (!query.updatedSince)
      errors.push_back({"updated_since", "a time such as 2026-11-26T08:00:00Z, or a date"});
  }
  if (auto cursor = value("cursor")) {
    Poco::Int64 after = 0;
    if (cursor->size() < 2 || cursor->front() != 'a' ||
        !Poco::NumberParser::tryParse64(cursor->substr(1), after) || after < 0)
      errors.push_back({"cursor", "not a next_cursor this server returned"});
    query.afterId = after;
  }
  query.limit = std::min<std::size_t>(100, maxLimit);
  if (auto limit = value("limit")) {
    unsigned parsed = 0;
    if (!Poco::NumberParser::tryParseUnsigned(*limit, parsed) || parsed < 1 || parsed > maxLimit)
      errors.push_back({"limit", "an integer from 1 to " + std::to_string(maxLimit)});
    query.limit = parsed;
  }
  if (!errors.empty()) throw http::ValidationError(errors);
  return query;
}

void addOpenDataRoutes(http::Router& router, const services::PublicRegister& publicRegister,
                       const services::CertificateService& certificates,
                       const domain::Calendar& calendar) {
  router.add("GET", "/api/v1/public/entries", [&](http::HttpRequest& request) {
    auto query = readPublicQuery(request, calendar, services::PublicRegister::kMaxPage);
    // Read the time first: a change made while this page is read is then in the next feed.
    std::int64_t asOf = publicRegister.lastModified();
    auto page = publicRegister.page(query);
    int today = publicRegister.today();
    Json items = Json::array();
    for (const auto& record : page.records)
      items.push_back(publicRecordJson(record, today, certificates));
    Json body{
        {"entries", std::move(items)},
        {"next_cursor", page.nextAfter ? Json("a" + std::to_string(*page.nextAfter)) : Json()},
        {"next_updated_since",
         certificates::isoTime(std::max<std::int64_t>(0, asOf - kFeedOverlapSeconds))}};
    return withCors(http::revalidated(request, http::jsonResponse(body), asOf, kListCaching));
  });

  router.add("GET", "/api/v1/public/entries/{id}", [&](http::HttpRequest& request) {
    auto record = publicRegister.record(idParam(request.params.at("id"), "entry"));
    Json body{{"entry", publicRecordJson(record, publicRegister.today(), certificates)}};
    return withCors(http::revalidated(
        request, http::jsonResponse(body),
        std::max(record.updatedAt, calendar.startOf(publicRegister.today())), kListCaching));
  });

  // The whole register is made once per change (or day) and kept: seconds of work for 100,000
  // places that anyone may ask for.
  auto exports = std::make_shared<RenderCache>(4);
  auto exportAll = [&, exports](http::HttpRequest& request, bool csv) {
    std::int64_t asOf = publicRegister.lastModified();
    std::string key = std::string(csv ? "csv:" : "jsonl:") + std::to_string(asOf);
    auto response =
        exports->get(key, [&] { return wholeRegister(publicRegister, certificates, csv); });
    return withCors(http::revalidated(request, std::move(response), asOf, kExportCaching));
  };
  router.add("GET", "/api/v1/public/entries.csv",
             [exportAll](http::HttpRequest& request) { return exportAll(request, true); });
  router.add("GET", "/api/v1/public/entries.jsonl",
             [exportAll](http::HttpRequest& request) { return exportAll(request, false); });

  // CORS preflight, for browsers that send If-None-Match from another origin.
  router.add("OPTIONS", "/api/v1/public/{path...}", [](http::HttpRequest&) {
    http::HttpResponse response = withCors({});
    response.status = 204;
    response.contentType.clear();
    response.setHeader("Access-Control-Allow-Methods", "GET");
    response.setHeader("Access-Control-Allow-Headers", "If-None-Match, If-Modified-Since");
    response.setHeader("Access-Control-Max-Age", "86400");
    return response;
  });
}

}  // namespace tisheng::api
