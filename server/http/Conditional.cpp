#include "http/Conditional.h"

#include <Poco/DateTimeFormat.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/DateTimeParser.h>
#include <Poco/Exception.h>
#include <Poco/Timestamp.h>

#include <sstream>

#include "certificates/Crypto.h"

namespace tisheng::http {

std::string etagOf(std::string_view body) {
  return "\"" + certificates::base64url(certificates::sha256(body)).substr(0, 32) + "\"";
}

bool etagMatches(const std::string& ifNoneMatch, const std::string& etag) {
  std::stringstream list(ifNoneMatch);
  for (std::string tag; std::getline(list, tag, ',');) {
    tag.erase(0, tag.find_first_not_of(" \t"));
    tag.erase(tag.find_last_not_of(" \t") + 1);
    if (tag.starts_with("W/")) tag.erase(0, 2);  // weak comparison, as for GET
    if (tag == "*" || tag == etag) return true;
  }
  return false;
}

std::string httpDate(std::int64_t unixSeconds) {
  return Poco::DateTimeFormatter::format(Poco::Timestamp::fromEpochTime(unixSeconds),
                                         Poco::DateTimeFormat::HTTP_FORMAT);
}

std::optional<std::int64_t> parseHttpDate(const std::string& text) {
  try {
    int zone = 0;
    Poco::DateTime parsed =
        Poco::DateTimeParser::parse(Poco::DateTimeFormat::HTTP_FORMAT, text, zone);
    return parsed.timestamp().epochTime() - zone;
  } catch (const Poco::Exception&) {
    return std::nullopt;
  }
}

HttpResponse revalidated(const HttpRequest& request, HttpResponse response,
                         std::int64_t lastModified, const std::string& cacheControl) {
  std::string etag = etagOf(response.body);
  response.setHeader("ETag", etag);
  response.setHeader("Last-Modified", httpDate(lastModified));
  response.setHeader("Cache-Control", cacheControl);
  std::string ifNoneMatch = request.header("if-none-match");
  bool fresh = false;
  if (!ifNoneMatch.empty())
    fresh = etagMatches(ifNoneMatch, etag);
  else if (auto since = parseHttpDate(request.header("if-modified-since")))
    fresh = lastModified <= *since;
  if (fresh) {
    response.status = 304;
    response.body.clear();
    response.contentType.clear();
  }
  return response;
}

}  // namespace tisheng::http
