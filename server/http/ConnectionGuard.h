#pragma once

#include <Poco/Net/StreamSocket.h>

#include <chrono>
#include <condition_variable>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

namespace tisheng::http {

/// Keeps slow or idle clients from holding the server's workers: caps the connections open at
/// once from one address, and gives every connection a deadline for the phase it is in (the
/// request head, including time spent queued for a worker; the body; keep-alive idleness plus
/// the next head). A watchdog thread shuts down the socket of any connection past its deadline,
/// which ends the blocked read on the worker at once.
///
/// Thread-safe: admit() runs on the acceptor thread, the phase calls on each connection's
/// worker, the watchdog on its own thread. The guard must outlive every Slot it handed out.
class ConnectionGuard {
 public:
  using Clock = std::chrono::steady_clock;

  struct Limits {
    int maxPerAddress = 16;  ///< 0: no cap (behind a proxy every client has its address)
    std::chrono::milliseconds headTimeout{10000};
    std::chrono::milliseconds bodyTimeout{60000};
    std::chrono::milliseconds idleTimeout{5000};  ///< between keep-alive requests
  };

  /// One admitted connection, owned by its worker from start() on.
  class Slot;

  explicit ConnectionGuard(Limits limits);
  ~ConnectionGuard();
  ConnectionGuard(const ConnectionGuard&) = delete;
  ConnectionGuard& operator=(const ConnectionGuard&) = delete;

  /// On accept: false when the address already has maxPerAddress connections open (the caller
  /// closes the socket). Otherwise the connection is tracked, its head deadline running.
  bool admit(const Poco::Net::StreamSocket& socket);
  /// On the worker, when it starts serving the socket admitted earlier: takes its slot.
  /// Returns nullptr if the socket was never admitted (then nothing is guarded).
  std::shared_ptr<Slot> start(const Poco::Net::StreamSocket& socket);
  /// The head of a request has arrived: the body deadline starts.
  void headReceived(Slot& slot);
  /// The body is read: no deadline while the handler works (the socket's own send timeout
  /// bounds writing the reply).
  void bodyReceived(Slot& slot);
  /// The reply is sent: the connection may idle, then must send the next head in time.
  void replySent(Slot& slot);
  /// The connection is over: its address may open another.
  void finish(const std::shared_ptr<Slot>& slot);

  /// Connections shut down for missing a deadline, and refused for their address's cap.
  long timedOut() const;
  long refusedForAddress() const;

 private:
  void arm(Slot& slot, Clock::time_point deadline);
  void watch();

  Limits limits_;
  mutable std::mutex mutex_;
  std::condition_variable changed_;
  std::map<int, std::shared_ptr<Slot>> queued_;  ///< admitted, not yet started; by descriptor
  std::map<Slot*, std::shared_ptr<Slot>> active_;
  std::map<std::string, int> perAddress_;
  long timedOut_ = 0;
  long refused_ = 0;
  bool stopping_ = false;
  std::thread watchdog_;  ///< last: starts once everything above is built
};

}  // namespace tisheng::http
