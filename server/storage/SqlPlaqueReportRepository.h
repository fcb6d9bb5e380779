#pragma once

#include "storage/Database.h"
#include "storage/PlaqueReportRepository.h"

namespace tisheng::storage {

/// PlaqueReportRepository on an SQL database (SQLite or PostgreSQL). The pool must outlive it.
class SqlPlaqueReportRepository : public PlaqueReportRepository {
 public:
  explicit SqlPlaqueReportRepository(ConnectionPool& pool) : pool_(pool) {}
  std::int64_t add(const domain::PlaqueReport& report, const std::string& sourceAddress,
                   const Stamp& stamp) override;
  std::optional<domain::PlaqueReport> report(std::int64_t id) override;
  std::vector<domain::PlaqueReport> reports(
      const std::optional<std::string>& county,
      const std::optional<domain::PlaqueReportStatus>& status) override;
  bool triage(std::int64_t id, domain::PlaqueReportStatus status, const std::string& note,
              const Stamp& stamp) override;
  int countFromAddressSince(std::string_view address, std::int64_t since) override;

 private:
  ConnectionPool& pool_;
};

}  // namespace tisheng::storage
