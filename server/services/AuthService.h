#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "app/Clock.h"
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

/// Accounts and sessions. Logins are rate limited per username and per address (failures in
/// the last 15 minutes), checked before the password is. Thread-safe; collaborators must outlive
/// it.
class AuthService {
 public:
  static constexpr int kMaxFailuresPerUser = 5;
  static constexpr int kMaxFailuresPerAddress = 20;
  static constexpr int kFailureWindowSeconds = 900;

  AuthService(storage::UserRepository& users, const security::PasswordHasher& hasher,
              const app::Clock& clock, int sessionSeconds);

  /// Throws http::RateLimited after too many failures, http::Unauthorized for a wrong username
  /// or password (the same message for both) or a disabled account.
  LoginResult login(const std::string& username, const std::string& password,
                    const std::string& address);
  /// The principal for a session token, when it is current.
  std::optional<Authenticated> authenticate(const std::string& token) const;
  void logout(const std::string& token);
  /// Validates and stores a user. Throws http::ValidationError naming each bad field and
  /// http::Conflict for a username already taken.
  storage::User createUser(const NewUser& user, const std::string& actor);
  std::vector<storage::User> users() const { return users_.users(); }

 private:
  storage::UserRepository& users_;
  const security::PasswordHasher& hasher_;
  const app::Clock& clock_;
  int sessionSeconds_;
};

}  // namespace tisheng::services
