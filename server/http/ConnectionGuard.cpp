#include "http/ConnectionGuard.h"

#include <Poco/Exception.h>

#include <algorithm>

namespace tisheng::http {

class ConnectionGuard::Slot {
 public:
  Slot(const Poco::Net::StreamSocket& socket, std::string address, Clock::time_point deadline)
      : socket(socket), address(std::move(address)), deadline(deadline) {}

  Poco::Net::StreamSocket socket;
  const std::string address;
  Clock::time_point deadline;  ///< GUARDED_BY(ConnectionGuard::mutex_); max() when none
};

namespace {

std::string addressOf(const Poco::Net::StreamSocket& socket) {
  try {
    return socket.peerAddress().host().toString();
  } catch (const Poco::Exception&) {
    return {};  // already disconnected: counted under "", released as usual
  }
}

}  // namespace

ConnectionGuard::ConnectionGuard(Limits limits) : limits_(limits), watchdog_([this] { watch(); }) {}

ConnectionGuard::~ConnectionGuard() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  changed_.notify_all();
  watchdog_.join();
}

bool ConnectionGuard::admit(const Poco::Net::StreamSocket& socket) {
  std::string address = addressOf(socket);
  std::lock_guard lock(mutex_);
  int& open = perAddress_[address];
  if (limits_.maxPerAddress > 0 && open >= limits_.maxPerAddress) {
    ++refused_;
    return false;
  }
  ++open;
  queued_[socket.impl()->sockfd()] =
      std::make_shared<Slot>(socket, std::move(address), Clock::now() + limits_.headTimeout);
  changed_.notify_all();
  return true;
}

std::shared_ptr<ConnectionGuard::Slot> ConnectionGuard::start(
    const Poco::Net::StreamSocket& socket) {
  std::lock_guard lock(mutex_);
  auto it = queued_.find(socket.impl()->sockfd());
  if (it == queued_.end()) return nullptr;
  std::shared_ptr<Slot> slot = it->second;
  queued_.erase(it);
  active_.emplace(slot.get(), slot);
  return slot;
}

void ConnectionGuard::arm(Slot& slot, Clock::time_point deadline) {
  std::lock_guard lock(mutex_);
  slot.deadline = deadline;
  changed_.notify_all();
}

void ConnectionGuard::headReceived(Slot& slot) { arm(slot, Clock::now() + limits_.bodyTimeout); }

void ConnectionGuard::bodyReceived(Slot& slot) { arm(slot, Clock::time_point::max()); }

void ConnectionGuard::replySent(Slot& slot) {
  arm(slot, Clock::now() + limits_.idleTimeout + limits_.headTimeout);
}

void ConnectionGuard::finish(const std::shared_ptr<Slot>& slot) {
  std::lock_guard lock(mutex_);
  if (active_.erase(slot.get()) == 0) return;
  if (--perAddress_[slot->address] <= 0) perAddress_.erase(slot->address);
}

long ConnectionGuard::timedOut() const {
  std::lock_guard lock(mutex_);
  return timedOut_;
}

long ConnectionGuard::refusedForAddress() const {
  std::lock_guard lock(mutex_);
  return refused_;
}

void ConnectionGuard::watch() {
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    Clock::time_point now = Clock::now();
    Clock::time_point next = now + std::chrono::seconds(1);
    auto visit = [&](Slot& slot) {
      if (slot.deadline <= now) {
        slot.deadline = Clock::time_point::max();
        ++timedOut_;
        try {
          slot.socket.shutdown();  // the worker's read returns at once and the connection ends
        } catch (const Poco::Exception&) {
          // already closed by its worker
        }
      } else {
        next = std::min(next, slot.deadline);
      }
    };
    for (auto& [fd, slot] : queued_) visit(*slot);
    for (auto& [key, slot] : active_) visit(*slot);
    changed_.wait_until(lock, next);  // woken early when a deadline changes
  }
}

}  // namespace tisheng::http
