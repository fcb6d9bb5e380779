#include "api/Paging.h"

#include <Poco/NumberParser.h>

#include "certificates/CivilDate.h"
#include "http/HttpError.h"

namespace tisheng::api {

Page readPage(const http::HttpRequest& request) {
  Page page;
  if (auto limit = request.queryValue("limit")) {
    unsigned value = 0;
    if (!Poco::NumberParser::tryParseUnsigned(*limit, value) || value < 1 ||
        value > Page::kMaxLimit)
      throw http::ValidationError("limit", "an integer from 1 to 200");
    page.limit = value;
  }
  if (auto cursor = request.queryValue("cursor")) {
    unsigned value = 0;
    if (cursor->size() < 2 || cursor->front() != 'o' ||
        !Poco::NumberParser::tryParseUnsigned(cursor->substr(1), value) ||
        std::to_string(value) != cursor->substr(1))
      throw http::ValidationError("cursor", "not a next_cursor this server returned");
    page.offset = value;
  }
  return page;
}

std::optional<int> dateQuery(const http::HttpRequest& request, const std::string& name) {
  auto value = request.queryValue(name);
  if (!value) return std::nullopt;
  auto day = certificates::parseIsoDate(*value);
  if (!day) throw http::ValidationError(name, "expected a date YYYY-MM-DD");
  return day;
}

}  // namespace tisheng::api
