#pragma once

#include <cstdint>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "http/HttpExchange.h"

namespace tisheng::api {

/// The plaque pages (and their JSON twins) as rendered, per token and language, each valid only
/// while the registry's generation and the day are those it was rendered at: a page is never
/// served after a change it shows (a suspension shows on the next scan). The check time is
/// written into the page when it is served (`timeAt`: where in the body). Pages share the
/// beginning they have in common (a page's head and style sheet, 3 of its 4.4 KB). Least
/// recently used pages go first once the pages pass capacityBytes. Thread-safe; a page found is
/// shared, not copied, and stays valid while it is held.
class PlaqueCache {
 public:
  struct Page {
    std::int64_t generation = 0;
    int day = 0;
    /// What comes before response.body, shared with other pages (null: nothing).
    std::shared_ptr<const std::string> head;
    http::HttpResponse response{};  ///< the rest of the body, without the check time
    std::size_t timeAt = 0;         ///< in response.body
  };

  explicit PlaqueCache(std::size_t capacityBytes) : capacity_(capacityBytes) {}

  /// The page kept for key if it was rendered at this generation and day, else null.
  std::shared_ptr<const Page> find(const std::string& key, std::int64_t generation, int day);
  void put(const std::string& key, std::shared_ptr<const Page> page);
  /// The kept copy of a page's beginning equal to head, made once for all pages that share it.
  std::shared_ptr<const std::string> sharedHead(std::string_view head);
  /// What the pages take, by the cache's count.
  std::size_t bytes() const;
  std::size_t pages() const;

 private:
  using Order = std::list<const std::string*>;  ///< the keys in slots_
  struct Slot {
    std::shared_ptr<const Page> page;
    Order::iterator place;
  };
  void evict();

  std::size_t capacity_;
  mutable std::mutex mutex_;
  std::unordered_map<std::string, Slot> slots_;
  Order order_;  ///< most recently used first
  std::size_t bytes_ = 0;
  std::vector<std::shared_ptr<const std::string>> heads_;  ///< newest last
};

}  // namespace tisheng::api
