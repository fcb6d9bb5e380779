#include "api/PlaqueCache.h"

#include <algorithm>

namespace tisheng::api {

namespace {

/// Heads kept for sharing: one per language and form, a few more while the programme's text
/// changes; pages still holding an older one keep it alive.
constexpr std::size_t kHeads = 8;

std::size_t sizeOf(const std::string& key, const PlaqueCache::Page& page) {
  std::size_t size = key.size() + page.response.body.size() + 200;
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
    found->second.page = std::move(page);
    bytes_ += sizeOf(key, *found->second.page);
    order_.splice(order_.begin(), order_, found->second.place);
  } else {
    bytes_ += sizeOf(key, *page);
    auto [slot, added] = slots_.emplace(key, Slot{std::move(page), {}});
    order_.push_front(&slot->first);
    slot->second.place = order_.begin();
  }
  evict();
}

std::shared_ptr<const std::string> PlaqueCache::sharedHead(std::string_view head) {
  std::lock_guard lock(mutex_);
  auto same =
      std::find_if(heads_.begin(), heads_.end(), [&](const auto& kept) { return *kept == head; });
  if (same != heads_.end()) return *same;
  if (heads_.size() == kHeads) heads_.erase(heads_.begin());
  heads_.push_back(std::make_shared<const std::string>(head));
  return heads_.back();
}

void PlaqueCache::evict() {
  while (bytes_ > capacity_ && !order_.empty()) {
    auto last = slots_.find(*order_.back());
    bytes_ -= sizeOf(last->first, *last->second.page);
    order_.pop_back();
    slots_.erase(last);
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
