#pragma once

#include <stdexcept>
#include <string>
#include <vector>

namespace tisheng::http {

struct FieldError {
  std::string field;
  std::string message;
};

/// An error with a meaning for the client. Thrown anywhere below the handlers and turned into
/// a JSON reply by withErrorMapping(); what() is safe to show to the client.
class HttpError : public std::runtime_error {
 public:
  HttpError(int status, std::string code, const std::string& message,
            std::vector<FieldError> fields = {})
      : std::runtime_error(message),
        status_(status),
        code_(std::move(code)),
        fields_(std::move(fields)) {}
  int status() const { return status_; }
  const std::string& code() const { return code_; }
  const std::vector<FieldError>& fields() const { return fields_; }

 private:
  int status_;
  std::string code_;
  std::vector<FieldError> fields_;
};

/// 400: the request is malformed or breaks a rule; fields say which and why.
class ValidationError : public HttpError {
 public:
  explicit ValidationError(std::vector<FieldError> fields)
      : HttpError(400, "validation_failed", "the request is not valid", std::move(fields)) {}
  ValidationError(std::string field, std::string message)
      : ValidationError(std::vector<FieldError>{{std::move(field), std::move(message)}}) {}
};

class Unauthorized : public HttpError {
 public:
  explicit Unauthorized(const std::string& message = "login required")
      : HttpError(401, "unauthorized", message) {}
};

class Forbidden : public HttpError {
 public:
  explicit Forbidden(const std::string& message = "not allowed")
      : HttpError(403, "forbidden", message) {}
};

class NotFound : public HttpError {
 public:
  explicit NotFound(const std::string& message) : HttpError(404, "not_found", message) {}
};

class MethodNotAllowed : public HttpError {
 public:
  explicit MethodNotAllowed(std::string allow)
      : HttpError(405, "method_not_allowed", "method not allowed here; allowed: " + allow),
        allow_(std::move(allow)) {}
  const std::string& allow() const { return allow_; }

 private:
  std::string allow_;
};

class Conflict : public HttpError {
 public:
  explicit Conflict(const std::string& message) : HttpError(409, "conflict", message) {}
};

class PayloadTooLarge : public HttpError {
 public:
  explicit PayloadTooLarge(std::size_t limit)
      : HttpError(413, "payload_too_large",
                  "request body larger than " + std::to_string(limit) + " bytes") {}
};

class RateLimited : public HttpError {
 public:
  explicit RateLimited(int retryAfterSeconds)
      : HttpError(429, "rate_limited", "too many requests; retry later"),
        retryAfter_(retryAfterSeconds) {}
  int retryAfter() const { return retryAfter_; }

 private:
  int retryAfter_;
};

}  // namespace tisheng::http
