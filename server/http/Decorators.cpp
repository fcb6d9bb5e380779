#include "http/Decorators.h"

#include <cctype>
#include <chrono>
#include <iostream>
#include <random>

#include "http/HttpError.h"
#include "http/Json.h"

namespace tisheng::http {

namespace {

std::string newRequestId() {
  thread_local std::mt19937_64 random{std::random_device{}()};
  char buffer[17];
  std::snprintf(buffer, sizeof buffer, "%016llx", static_cast<unsigned long long>(random()));
  return buffer;
}

/// 8 to 64 characters of [A-Za-z0-9._-]: safe to echo in a header and a log line.
bool saneRequestId(const std::string& id) {
  if (id.size() < 8 || id.size() > 64) return false;
  for (char c : id)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '.' && c != '_' && c != '-')
      return false;
  return true;
}

std::string localizedTitle(int status, const std::string& lang) {
  const bool en = lang == "en";
  switch (status) {
    case 400: return en ? "The request is not valid" : "请求内容有误";
    case 401: return en ? "Please log in" : "请先登录";
    case 403: return en ? "Not allowed" : "无权执行此操作";
    case 404: return en ? "Not found" : "未找到";
    case 405: return en ? "Method not allowed" : "不支持该请求方法";
    case 409: return en ? "Conflicts with the current state" : "与当前状态冲突";
    case 413: return en ? "Request too large" : "请求内容过大";
    case 429: return en ? "Too many requests" : "请求过于频繁";
    default: return en ? "Internal error" : "服务器内部错误";
  }
}

HttpResponse errorResponse(const HttpRequest& request, int status, const std::string& code,
                           const std::string& detail, const std::vector<FieldError>& fields) {
  Json error{{"status", status},
             {"code", code},
             {"message", localizedTitle(status, request.lang())},
             {"detail", detail}};
  if (!fields.empty()) {
    Json list = Json::array();
    for (const auto& field : fields)
      list.push_back({{"field", field.field}, {"message", field.message}});
    error["fields"] = list;
  }
  error["request_id"] = request.requestId;
  return jsonResponse(Json{{"error", error}}, status);
}

}  // namespace

Handler withRequestId(Handler inner) {
  return [inner = std::move(inner)](HttpRequest& request) {
    std::string incoming = request.header("x-request-id");
    request.requestId = saneRequestId(incoming) ? incoming : newRequestId();
    HttpResponse response = inner(request);
    response.setHeader("X-Request-Id", request.requestId);
    return response;
  };
}

Handler withLogging(Handler inner, AccessLog& log) {
  return [inner = std::move(inner), &log](HttpRequest& request) {
    auto start = std::chrono::steady_clock::now();
    HttpResponse response = inner(request);
    std::chrono::duration<double, std::milli> elapsed = std::chrono::steady_clock::now() - start;
    log.record(request.method, request.path, response.status, elapsed.count(), request.requestId);
    return response;
  };
}

Handler withErrorMapping(Handler inner) {
  return [inner = std::move(inner)](HttpRequest& request) {
    try {
      return inner(request);
    } catch (const MethodNotAllowed& error) {
      HttpResponse response = errorResponse(request, 405, error.code(), error.what(), {});
      response.setHeader("Allow", error.allow());
      return response;
    } catch (const RateLimited& error) {
      HttpResponse response = errorResponse(request, 429, error.code(), error.what(), {});
      response.setHeader("Retry-After", std::to_string(error.retryAfter()));
      return response;
    } catch (const HttpError& error) {
      return errorResponse(request, error.status(), error.code(), error.what(), error.fields());
    } catch (const std::exception& error) {
      std::cerr << "request " << request.requestId << " failed: " << error.what() << std::endl;
    } catch (...) {
      std::cerr << "request " << request.requestId << " failed: unknown exception" << std::endl;
    }
    return errorResponse(request, 500, "internal_error",
                         "internal error; quote request id " + request.requestId, {});
  };
}

Handler withBodyLimit(Handler inner, std::size_t maxBytes) {
  return [inner = std::move(inner), maxBytes](HttpRequest& request) {
    if (!request.framingError.empty()) throw ValidationError("headers", request.framingError);
    if (request.bodyTooLarge) throw PayloadTooLarge(maxBytes);
    return inner(request);
  };
}

Handler withSecurityHeaders(Handler inner) {
  return [inner = std::move(inner)](HttpRequest& request) {
    HttpResponse response = inner(request);
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("Referrer-Policy", "same-origin");
    bool hasPolicy = false;
    for (const auto& [name, value] : response.headers)
      hasPolicy |= name == "Content-Security-Policy";
    if (!hasPolicy)
      response.setHeader("Content-Security-Policy",
                         "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'");
    return response;
  };
}

}  // namespace tisheng::http
