#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "app/Clock.h"
#include "security/PasswordPolicy.h"
#include "security/Passwords.h"
#include "security/Principal.h"
#include "storage/UserRepository.h"

namespace tisheng::services {

struct NewUser {
  std::string username;
  std::string displayName;
  security::Role role = security::Role::Business;
  std::optional<std::string> county;
  std::string password;
};

struct LoginResult {
  std::string token;  ///< the session token: give it to the client, it is stored only hashed
  std::string csrfToken;
  storage::User user;
  std::int64_t expiresAt = 0;
};

struct Authenticated {
  security::Principal principal;
  std::string csrfToken;
};

/// Accounts and sessions. Failed logins slow down whoever makes them, never the account's owner
/// elsewhere: past a few failures in 15 minutes for one username from one address (or many
/// from one address for any usernames), that address must wait before trying again, twice as
/// long after each further failure (1 s, 2 s, 4 s, ... up to 15 minutes). Unknown usernames
/// cost the same password hash as known ones. Thread-safe; collaborators must outlive it.
class AuthService {
 public:
  static constexpr int kFreeFailuresPerAccount = 5;
  static constexpr int kFreeFailuresPerAddress = 20;
  static constexpr int kFailureWindowSeconds = 900;

  AuthService(storage::UserRepository& users, const security::PasswordHasher& hasher,
              const security::PasswordPolicy& policy, const app::Clock& clock, int sessionSeconds);

  /// Throws http::RateLimited (with the seconds to wait) while the address must wait,
  /// http::Unauthorized for a wrong username or password (the same message for both) or a
  /// disabled account.
  LoginResult login(const std::string& username, const std::string& password,
                    const std::string& address);
  /// The principal for a session token, when it is current.
  std::optional<Authenticated> authenticate(const std::string& token) const;
  void logout(const std::string& token);
  /// Validates (the password by the PasswordPolicy) and stores a user. Throws
  /// http::ValidationError naming each bad field and
  /// http::Conflict for a username already taken.
  storage::User createUser(const NewUser& user, const std::string& actor);
  std::vector<storage::User> users() const { return users_.users(); }

 private:
  storage::UserRepository& users_;
  const security::PasswordHasher& hasher_;
  const security::PasswordPolicy& policy_;
  const std::string decoyHash_;  ///< verified for unknown usernames, at the same cost
  const app::Clock& clock_;
  int sessionSeconds_;
};

}  // namespace tisheng::services
