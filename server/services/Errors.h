#pragma once

#include <stdexcept>
#include <string>
#include <vector>

namespace tisheng::services {

/// A field of a request and what is wrong with it.
struct FieldError {
  std::string field;
  std::string message;
};

/// A refusal by a service, in the domain's terms; what() is safe to show to whoever asked.
/// The API maps each kind to an HTTP status in one place (api/ServiceErrors.h).
class ServiceError : public std::runtime_error {
 public:
  enum class Kind {
    Invalid,
    Unauthenticated,
    Forbidden,
    NotFound,
    Conflict,
    TooLarge,
    RateLimited
  };

  ServiceError(Kind kind, const std::string& message, std::vector<FieldError> fields = {},
               int retryAfterSeconds = 0)
      : std::runtime_error(message),
        kind_(kind),
        fields_(std::move(fields)),
        retryAfterSeconds_(retryAfterSeconds) {}

  Kind kind() const { return kind_; }
  const std::vector<FieldError>& fields() const { return fields_; }
  int retryAfterSeconds() const { return retryAfterSeconds_; }

 private:
  Kind kind_;
  std::vector<FieldError> fields_;
  int retryAfterSeconds_;
};

/// The request breaks a rule; fields say which and why.
class Invalid : public ServiceError {
 public:
  explicit Invalid(std::vector<FieldError> fields)
      : ServiceError(Kind::Invalid, "the request is not valid", std::move(fields)) {}
  Invalid(std::string field, std::string message)
      : Invalid(std::vector<FieldError>{{std::move(field), std::move(message)}}) {}
};

/// Who is asking is not known (wrong password, no session).
class Unauthenticated : public ServiceError {
 public:
  explicit Unauthenticated(const std::string& message = "login required")
      : ServiceError(Kind::Unauthenticated, message) {}
};

/// Known, but not allowed to do this.
class Forbidden : public ServiceError {
 public:
  explicit Forbidden(const std::string& message = "not allowed")
      : ServiceError(Kind::Forbidden, message) {}
};

class NotFound : public ServiceError {
 public:
  explicit NotFound(const std::string& message) : ServiceError(Kind::NotFound, message) {}
};

/// The registry's state does not allow it (already decided, not current, ...).
class Conflict : public ServiceError {
 public:
  explicit Conflict(const std::string& message) : ServiceError(Kind::Conflict, message) {}
};

/// An upload larger than allowed.
class TooLarge : public ServiceError {
 public:
  explicit TooLarge(std::size_t limit)
      : ServiceError(Kind::TooLarge, "larger than " + std::to_string(limit) + " bytes") {}
};

/// Too many attempts from one address; retry after the seconds given.
class RateLimited : public ServiceError {
 public:
  explicit RateLimited(int retryAfterSeconds)
      : ServiceError(Kind::RateLimited, "too many requests; retry later", {}, retryAfterSeconds) {}
};

}  // namespace tisheng::services
