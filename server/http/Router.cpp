#include "http/Router.h"

#include "http/HttpError.h"

namespace tisheng::http {

namespace {
std::vector<std::string> split(const std::string& path) {
  std::vector<std::string> segments;
  std::size_t start = 1;
  while (start <= path.size()) {
    std::size_t end = path.find('/', start);
    if (end == std::string::npos) end = path.size();
    segments.push_back(path.substr(start, end - start));
    start = end + 1;
  }
  return segments;
}

bool isPlaceholder(const std::string& segment) {
  return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

/// `{name...}`: the rest of the path, one or more segments.
bool isTail(const std::string& segment) {
  return isPlaceholder(segment) && segment.ends_with("...}");
}
}  // namespace

void Router::add(std::string method, std::string pattern, Handler handler) {
  auto segments = split(pattern);
  entries_.push_back(
      {{std::move(method), std::move(pattern)}, std::move(segments), std::move(handler)});
}

bool Router::match(const Entry& entry, const std::vector<std::string>& segments,
                   std::map<std::string, std::string>& params) {
  bool tail = !entry.segments.empty() && isTail(entry.segments.back());
  if (tail ? segments.size() < entry.segments.size() : entry.segments.size() != segments.size())
    return false;
  std::map<std::string, std::string> found;
  for (std::size_t i = 0; i < segments.size(); ++i) {
    const std::string& want = entry.segments[std::min(i, entry.segments.size() - 1)];
    if (tail && i + 1 >= entry.segments.size()) {
      std::string rest;
      for (std::size_t j = i; j < segments.size(); ++j) {
        if (segments[j].empty()) return false;
        rest += (j == i ? "" : "/") + segments[j];
      }
      found[want.substr(1, want.size() - 5)] = rest;
      break;
    }
    if (isPlaceholder(want)) {
      if (segments[i].empty()) return false;
      found[want.substr(1, want.size() - 2)] = segments[i];
    } else if (want != segments[i]) {
      return false;
    }
  }
  params = std::move(found);
  return true;
}

HttpResponse Router::operator()(HttpRequest& request) const {
  if (request.path.empty() || request.path.front() != '/')
    throw ValidationError("path", "malformed request target");
  auto segments = split(request.path);
  std::string allowed;
  for (const auto& entry : entries_) {
    std::map<std::string, std::string> params;
    if (!match(entry, segments, params)) continue;
    if (entry.route.method == request.method) {
      request.params = std::move(params);
      return entry.handler(request);
    }
    allowed += (allowed.empty() ? "" : ", ") + entry.route.method;
  }
  if (!allowed.empty()) throw MethodNotAllowed(allowed);
  throw NotFound("no such resource: " + request.path);
}

std::vector<Router::Route> Router::routes() const {
  std::vector<Route> out;
  for (const auto& entry : entries_) out.push_back(entry.route);
  return out;
}

}  // namespace tisheng::http
