#pragma once

#include <Poco/SharedPtr.h>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "http/HttpExchange.h"

namespace Poco {
class ThreadPool;
namespace Net {
class TCPServer;
}
}  // namespace Poco

namespace tisheng::http {

class ConnectionGuard;
class RequestFactory;

struct HttpServerOptions {
  std::string host = "127.0.0.1";
  std::uint16_t port = 8080;  ///< 0 picks a free port (see HttpServer::port())
  int maxThreads = 256;
  int maxQueued = 256;
  int keepAliveSeconds = 5;
  int maxKeepAliveRequests = 1000;
  std::size_t maxBodyBytes = 8 << 20;
  /// Connections open at once from one address (0: no cap; behind a proxy, which has one).
  int maxConnectionsPerAddress = 16;
  /// Time for a request head to arrive, counted from accept (so including time queued for a
  /// worker) or from the end of keep-alive idleness; also each socket read and write.
  std::chrono::milliseconds headerTimeout{10000};
  /// Time for a request body to arrive once its head has.
  std::chrono::milliseconds bodyTimeout{60000};
  /// Peers (nginx) whose X-Real-IP header names the client; from anyone else it is ignored.
  std::vector<std::string> trustedProxies;
};

/// The Poco HTTP server around one Handler. Reads each request fully (bodies past
/// maxBodyBytes are flagged, not buffered), calls the handler, and guarantees a reply even if
/// the handler throws. Refuses ambiguous framing (see Framing.h) with a 400 that closes the
/// connection, and reads no body from a request that declares none. Slow and idle clients are
/// cut off by a ConnectionGuard (per-address cap, phase deadlines) so that they cannot hold the
/// workers. Binds in the constructor (throws Poco::Exception if it cannot), serves after
/// start(), and stops in stop() or the destructor. The handler must be thread-safe.
class HttpServer {
 public:
  HttpServer(Handler handler, const HttpServerOptions& options);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  void start();
  /// Stops accepting, aborts open connections and waits for the workers. Idempotent.
  void stop();
  std::uint16_t port() const { return port_; }

  struct Counters {
    int refusedQueueFull = 0;    ///< dropped because every worker was busy and the queue full
    long refusedForAddress = 0;  ///< dropped because their address had too many open
    long timedOut = 0;           ///< shut down for sending a head or body too slowly
  };
  Counters counters() const;

 private:
  std::unique_ptr<ConnectionGuard> guard_;
  std::unique_ptr<Poco::ThreadPool> pool_;
  Poco::SharedPtr<RequestFactory> factory_;
  std::unique_ptr<Poco::Net::TCPServer> server_;
  std::uint16_t port_ = 0;
  bool running_ = false;
};

}  // namespace tisheng::http
