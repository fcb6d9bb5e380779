#pragma once

#include <map>
#include <string>
#include <vector>

#include "http/HttpExchange.h"

namespace tisheng::http {

/// Maps method + path pattern to a handler. A pattern is a path whose segments may be
/// `{name}` placeholders, which match one non-empty segment and land in HttpRequest::params;
/// a last segment `{name...}` matches the rest of the path (one or more non-empty segments,
/// joined by '/').
/// Routes are matched in the order added. Build it before serving; routing is then read-only
/// and thread-safe.
class Router {
 public:
  struct Route {
    std::string method;
    std::string pattern;
  };

  void add(std::string method, std::string pattern, Handler handler);

  /// Dispatches; throws NotFound when no pattern matches the path and MethodNotAllowed when
  /// one does but not for this method.
  HttpResponse operator()(HttpRequest& request) const;

  /// Every route, in the order added: the API's table of contents.
  std::vector<Route> routes() const;

 private:
  struct Entry {
    Route route;
    std::vector<std::string> segments;
    Handler handler;
  };
  static bool match(const Entry& entry, const std::vector<std::string>& segments,
                    std::map<std::string, std::string>& params);

  std::vector<Entry> entries_;
};

}  // namespace tisheng::http
