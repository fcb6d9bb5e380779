#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "domain/Clock.h"
#include "domain/Registry.h"
#include "security/Principal.h"
#include "services/MediaStore.h"
#include "storage/RegistryRepository.h"
#include "storage/UserRepository.h"

namespace tisheng::services {

/// An entry as a caller wants it stored: the fields already applied to entry, and the owner
/// named (when the caller names one).
struct EntryChange {
  domain::Entry entry;
  /// A business account's user name, or null to remove the owner; unset: the owner stays.
  std::optional<std::optional<std::string>> owner;
};

/// Who may change which fields of an entry.
enum class EntryEditor {
  Office,  ///< the city office, or the county office of the entry's county: every field
  Owner,   ///< the business that owns it: contact and description
};

/// The registry's entries as offices and businesses work with them: who may read, create,
/// change, reply and set the photo, and what a change must satisfy beyond its syntax (a county
/// that exists and is the caller's, an owner that is a business of that county). Throws
/// NotFound, Forbidden and Invalid (naming the field).
class EntryService {
 public:
  EntryService(storage::RegistryRepository& registry, storage::UserRepository& users,
               const MediaStore& media, const domain::Clock& clock)
      : registry_(registry), users_(users), media_(media), clock_(clock) {}

  /// The entry, if the caller may read it: its offices, and the business that owns it.
  domain::Entry get(const security::Principal& caller, std::int64_t id) const;
  /// What the caller may change of the entry; Forbidden when nothing.
  EntryEditor editorOf(const security::Principal& caller, const domain::Entry& entry) const;
  /// Offices only, in their county. Returns the new entry's id.
  std::int64_t create(const security::Principal& caller, EntryChange change) const;
  /// change.entry.id names the entry; the caller must be its editor (see editorOf).
  void update(const security::Principal& caller, EntryChange change) const;
  /// The owner's short public reply (at most 300 characters; empty removes it).
  void reply(const security::Principal& caller, std::int64_t id, const std::string& text) const;
  /// Stores an uploaded photo (cleaned, see MediaStore) as the entry's; its editors may.
  void setPhoto(const security::Principal& caller, std::int64_t id, std::string_view upload) const;
  /// The entry's photo, for anyone (the verification page shows it). NotFound without one.
  std::string photo(std::int64_t id) const;

 private:
  domain::Entry stored(std::int64_t id) const;
  /// Resolves change.owner onto change.entry.ownerUserId, or throws Invalid.
  void resolveOwner(const security::Principal& caller, EntryChange& change) const;

  storage::RegistryRepository& registry_;
  storage::UserRepository& users_;
  const MediaStore& media_;
  const domain::Clock& clock_;
};

}  // namespace tisheng::services
