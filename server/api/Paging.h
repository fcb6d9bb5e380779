#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "http/HttpExchange.h"
#include "http/Json.h"

namespace tisheng::api {

/// One page of a list: ?limit= (1 to kMaxLimit, default kDefaultLimit) items after ?cursor=, an
/// opaque value the previous page returned as next_cursor.
struct Page {
  static constexpr std::size_t kDefaultLimit = 50;
  static constexpr std::size_t kMaxLimit = 200;
  std::size_t offset = 0;
  std::size_t limit = kDefaultLimit;
};

/// Reads limit and cursor; throws http::ValidationError naming the parameter.
Page readPage(const http::HttpRequest& request);

/// A date query parameter (YYYY-MM-DD) as a day number; throws http::ValidationError naming it.
std::optional<int> dateQuery(const http::HttpRequest& request, const std::string& name);

/// `{key: [the page's items rendered], "total": all.size(), "next_cursor": string or null}`.
template <typename T, typename Render>
http::Json pageJson(const char* key, const std::vector<T>& all, const Page& page, Render&& render) {
  http::Json items = http::Json::array();
  std::size_t end = std::min(all.size(), page.offset + page.limit);
  for (std::size_t i = page.offset; i < end; ++i) items.push_back(render(all[i]));
  return {{key, std::move(items)},
          {"total", all.size()},
          {"next_cursor", end < all.size() ? http::Json("o" + std::to_string(end)) : http::Json()}};
}

}  // namespace tisheng::api
