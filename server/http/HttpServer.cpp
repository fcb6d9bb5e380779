#include "http/HttpServer.h"

#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServerConnection.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerRequestImpl.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/IPAddress.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/TCPServer.h>
#include <Poco/Net/TCPServerConnection.h>
#include <Poco/Net/TCPServerConnectionFactory.h>
#include <Poco/ThreadPool.h>
#include <Poco/URI.h>

#include <algorithm>
#include <cctype>
#include <sstream>

#include "http/ConnectionGuard.h"
#include "http/Framing.h"

namespace tisheng::http {

namespace {

std::string lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

/// Reads the body in chunks; stops and flags it once it passes maxBytes.
void readBody(Poco::Net::HTTPServerRequest& in, std::size_t maxBytes, HttpRequest& out) {
  std::streamsize declared = in.getContentLength();
  if (declared > 0 && static_cast<std::size_t>(declared) > maxBytes) {
    out.bodyTooLarge = true;
    return;
  }
  std::istream& stream = in.stream();
  char chunk[8192];
  while (stream) {
    stream.read(chunk, sizeof chunk);
    out.body.append(chunk, static_cast<std::size_t>(stream.gcount()));
    if (out.body.size() > maxBytes) {
      out.bodyTooLarge = true;
      out.body.clear();
      return;
    }
  }
}

/// The client's address: the peer's, or, when the peer is a trusted proxy, the address it
/// states in X-Real-IP.
std::string clientAddress(const Poco::Net::HTTPServerRequest& in,
                          const std::vector<std::string>& trustedProxies) {
  std::string peer = in.clientAddress().host().toString();
  if (std::find(trustedProxies.begin(), trustedProxies.end(), peer) == trustedProxies.end())
    return peer;
  Poco::Net::IPAddress stated;
  if (!Poco::Net::IPAddress::tryParse(in.get("X-Real-IP", ""), stated)) return peer;
  return stated.toString();
}

HttpRequest translate(Poco::Net::HTTPServerRequest& in, const HttpServerOptions& options) {
  HttpRequest out;
  out.method = in.getMethod();
  out.remoteAddress = clientAddress(in, options.trustedProxies);
  for (const auto& [name, value] : in) out.headers.emplace(lower(name), value);
  try {
    Poco::URI uri(in.getURI());
    out.path = uri.getPath();
    for (auto& [name, value] : uri.getQueryParameters()) out.query.emplace(name, value);
  } catch (const Poco::Exception&) {
    out.path.clear();  // the router answers 400 for a malformed target
  }
  out.framingError = framingError(in);
  if (out.framingError.empty() && hasBody(in)) readBody(in, options.maxBodyBytes, out);
  return out;
}

void send(const HttpResponse& reply, Poco::Net::HTTPServerResponse& out) {
  out.setStatusAndReason(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(reply.status));
  if (!reply.contentType.empty()) out.setContentType(reply.contentType);
  for (const auto& [name, value] : reply.headers) out.set(name, value);
  out.sendBuffer(reply.body.data(), reply.body.size());
}

/// Replies up to this size are sent in one write (sendAtOnce); larger ones (photos, PDFs) are
/// not copied for it.
constexpr std::size_t kAtOnceBytes = 64u << 10;

/// Sends the reply in one write to the socket, head and body together. Poco writes both
/// through a 4 KB buffer: two writes, and two TCP segments, for a plaque page of 5 KB. Sets
/// started before the first byte goes out (after it no other reply may be sent).
void sendAtOnce(const HttpResponse& reply, Poco::Net::HTTPServerRequest& in,
                Poco::Net::HTTPServerResponse& out, bool& started) {
  auto* request = dynamic_cast<Poco::Net::HTTPServerRequestImpl*>(&in);
  if (!request || in.getMethod() == Poco::Net::HTTPRequest::HTTP_HEAD ||
      reply.body.size() > kAtOnceBytes)
    return send(reply, out);
  out.setStatusAndReason(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(reply.status));
  if (!reply.contentType.empty()) out.setContentType(reply.contentType);
  for (const auto& [name, value] : reply.headers) out.set(name, value);
  out.setContentLength64(static_cast<Poco::Int64>(reply.body.size()));
  std::ostringstream head;
  out.write(head);
  std::string message = std::move(head).str();
  message.append(reply.body);
  started = true;
  Poco::Net::StreamSocket& socket = request->socket();
  for (std::size_t sent = 0; sent < message.size();) {
    int wrote = socket.sendBytes(message.data() + sent, static_cast<int>(message.size() - sent));
    if (wrote <= 0) throw Poco::Net::NetException("the client stopped reading");
    sent += static_cast<std::size_t>(wrote);
  }
}

/// The guard's slot of the connection this worker thread is serving, if any.
thread_local ConnectionGuard::Slot* currentSlot = nullptr;

class Adapter : public Poco::Net::HTTPRequestHandler {
 public:
  Adapter(const Handler& handler, const HttpServerOptions& options, ConnectionGuard& guard)
      : handler_(handler), options_(options), guard_(guard) {}

