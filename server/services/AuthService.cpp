#include "services/AuthService.h"

#include <regex>

#include "certificates/Crypto.h"
#include "http/HttpError.h"
#include "storage/Sqlite.h"

namespace tisheng::services {

namespace {
std::string hashToken(const std::string& token) {
  return certificates::base64url(certificates::sha256(token));
}
}  // namespace

AuthService::AuthService(storage::UserRepository& users, const security::PasswordHasher& hasher,
                         const app::Clock& clock, int sessionSeconds)
    : users_(users), hasher_(hasher), clock_(clock), sessionSeconds_(sessionSeconds) {}

LoginResult AuthService::login(const std::string& username, const std::string& password,
                               const std::string& address) {
  std::int64_t now = clock_.now();
  auto [byName, byAddress] =
      users_.loginFailuresSince(username, address, now - kFailureWindowSeconds);
  if (byName >= kMaxFailuresPerUser || byAddress >= kMaxFailuresPerAddress)
    throw http::RateLimited(kFailureWindowSeconds);
  auto user = users_.userByName(username);
  // Hash even for an unknown user, so that timing does not tell which usernames exist.
  static const std::string kDecoy = security::PasswordHasher(10).hash("decoy");
  bool matches = hasher_.verify(password, user ? user->passwordHash : kDecoy);
  if (!user || !matches || user->disabled) {
    users_.recordLoginFailure(username, address, now);
    throw http::Unauthorized("wrong username or password");
  }
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

void AuthService::logout(const std::string& token) { users_.deleteSession(hashToken(token)); }

storage::User AuthService::createUser(const NewUser& request, const std::string& actor) {
  static const std::regex kUsername("^[a-z0-9][a-z0-9._-]{2,39}$");
  std::vector<http::FieldError> errors;
  if (!std::regex_match(request.username, kUsername))
    errors.push_back({"username", "3 to 40 lower-case letters, digits, '.', '_' or '-'"});
  if (request.displayName.empty() || request.displayName.size() > 120)
    errors.push_back({"display_name", "required, at most 120 bytes"});
  if (request.password.size() < 10 || request.password.size() > 200)
    errors.push_back({"password", "10 to 200 characters"});
  if (request.role == security::Role::CountyAdmin && !request.county)
    errors.push_back({"county", "a county admin needs a county"});
  if (!errors.empty()) throw http::ValidationError(errors);
  storage::User user;
  user.username = request.username;
  user.displayName = request.displayName;
  user.role = request.role;
  user.county = request.county;
  user.passwordHash = hasher_.hash(request.password);
  if (users_.userByName(user.username))
    throw http::Conflict("username '" + user.username + "' is taken");
  try {
    user.id = users_.addUser(user, {actor, clock_.now()});
  } catch (const storage::ConstraintError&) {
    throw http::ValidationError("county", "unknown county '" + request.county.value_or("") + "'");
  }
  return user;
}

}  // namespace tisheng::services
