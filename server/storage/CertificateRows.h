#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/Registry.h"
#include "storage/AuditLog.h"
#include "storage/Database.h"

namespace tisheng::storage {

/// How certificates and entries are read and written on a connection, shared by the
/// repositories that work with them inside their own transactions.

/// Columns of certificates aliased c, in the order readCertificate expects.
extern const std::string kCertificateColumns;
inline constexpr int kCertificateColumnCount = 15;
/// Columns of entries aliased e joined with counties aliased k, in the order readEntry expects.
extern const std::string kEntryColumns;
inline constexpr int kEntryColumnCount = 23;
/// FROM clause joining entries e with their county k.
extern const std::string kEntriesWithCounty;

/// The featured dishes as stored: one per line.
std::vector<std::string> splitLines(const std::string& text);
std::string joinLines(const std::vector<std::string>& lines);

domain::Certificate readCertificate(const Statement& row, int first = 0);
domain::Entry readEntry(const Statement& row, int first = 0);

using CertificateSigner = std::function<std::string(const domain::Certificate&)>;

/// Inserts a new active certificate on db (inside the caller's transaction): assigns the next
/// id and the serial `{prefix}-{code}-{year}-{seq:06}` (sequence per category and year of
/// issue), asks sign for the token, and appends the audit record. Throws ConstraintError for an
/// unknown entry.
domain::Certificate insertCertificate(Connection& db, domain::Certificate certificate,
                                      const std::string& serialPrefix,
                                      const CertificateSigner& sign, const Stamp& stamp);

/// Marks that something the public sees of the entry changed at `at` (entries.updated_at, which
/// the open data's change feed follows): its certificates, reply, photo or fields.
/// Also advances the registry's generation.
void touchEntry(Connection& db, std::int64_t entryId, std::int64_t at);

/// Advances the registry's generation (inside the caller's transaction): every change a plaque's
/// page shows — a certificate, its entry, the entry's county — so that pages rendered before it
/// are no longer served.
void advanceGeneration(Connection& db);
/// The registry's generation now (0 before the first change).
std::int64_t registryGeneration(Connection& db);

/// Changes a certificate's stored status (audited) inside the caller's transaction; false when
/// the serial is unknown.
bool updateCertificateStatus(Connection& db, std::string_view serial,
                             domain::CertificateStatus status,
                             const std::optional<std::string>& reason, const Stamp& stamp);

}  // namespace tisheng::storage