  void handleRequest(Poco::Net::HTTPServerRequest& in,
                     Poco::Net::HTTPServerResponse& out) override {
    bool started = false;
    try {
      HttpRequest request = translate(in, options_);
      if (currentSlot) guard_.bodyReceived(*currentSlot);
      // After an ambiguous frame, an unread body or a body without a length, the next bytes
      // on the connection cannot be trusted to start a request.
      if (request.bodyTooLarge || !request.framingError.empty() || lacksDeclaredBody(in))
        out.setKeepAlive(false);
      sendAtOnce(handler_(request), in, out, started);
    } catch (...) {
      // The handler chain maps every error itself; this only guards against a failure to
      // read or write the exchange, so that no request is ever left without a reply.
      if (started) out.setKeepAlive(false);  // a reply was cut short: the connection ends
      if (!out.sent() && !started) {
        out.setKeepAlive(false);
        send({500,
              "application/json; charset=utf-8",
              R"({"error":{"status":500,"code":"internal_error"}})",
              {}},
             out);
      }
    }
    if (currentSlot) guard_.replySent(*currentSlot);
  }

 private:
  const Handler& handler_;
  const HttpServerOptions& options_;
  ConnectionGuard& guard_;
};

}  // namespace

/// Makes the Adapter for each request; tells the guard that the request head has arrived.
class RequestFactory : public Poco::Net::HTTPRequestHandlerFactory {
 public:
  RequestFactory(Handler handler, HttpServerOptions options, ConnectionGuard& guard)
      : handler_(std::move(handler)), options_(std::move(options)), guard_(guard) {}
  Poco::Net::HTTPRequestHandler* createRequestHandler(
      const Poco::Net::HTTPServerRequest&) override {
    if (currentSlot) guard_.headReceived(*currentSlot);
    return new Adapter(handler_, options_, guard_);
  }
  /// What Poco's HTTPServer::stopAll does: tells every open connection to stop (and with
  /// abort, shuts its socket down).
  void stopConnections(bool abort) { serverStopped(this, abort); }

 private:
  Handler handler_;
  const HttpServerOptions options_;
  ConnectionGuard& guard_;
};

namespace {

/// Poco's HTTP connection, run under the guard's slot for its socket.
class GuardedConnection : public Poco::Net::TCPServerConnection {
 public:
  GuardedConnection(const Poco::Net::StreamSocket& socket, Poco::Net::HTTPServerParams::Ptr params,
                    Poco::SharedPtr<RequestFactory> factory, ConnectionGuard& guard)
      : TCPServerConnection(socket),
        params_(std::move(params)),
        factory_(std::move(factory)),
        guard_(guard) {}

