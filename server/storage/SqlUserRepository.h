#pragma once

#include "storage/Database.h"
#include "storage/UserRepository.h"

namespace tisheng::storage {

/// UserRepository on an SQL database (SQLite or PostgreSQL). The pool must outlive it.
class SqlUserRepository : public UserRepository {
 public:
  explicit SqlUserRepository(ConnectionPool& pool) : pool_(pool) {}

  std::int64_t addUser(const User& user, const Stamp& stamp) override;
  std::optional<User> userByName(std::string_view username) override;
  std::optional<User> user(std::int64_t id) override;
  std::vector<User> users() override;
  void updateUser(const User& user, const Stamp& stamp,
                  const std::optional<std::string>& keepSession) override;
  void addSession(const std::string& tokenHash, const Session& session, std::int64_t now) override;
  std::optional<std::pair<User, Session>> session(const std::string& tokenHash,
                                                  std::int64_t now) override;
  void deleteSession(const std::string& tokenHash) override;
  void recordLoginFailure(std::string_view username, std::string_view address,
                          std::int64_t now) override;
  LoginFailures loginFailuresSince(std::string_view username, std::string_view address,
                                   std::int64_t since) override;
  void clearLoginFailures(std::string_view username, std::string_view address) override;

 private:
  ConnectionPool& pool_;
};

}  // namespace tisheng::storage
