#pragma once

#include <functional>
#include <map>
#include <mutex>
#include <string>

#include "http/HttpExchange.h"

namespace tisheng::api {

/// Responses that are expensive to make (the whole register as CSV, a brochure of a thousand
/// places) kept by a key that changes whenever their content would: anonymous callers asking
/// again get the copy instead of costing seconds of CPU each. Makes one at a time. Thread-safe.
class RenderCache {
 public:
  explicit RenderCache(std::size_t capacity = 8) : capacity_(capacity) {}

  http::HttpResponse get(const std::string& key, const std::function<http::HttpResponse()>& make) {
    std::lock_guard lock(mutex_);
    auto found = responses_.find(key);
    if (found == responses_.end()) {
      if (responses_.size() >= capacity_) responses_.clear();
      found = responses_.emplace(key, make()).first;
    }
    return found->second;
  }

 private:
  std::size_t capacity_;
  std::mutex mutex_;
  std::map<std::string, http::HttpResponse> responses_;
};

}  // namespace tisheng::api
