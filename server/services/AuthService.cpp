#include "services/AuthService.h"

#include <algorithm>
#include <regex>

#include "certificates/Crypto.h"
#include "domain/Text.h"
#include "services/Errors.h"
#include "storage/Database.h"

namespace tisheng::services {

namespace {

std::string hashToken(const std::string& token) {
  return certificates::base64url(certificates::sha256(token));
}

/// Seconds still to wait after `failures` (beyond `free` ones) ending at `latest`: 1, 2, 4, ...
/// capped at the failure window; 0 when there is nothing to wait for.
std::int64_t backoff(const storage::FailureCount& failures, int free, std::int64_t now) {
  if (failures.count < free) return 0;
  int doublings = std::min(failures.count - free, 10);
  std::int64_t wait =
      std::min<std::int64_t>(std::int64_t{1} << doublings, AuthService::kFailureWindowSeconds);
  return std::max<std::int64_t>(0, failures.latest + wait - now);
}

}  // namespace

AuthService::AuthService(storage::UserRepository& users, const security::PasswordHasher& hasher,
                         const security::PasswordPolicy& policy, const domain::Clock& clock,
                         int sessionSeconds)
    : users_(users),
      hasher_(hasher),
      policy_(policy),
      decoyHash_(hasher.hash(security::randomToken())),
      clock_(clock),
      sessionSeconds_(sessionSeconds) {}

LoginResult AuthService::login(const std::string& username, const std::string& password,
                               const std::string& address) {
  std::int64_t now = clock_.now();
  auto failures = users_.loginFailuresSince(username, address, now - kFailureWindowSeconds);
  if (auto wait = waitAfter(failures, now); wait > 0) throw RateLimited(static_cast<int>(wait));
  auto user = users_.userByName(username);
  // Hash even for an unknown user, at the same cost, so that timing does not tell which
  // usernames exist.
  bool matches = hasher_.verify(password, user ? user->passwordHash : decoyHash_);
  if (!user || !matches || user->disabled) {
    users_.recordLoginFailure(username, address, now);
    throw Unauthenticated("wrong username or password");
  }
  // Only then: a write on every login would contend with everyone's writes for nothing.
  if (failures.account.count > 0) users_.clearLoginFailures(username, address);
  LoginResult result;
  result.token = security::randomToken();
  result.csrfToken = security::randomToken();
  result.user = *user;
  result.expiresAt = now + sessionSeconds_;
  users_.addSession(hashToken(result.token), {user->id, result.csrfToken, result.expiresAt}, now);
  return result;
}

std::optional<Authenticated> AuthService::authenticate(const std::string& token) const {
  if (token.empty() || token.size() > 100) return std::nullopt;
  auto found = users_.session(hashToken(token), clock_.now());
  if (!found) return std::nullopt;
  const storage::User& user = found->first;
  Authenticated out;
  out.principal.userId = user.id;
  out.principal.username = user.username;
  out.principal.role = user.role;
  out.principal.county = user.county;
  out.csrfToken = found->second.csrfToken;
  return out;
}

std::int64_t AuthService::waitAfter(const storage::LoginFailures& failures, std::int64_t now) {
  return std::max(backoff(failures.account, kFreeFailuresPerAccount, now),
                  backoff(failures.address, kFreeFailuresPerAddress, now));
}

void AuthService::logout(const std::string& token) { users_.deleteSession(hashToken(token)); }

storage::User AuthService::createUser(const NewUser& request, const std::string& actor) {
  static const std::regex kUsername("^[a-z0-9][a-z0-9._-]{2,39}$");
  std::vector<FieldError> errors;
  if (!std::regex_match(request.username, kUsername))
    errors.push_back({"username", "3 to 40 lower-case letters, digits, '.', '_' or '-'"});
  if (domain::isBlank(request.displayName) || request.displayName.size() > 120 ||
      domain::textProblem(request.displayName, false))
    errors.push_back({"display_name", "required, one line of at most 120 bytes"});
  if (auto problem = policy_.problem(request.password, request.username))
    errors.push_back({"password", *problem});
  if (request.role == security::Role::CountyAdmin && !request.county)
    errors.push_back({"county", "a county admin needs a county"});
  if (!errors.empty()) throw Invalid(errors);
  storage::User user;
  user.username = request.username;
  user.displayName = request.displayName;
  user.role = request.role;
  user.county = request.county;
  user.passwordHash = hasher_.hash(request.password);
  if (users_.userByName(user.username)) throw Conflict("username '" + user.username + "' is taken");
  try {
    user.id = users_.addUser(user, {actor, clock_.now()});
  } catch (const storage::ConstraintError&) {
    throw Invalid("county", "unknown county '" + request.county.value_or("") + "'");
  }
  return user;
}

std::vector<storage::User> AuthService::usersOf(const security::Principal& admin) const {
  if (!admin.isOffice()) throw Forbidden("offices only");
  std::vector<storage::User> out;
  for (auto& user : users_.users())
    if (admin.role == security::Role::CityAdmin ||
        (user.county && admin.coversCounty(*user.county)))
      out.push_back(std::move(user));
  return out;
}

storage::User AuthService::updateUser(const security::Principal& admin, std::int64_t id,
                                      const UserChange& change) {
  using security::Role;
  if (!admin.isOffice()) throw Forbidden("offices only");
  auto found = users_.user(id);
  if (!found) throw NotFound("no user " + std::to_string(id));
  bool managed = admin.role == Role::CityAdmin ||
                 ((found->role == Role::Inspector || found->role == Role::Business) &&
                  found->county && admin.coversCounty(*found->county));
  if (!managed) throw Forbidden("this account is managed by another office");
  storage::User user = *found;
  if (change.disabled == true && user.id == admin.userId)
    throw Forbidden("an admin cannot disable its own account");
  std::vector<FieldError> errors;
  if (change.displayName) {
    if (domain::isBlank(*change.displayName) || change.displayName->size() > 120 ||
        domain::textProblem(*change.displayName, false))
      errors.push_back({"display_name", "required, one line of at most 120 bytes"});
    user.displayName = *change.displayName;
  }
  if (change.password) {
    if (auto problem = policy_.problem(*change.password, user.username))
      errors.push_back({"password", *problem});
    else
      user.passwordHash = hasher_.hash(*change.password);
  }
  if (!errors.empty()) throw Invalid(errors);
  if (change.disabled) user.disabled = *change.disabled;
  users_.updateUser(user, {admin.username, clock_.now()}, std::nullopt);
  return user;
}

void AuthService::changePassword(const security::Principal& p, const std::string& sessionToken,
                                 const std::string& current, const std::string& next,
                                 const std::string& address) {
  std::int64_t now = clock_.now();
  auto failures = users_.loginFailuresSince(p.username, address, now - kFailureWindowSeconds);
  if (auto wait = waitAfter(failures, now); wait > 0) throw RateLimited(static_cast<int>(wait));
  auto user = users_.user(p.userId);
  if (!user) throw Unauthenticated("no such account");
  if (!hasher_.verify(current, user->passwordHash)) {
    users_.recordLoginFailure(p.username, address, now);
    throw Invalid("current_password", "not your current password");
  }
  if (auto problem = policy_.problem(next, user->username)) throw Invalid("new_password", *problem);
  if (next == current) throw Invalid("new_password", "must differ from the current password");
  user->passwordHash = hasher_.hash(next);
  users_.updateUser(*user, {p.username, now}, hashToken(sessionToken));
}

}  // namespace tisheng::services
