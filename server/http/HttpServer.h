#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "http/HttpExchange.h"

namespace Poco {
class ThreadPool;
namespace Net {
class HTTPServer;
}
}  // namespace Poco

namespace tisheng::http {

struct HttpServerOptions {
  std::string host = "127.0.0.1";
  std::uint16_t port = 8080;  ///< 0 picks a free port (see HttpServer::port())
  int maxThreads = 64;
  int maxQueued = 256;
  int keepAliveSeconds = 5;
  int maxKeepAliveRequests = 1000;
  std::size_t maxBodyBytes = 8 << 20;
};

/// The Poco HTTP server around one Handler. Reads each request fully (bodies past
/// maxBodyBytes are flagged, not buffered), calls the handler, and guarantees a reply even if
/// the handler throws. Binds in the constructor (throws Poco::Exception if it cannot), serves
/// after start(), and stops in stop() or the destructor. The handler must be thread-safe.
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
  /// Connections dropped because the queue was full.
  int refusedConnections() const;

 private:
  std::unique_ptr<Poco::ThreadPool> pool_;
  std::unique_ptr<Poco::Net::HTTPServer> server_;
  std::uint16_t port_ = 0;
  bool running_ = false;
};

}  // namespace tisheng::http