  void run() override {
    std::shared_ptr<ConnectionGuard::Slot> slot = guard_.start(socket());
    currentSlot = slot.get();
    struct Release {
      GuardedConnection& self;
      std::shared_ptr<ConnectionGuard::Slot>& slot;
      ~Release() {
        currentSlot = nullptr;
        if (slot) self.guard_.finish(slot);
      }
    } release{*this, slot};
    Poco::Net::HTTPServerConnection connection(socket(), params_, factory_);
    connection.run();
  }

 private:
  Poco::Net::HTTPServerParams::Ptr params_;
  Poco::SharedPtr<RequestFactory> factory_;
  ConnectionGuard& guard_;
};

class GuardedConnectionFactory : public Poco::Net::TCPServerConnectionFactory {
 public:
  GuardedConnectionFactory(Poco::Net::HTTPServerParams::Ptr params,
                           Poco::SharedPtr<RequestFactory> factory, ConnectionGuard& guard)
      : params_(std::move(params)), factory_(std::move(factory)), guard_(guard) {}
  Poco::Net::TCPServerConnection* createConnection(const Poco::Net::StreamSocket& socket) override {
    return new GuardedConnection(socket, params_, factory_, guard_);
  }

 private:
  Poco::Net::HTTPServerParams::Ptr params_;
  Poco::SharedPtr<RequestFactory> factory_;
  ConnectionGuard& guard_;
};

/// On the acceptor thread: refuses a connection when the queue is full (Poco would drop it
/// after the guard had counted it) or its address has too many open.
class AdmissionFilter : public Poco::Net::TCPServerConnectionFilter {
 public:
  AdmissionFilter(const Poco::Net::TCPServer& server, int maxQueued, ConnectionGuard& guard)
      : server_(server), maxQueued_(maxQueued), guard_(guard) {}
  bool accept(const Poco::Net::StreamSocket& socket) override {
    if (server_.queuedConnections() >= maxQueued_) return false;
    return guard_.admit(socket);
  }

 private:
  const Poco::Net::TCPServer& server_;
  int maxQueued_;
  ConnectionGuard& guard_;
};

}  // namespace

HttpServer::HttpServer(Handler handler, const HttpServerOptions& options)
    : guard_(std::make_unique<ConnectionGuard>(ConnectionGuard::Limits{
          options.maxConnectionsPerAddress, options.headerTimeout, options.bodyTimeout,
          std::chrono::seconds(options.keepAliveSeconds)})) {
  Poco::Net::ServerSocket socket(Poco::Net::SocketAddress(options.host, options.port), 128);
  port_ = socket.address().port();
  Poco::Net::HTTPServerParams::Ptr params = new Poco::Net::HTTPServerParams;
  params->setMaxThreads(options.maxThreads);
  params->setMaxQueued(options.maxQueued);
  params->setKeepAlive(true);
  params->setKeepAliveTimeout(Poco::Timespan(options.keepAliveSeconds, 0));
  params->setMaxKeepAliveRequests(options.maxKeepAliveRequests);
  // Each read and write on a socket; the guard bounds whole phases.
  params->setTimeout(Poco::Timespan(
      std::chrono::duration_cast<std::chrono::microseconds>(options.headerTimeout).count()));
  factory_ = new RequestFactory(std::move(handler), options, *guard_);
  pool_ = std::make_unique<Poco::ThreadPool>(2, options.maxThreads + 1);
  server_ = std::make_unique<Poco::Net::TCPServer>(
      new GuardedConnectionFactory(params, factory_, *guard_), *pool_, socket, params);
  server_->setConnectionFilter(new AdmissionFilter(*server_, options.maxQueued, *guard_));
}

HttpServer::~HttpServer() { stop(); }

void HttpServer::start() {
  server_->start();
  running_ = true;
}

void HttpServer::stop() {
  if (!running_) return;
  running_ = false;
  server_->stop();
  factory_->stopConnections(true);
  pool_->joinAll();
}

HttpServer::Counters HttpServer::counters() const {
  return {server_->refusedConnections(), guard_->refusedForAddress(), guard_->timedOut()};
}

}  // namespace tisheng::http
