#include "storage/SqlComplaintRepository.h"

#include <nlohmann/json.hpp>

namespace tisheng::storage {

std::int64_t SqlComplaintRepository::add(const NewComplaint& c, const Stamp& stamp) {
  auto db = pool_.acquire();
  Transaction transaction(*db);
  std::int64_t id =
      db->prepare(
            "INSERT INTO complaints (entry_id, certificate_id, category, description, contact, "
            "source_address, created_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id")
          .bind(1, c.entryId)
          .bind(2, c.certificateId)
          .bind(3, c.category)
          .bind(4, c.description)
          .bind(5, c.contact)
          .bind(6, c.sourceAddress)
          .bind(7, stamp.at)
          .insertedId();
  appendAudit(*db, stamp,
              {"complaint.file", "complaint:" + std::to_string(id), std::nullopt,
               nlohmann::ordered_json{{"entry_id", c.entryId}, {"category", c.category}}.dump()});
  transaction.commit();
  return id;
}

int SqlComplaintRepository::countFromAddressSince(std::string_view address, std::int64_t since) {
  auto db = pool_.acquire();
  auto row =
      db->prepare("SELECT COUNT(*) FROM complaints WHERE source_address = ? AND created_at >= ?");
  row.bind(1, address).bind(2, since).step();
  return static_cast<int>(row.integer(0));
}

}  // namespace tisheng::storage
