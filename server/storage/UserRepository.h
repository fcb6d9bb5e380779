#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "security/Principal.h"
#include "storage/AuditLog.h"

namespace tisheng::storage {

struct User {
  std::int64_t id = 0;
  std::string username;
  std::string displayName;
  security::Role role = security::Role::Business;
  std::optional<std::string> county;
  std::string passwordHash;
  bool disabled = false;
};

struct Session {
  std::int64_t userId = 0;
  std::string csrfToken;
  std::int64_t expiresAt = 0;
};

/// Accounts, sessions (stored by the SHA-256 of their token, never the token) and failed logins.
/// Thread-safe; each method is one transaction.
class UserRepository {
 public:
  virtual ~UserRepository() = default;

  /// Throws ConstraintError for a username taken (case-insensitively) or an unknown county.
  virtual std::int64_t addUser(const User& user, const Stamp& stamp) = 0;
  virtual std::optional<User> userByName(std::string_view username) = 0;
  virtual std::optional<User> user(std::int64_t id) = 0;
  virtual std::vector<User> users() = 0;

  virtual void addSession(const std::string& tokenHash, const Session& session,
                          std::int64_t now) = 0;
  /// The unexpired session with this token hash and its user.
  virtual std::optional<std::pair<User, Session>> session(const std::string& tokenHash,
                                                          std::int64_t now) = 0;
  virtual void deleteSession(const std::string& tokenHash) = 0;

  virtual void recordLoginFailure(std::string_view username, std::string_view address,
                                  std::int64_t now) = 0;
  /// Failed logins since `since` for this username, and from this address.
  virtual std::pair<int, int> loginFailuresSince(std::string_view username,
                                                 std::string_view address, std::int64_t since) = 0;
};

}  // namespace tisheng::storage
