#include "storage/Leases.h"

namespace tisheng::storage {

bool Leases::take(const std::string& name, const std::string& holder, std::int64_t now,
                  int seconds) {
  auto db = pool_.acquire();
  Transaction transaction(*db);
  db->prepare(
        "INSERT INTO leases (name, holder, expires_at) VALUES (?, '', 0) "
        "ON CONFLICT (name) DO NOTHING")
      .bind(1, name)
      .run();
  int taken = db->prepare(
                    "UPDATE leases SET holder = ?1, expires_at = ?2 "
                    "WHERE name = ?3 AND (holder = ?1 OR expires_at <= ?4)")
                  .bind(1, holder)
                  .bind(2, now + seconds)
                  .bind(3, name)
                  .bind(4, now)
                  .run();
  transaction.commit();
  return taken == 1;
}

void Leases::release(const std::string& name, const std::string& holder) {
  auto db = pool_.acquire();
  Transaction transaction(*db);
  db->prepare("UPDATE leases SET expires_at = 0 WHERE name = ? AND holder = ?")
      .bind(1, name)
      .bind(2, holder)
      .run();
  transaction.commit();
}

}  // namespace tisheng::storage
