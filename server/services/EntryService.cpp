#include "services/EntryService.h"

#include "domain/Text.h"
#include "services/Errors.h"
#include "storage/Database.h"

namespace tisheng::services {

using security::Role;

domain::Entry EntryService::stored(std::int64_t id) const {
  auto entry = registry_.entry(id);
  if (!entry) throw NotFound("no entry " + std::to_string(id));
  return *entry;
}

domain::Entry EntryService::get(const security::Principal& caller, std::int64_t id) const {
  domain::Entry entry = stored(id);
  bool allowed = caller.role == Role::Business ? entry.ownerUserId == caller.userId
                                               : caller.coversCounty(entry.countyCode);
  if (!allowed) throw Forbidden("not your entry or county");
  return entry;
}

EntryEditor EntryService::editorOf(const security::Principal& caller,
                                   const domain::Entry& entry) const {
  if (caller.isOffice() && caller.coversCounty(entry.countyCode)) return EntryEditor::Office;
  if (caller.role == Role::Business && entry.ownerUserId == caller.userId)
    return EntryEditor::Owner;
  throw Forbidden("only the entry's offices and owner may do this");
}

void EntryService::resolveOwner(const security::Principal& caller, EntryChange& change) const {
  if (!change.owner) return;
  if (!*change.owner) {
    change.entry.ownerUserId = std::nullopt;
    return;
  }
  const std::string& name = **change.owner;
  auto user = users_.userByName(name);
  if (!user || user->role != Role::Business)
    throw Invalid("owner", "no business account '" + name + "'");
  if (caller.county && user->county != caller.county)
    throw Invalid("owner", "a county office may name only businesses of its own county");
  change.entry.ownerUserId = user->id;
}

std::int64_t EntryService::create(const security::Principal& caller, EntryChange change) const {
  if (!caller.isOffice()) throw Forbidden("only offices create entries");
  resolveOwner(caller, change);
  if (!caller.coversCounty(change.entry.countyCode)) throw Forbidden("outside your county");
  try {
    return registry_.addEntry(change.entry, {caller.username, clock_.now()});
  } catch (const storage::ConstraintError&) {
    throw Invalid("county", "unknown county '" + change.entry.countyCode + "'");
  }
}

void EntryService::update(const security::Principal& caller, EntryChange change) const {
  domain::Entry current = stored(change.entry.id);
  EntryEditor editor = editorOf(caller, current);
  if (editor == EntryEditor::Owner &&
      (change.owner || change.entry.countyCode != current.countyCode))
    throw Forbidden(
        "an owner may change only the contact (and whether it is published), the description "
        "and the featured dishes");
  resolveOwner(caller, change);
  if (!caller.coversCounty(change.entry.countyCode)) throw Forbidden("outside your county");
  try {
    registry_.updateEntry(change.entry, {caller.username, clock_.now()});
  } catch (const storage::ConstraintError&) {
    throw Invalid("county", "unknown county '" + change.entry.countyCode + "'");
  }
}

void EntryService::reply(const security::Principal& caller, std::int64_t id,
                         const std::string& text) const {
  domain::Entry entry = stored(id);
  if (caller.role != Role::Business || entry.ownerUserId != caller.userId)
    throw Forbidden("only the entry's owner may reply");
  if (domain::characterCount(text) > 300) throw Invalid("text", "at most 300 characters");
  if (const char* problem = domain::textProblem(text, true)) throw Invalid("text", problem);
  registry_.setReply(id, text.empty() ? std::nullopt : std::optional(text),
                     {caller.username, clock_.now()});
}

void EntryService::setPhoto(const security::Principal& caller, std::int64_t id,
                            std::string_view upload) const {
  domain::Entry entry = stored(id);
  editorOf(caller, entry);
  auto photo = media_.storeImage("entries", upload);
  registry_.setPhoto(entry.id, photo.path, {caller.username, clock_.now()});
}

std::string EntryService::photo(std::int64_t id) const {
  domain::Entry entry = stored(id);
  auto bytes = entry.photoPath ? media_.read(*entry.photoPath) : std::nullopt;
  if (!bytes) throw NotFound("entry " + std::to_string(id) + " has no photo");
  return *bytes;
}

}  // namespace tisheng::services
