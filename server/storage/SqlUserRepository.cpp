#include "storage/SqlUserRepository.h"

#include <nlohmann/json.hpp>

#include "storage/UserRows.h"

namespace tisheng::storage {

std::int64_t SqlUserRepository::addUser(const User& user, const Stamp& stamp) {
  auto db = pool_.acquire();
  Transaction transaction(*db);
  std::int64_t id = db->prepare(
                          "INSERT INTO users (username, display_name, role, county_code, "
                          "password_hash, disabled, "
                          "created_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id")
                        .bind(1, user.username)
                        .bind(2, user.displayName)
                        .bind(3, security::toString(user.role))
                        .bind(4, user.county)
                        .bind(5, user.passwordHash)
                        .bind(6, user.disabled ? 1 : 0)
                        .bind(7, stamp.at)
                        .insertedId();
  appendAudit(*db, stamp,
              {"user.create", "user:" + user.username, std::nullopt,
               nlohmann::ordered_json{{"id", id},
                                      {"role", security::toString(user.role)},
                                      {"county", user.county ? nlohmann::ordered_json(*user.county)
                                                             : nlohmann::ordered_json()}}
                   .dump()});
  transaction.commit();
  return id;
}

std::optional<User> SqlUserRepository::userByName(std::string_view username) {
  auto db = pool_.acquire();
  auto row =
      db->prepare("SELECT " + kUserColumns + " FROM users u WHERE lower(u.username) = lower(?)");
  row.bind(1, username);
  if (!row.step()) return std::nullopt;
  return readUser(row);
}

std::optional<User> SqlUserRepository::user(std::int64_t id) {
  auto db = pool_.acquire();
  auto row = db->prepare("SELECT " + kUserColumns + " FROM users u WHERE u.id = ?");
  row.bind(1, id);
  if (!row.step()) return std::nullopt;
  return readUser(row);
}

std::vector<User> SqlUserRepository::users() {
  auto db = pool_.acquire();
  auto row = db->prepare("SELECT " + kUserColumns + " FROM users u ORDER BY u.id");
  std::vector<User> out;
  while (row.step()) out.push_back(readUser(row));
  return out;
}

void SqlUserRepository::addSession(const std::string& tokenHash, const Session& session,
                                   std::int64_t now) {
  auto db = pool_.acquire();
  db->prepare(
        "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at) "
        "VALUES (?, ?, ?, ?, ?)")
      .bind(1, tokenHash)
      .bind(2, session.userId)
      .bind(3, session.csrfToken)
      .bind(4, now)
      .bind(5, session.expiresAt)
      .run();
}

std::optional<std::pair<User, Session>> SqlUserRepository::session(const std::string& tokenHash,
                                                                   std::int64_t now) {
  auto db = pool_.acquire();
  auto row =
      db->prepare("SELECT " + kUserColumns +
                  ", s.csrf_token, s.expires_at FROM sessions s JOIN users u ON u.id = "
                  "s.user_id WHERE s.token_hash = ? AND s.expires_at > ? AND u.disabled = 0");
  row.bind(1, tokenHash).bind(2, now);
  if (!row.step()) return std::nullopt;
  User user = readUser(row);
  Session session{user.id, row.text(7), row.integer(8)};
  return std::make_pair(std::move(user), std::move(session));
}

void SqlUserRepository::updateUser(const User& user, const Stamp& stamp,
                                   const std::optional<std::string>& keepSession) {
  auto db = pool_.acquire();
  Transaction transaction(*db);
  auto row = db->prepare("SELECT " + kUserColumns + " FROM users u WHERE u.id = ?");
  row.bind(1, user.id);
  if (!row.step()) throw std::logic_error("updateUser: no user " + std::to_string(user.id));
  User before = readUser(row);
  db->prepare("UPDATE users SET display_name = ?, password_hash = ?, disabled = ? WHERE id = ?")
      .bind(1, user.displayName)
      .bind(2, user.passwordHash)
      .bind(3, user.disabled ? 1 : 0)
      .bind(4, user.id)
      .run();
  bool newPassword = before.passwordHash != user.passwordHash;
  if (newPassword || user.disabled)
    db->prepare(
          "DELETE FROM sessions WHERE user_id = ? AND token_hash IS DISTINCT FROM CAST(? AS TEXT)")
        .bind(1, user.id)
        .bind(2, keepSession)
        .run();
  auto state = [](const User& u, bool passwordChanged) {
    nlohmann::ordered_json out{{"display_name", u.displayName}, {"disabled", u.disabled}};
    if (passwordChanged) out["password"] = "changed";
    return out.dump();
  };
  appendAudit(
      *db, stamp,
      {"user.update", "user:" + user.username, state(before, false), state(user, newPassword)});
  transaction.commit();
}

void SqlUserRepository::deleteSession(const std::string& tokenHash) {
  auto db = pool_.acquire();
  db->prepare("DELETE FROM sessions WHERE token_hash = ?").bind(1, tokenHash).run();
}

void SqlUserRepository::recordLoginFailure(std::string_view username, std::string_view address,
                                           std::int64_t now) {
  auto db = pool_.acquire();
  db->prepare("INSERT INTO login_failures (username, address, at) VALUES (?, ?, ?)")
      .bind(1, username)
      .bind(2, address)
      .bind(3, now)
      .run();
}

LoginFailures SqlUserRepository::loginFailuresSince(std::string_view username,
                                                    std::string_view address, std::int64_t since) {
  auto db = pool_.acquire();
  auto count = [](Statement& row) {
    row.step();
    return FailureCount{static_cast<int>(row.integer(0)), row.integer(1)};
  };
  auto byAccount = db->prepare(
      "SELECT COUNT(*), COALESCE(MAX(at), 0) FROM login_failures "
      "WHERE lower(username) = lower(?) AND address = ? AND at >= ?");
  byAccount.bind(1, username).bind(2, address).bind(3, since);
  auto byAddress = db->prepare(
      "SELECT COUNT(*), COALESCE(MAX(at), 0) FROM login_failures WHERE address = ? AND at >= ?");
  byAddress.bind(1, address).bind(2, since);
  return {count(byAccount), count(byAddress)};
}

void SqlUserRepository::clearLoginFailures(std::string_view username, std::string_view address) {
  auto db = pool_.acquire();
  db->prepare("DELETE FROM login_failures WHERE lower(username) = lower(?) AND address = ?")
      .bind(1, username)
      .bind(2, address)
      .run();
}

}  // namespace tisheng::storage
