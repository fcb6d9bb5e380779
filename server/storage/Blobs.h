#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "storage/Database.h"

namespace tisheng::storage {

/// Files kept by name, such as photos and evidence ("evidence/<sha256>.jpg"). A name, once
/// stored, keeps its first bytes: names are made from the content's hash. Thread-safe.
class BlobStore {
 public:
  virtual ~BlobStore() = default;
  virtual void put(const std::string& name, std::string_view bytes) = 0;
  /// nullopt when nothing is stored under name (or name is not a plain relative path).
  virtual std::optional<std::string> get(const std::string& name) = 0;
};

/// In a folder, one file per name (written through a temporary file and a rename): the
/// SQLite default, one server.
class DirectoryBlobs : public BlobStore {
 public:
  explicit DirectoryBlobs(std::filesystem::path root) : root_(std::move(root)) {}
  void put(const std::string& name, std::string_view bytes) override;
  std::optional<std::string> get(const std::string& name) override;

 private:
  std::filesystem::path root_;
};

/// In the database's media table, which every server on it shares.
class DatabaseBlobs : public BlobStore {
 public:
  explicit DatabaseBlobs(ConnectionPool& pool) : pool_(pool) {}
  void put(const std::string& name, std::string_view bytes) override;
  std::optional<std::string> get(const std::string& name) override;

 private:
  ConnectionPool& pool_;
};

}  // namespace tisheng::storage
