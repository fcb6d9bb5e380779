#include "api/PlaqueCache.h"

namespace tisheng::api {

namespace {
std::size_t sizeOf(const std::string& key, const PlaqueCache::Page& page) {
  std::size_t size = key.size() * 2 + page.response.body.size() + 160;
  for (const auto& [name, value] : page.response.headers) size += name.size() + value.size() + 64;
  return size;
}
}  // namespace

std::shared_ptr<const PlaqueCache::Page> PlaqueCache::find(const std::string& key,
                                                           std::int64_t generation, int day) {
  std::lock_guard lock(mutex_);
  auto found = slots_.find(key);
  if (found == slots_.end()) return nullptr;
  const Page& page = *found->second.page;
  if (page.generation != generation || page.day != day) return nullptr;
  order_.splice(order_.begin(), order_, found->second.place);
  return found->second.page;
}

void PlaqueCache::put(const std::string& key, std::shared_ptr<const Page> page) {
  std::lock_guard lock(mutex_);
  auto found = slots_.find(key);
  if (found != slots_.end()) {
    // A page of an older generation or day is replaced; a newer one is kept.
    const Page& kept = *found->second.page;
    if (kept.generation > page->generation ||
        (kept.generation == page->generation && kept.day >= page->day))
      return;
    bytes_ -= sizeOf(key, kept);
    order_.erase(found->second.place);
    slots_.erase(found);
  }
  bytes_ += sizeOf(key, *page);
  order_.push_front(key);
  slots_.emplace(key, Slot{std::move(page), order_.begin()});
  evict();
}

void PlaqueCache::evict() {
  while (bytes_ > capacity_ && !order_.empty()) {
    auto last = slots_.find(order_.back());
    bytes_ -= sizeOf(last->first, *last->second.page);
    slots_.erase(last);
    order_.pop_back();
  }
}

std::size_t PlaqueCache::bytes() const {
  std::lock_guard lock(mutex_);
  return bytes_;
}

std::size_t PlaqueCache::pages() const {
  std::lock_guard lock(mutex_);
  return slots_.size();
}

}  // namespace tisheng::api
