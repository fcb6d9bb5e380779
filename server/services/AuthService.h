#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "domain/Clock.h"
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

/// What an admin changes about an account; unset fields stay as they are.
struct UserChange {
  std::optional<std::string> displayName{};
  std::optional<bool> disabled{};
  /// A new password (a reset): the user's sessions end.
  std::optional<std::string> password{};
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
              const security::PasswordPolicy& policy, const domain::Clock& clock,
              int sessionSeconds);

  /// Throws RateLimited (with the seconds to wait) while the address must wait,
  /// Unauthenticated for a wrong username or password (the same message for both) or a
  /// disabled account.
  LoginResult login(const std::string& username, const std::string& password,
                    const std::string& address);
  /// The principal for a session token, when it is current.
  std::optional<Authenticated> authenticate(const std::string& token) const;
  void logout(const std::string& token);
  /// Validates (the password by the PasswordPolicy) and stores a user. Throws
  /// Invalid naming each bad field and
  /// Conflict for a username already taken.
  storage::User createUser(const NewUser& user, const std::string& actor);
  std::vector<storage::User> users() const { return users_.users(); }
  /// The accounts an admin sees: every account for the city office; its county's for a county
  /// office. Throws Forbidden for anyone else.
  std::vector<storage::User> usersOf(const security::Principal& admin) const;
  /// Changes an account the admin manages: any for the city office, its county's inspectors
  /// and businesses for a county office; an admin cannot disable itself. Throws
  /// NotFound, Forbidden or Invalid (fields display_name, password).
  storage::User updateUser(const security::Principal& admin, std::int64_t id,
                           const UserChange& change);
  /// The signed-in person's own password change: the current password must match (a wrong one
  /// counts as a failed login and is throttled the same way), the new one must satisfy the
  /// policy; every other session of the person ends. Throws RateLimited or
  /// Invalid (fields current_password, new_password).
  void changePassword(const security::Principal& p, const std::string& sessionToken,
                      const std::string& current, const std::string& next,
                      const std::string& address);

 private:
  storage::UserRepository& users_;
  const security::PasswordHasher& hasher_;
  const security::PasswordPolicy& policy_;
  const std::string decoyHash_;  ///< verified for unknown usernames, at the same cost
  /// Seconds the address must still wait before trying a password again after failures.
  static std::int64_t waitAfter(const storage::LoginFailures& failures, std::int64_t now);

  const domain::Clock& clock_;
  int sessionSeconds_;
};

}  // namespace tisheng::services
