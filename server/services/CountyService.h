#pragma once

#include <string>
#include <vector>

#include "domain/Clock.h"
#include "security/Principal.h"
#include "storage/RegistryRepository.h"

namespace tisheng::services {

/// The counties (and districts) of the programme: listed for everyone, created and renamed by
/// the city office only. A fresh installation starts here, before any county office can be
/// made. Thread-safe; the repository and clock must outlive it.
class CountyService {
 public:
  CountyService(storage::RegistryRepository& registry, const domain::Clock& clock);

  std::vector<domain::County> list();
  /// Throws Forbidden unless a city admin acts, Invalid naming code or
  /// name.zh / name.en (code: 2 to 32 of a-z, 0-9 and '-', starting with a letter; names: not
  /// blank, no control characters, at most 40 characters), Conflict when the code exists.
  domain::County add(const security::Principal& actor, const domain::County& county);
  /// Changes the name only (codes are referenced by accounts and entries). Throws as add(),
  /// and NotFound for an unknown code.
  domain::County rename(const security::Principal& actor, const domain::County& county);

 private:
  storage::RegistryRepository& registry_;
  const domain::Clock& clock_;
};

}  // namespace tisheng::services
