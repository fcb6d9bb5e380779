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

struct FailureCount {
  int count = 0;
  std::int64_t latest = 0;  ///< Unix seconds; 0 when count is 0
};

struct LoginFailures {
  FailureCount account;  ///< this username from this address
  FailureCount address;  ///< any username from this address
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
  /// Stores user's display name, password hash and disabled flag (audited: what changed, never
  /// the hash). When the hash changed or the account is disabled, the user's sessions end, all
  /// but the one whose token hash is keepSession (someone changing their own password).
  virtual void updateUser(const User& user, const Stamp& stamp,
                          const std::optional<std::string>& keepSession) = 0;

  virtual void addSession(const std::string& tokenHash, const Session& session,
                          std::int64_t now) = 0;
  /// The unexpired session with this token hash and its user.
  virtual std::optional<std::pair<User, Session>> session(const std::string& tokenHash,
                                                          std::int64_t now) = 0;
  virtual void deleteSession(const std::string& tokenHash) = 0;

  virtual void recordLoginFailure(std::string_view username, std::string_view address,
                                  std::int64_t now) = 0;
  /// Failed logins since `since` for this username from this address, and from this address
  /// for any username, each with the time of the latest.
  virtual LoginFailures loginFailuresSince(std::string_view username, std::string_view address,
                                           std::int64_t since) = 0;
  /// Forgets this username's failures from this address (after it logged in).
  virtual void clearLoginFailures(std::string_view username, std::string_view address) = 0;
};

}  // namespace tisheng::storage
