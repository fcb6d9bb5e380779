#include "http/HttpServer.h"

#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/ThreadPool.h>
#include <Poco/URI.h>

#include <cctype>
#include <iostream>

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

HttpRequest translate(Poco::Net::HTTPServerRequest& in, std::size_t maxBytes) {
  HttpRequest out;
  out.method = in.getMethod();
  out.remoteAddress = in.clientAddress().host().toString();
  for (const auto& [name, value] : in) out.headers.emplace(lower(name), value);
  try {
    Poco::URI uri(in.getURI());
    out.path = uri.getPath();
    for (auto& [name, value] : uri.getQueryParameters()) out.query.emplace(name, value);
  } catch (const Poco::Exception&) {
    out.path.clear();  // the router answers 400 for a malformed target
  }
  readBody(in, maxBytes, out);
  return out;
}

void send(const HttpResponse& reply, Poco::Net::HTTPServerResponse& out) {
  out.setStatusAndReason(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(reply.status));
  out.setContentType(reply.contentType);
  for (const auto& [name, value] : reply.headers) out.set(name, value);
  out.sendBuffer(reply.body.data(), reply.body.size());
}

class Adapter : public Poco::Net::HTTPRequestHandler {
 public:
  Adapter(const Handler& handler, std::size_t maxBytes) : handler_(handler), maxBytes_(maxBytes) {}

  void handleRequest(Poco::Net::HTTPServerRequest& in,
                     Poco::Net::HTTPServerResponse& out) override {
    try {
      HttpRequest request = translate(in, maxBytes_);
      if (request.bodyTooLarge) out.setKeepAlive(false);  // the rest of the body is unread
      send(handler_(request), out);
    } catch (...) {
      // The handler chain maps every error itself; this only guards against a failure to
      // read or write the exchange, so that no request is ever left without a reply.
      if (!out.sent()) {
        out.setKeepAlive(false);
        send({500,
              "application/json; charset=utf-8",
              R"({"error":{"status":500,"code":"internal_error"}})",
              {}},
             out);
      }
    }
  }

 private:
  const Handler& handler_;
  std::size_t maxBytes_;
};

class Factory : public Poco::Net::HTTPRequestHandlerFactory {
 public:
  Factory(Handler handler, std::size_t maxBytes)
      : handler_(std::move(handler)), maxBytes_(maxBytes) {}
  Poco::Net::HTTPRequestHandler* createRequestHandler(
      const Poco::Net::HTTPServerRequest&) override {
    return new Adapter(handler_, maxBytes_);
  }

 private:
  Handler handler_;
  std::size_t maxBytes_;
};

}  // namespace

HttpServer::HttpServer(Handler handler, const HttpServerOptions& options) {
  Poco::Net::ServerSocket socket(Poco::Net::SocketAddress(options.host, options.port), 128);
  port_ = socket.address().port();
  auto* params = new Poco::Net::HTTPServerParams;  // reference-counted; the server owns it
  params->setMaxThreads(options.maxThreads);
  params->setMaxQueued(options.maxQueued);
  params->setKeepAlive(true);
  params->setKeepAliveTimeout(Poco::Timespan(options.keepAliveSeconds, 0));
  params->setMaxKeepAliveRequests(options.maxKeepAliveRequests);
  pool_ = std::make_unique<Poco::ThreadPool>(2, options.maxThreads + 1);
  server_ = std::make_unique<Poco::Net::HTTPServer>(
      new Factory(std::move(handler), options.maxBodyBytes), *pool_, socket, params);
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
  server_->stopAll(true);
  pool_->joinAll();
}

int HttpServer::refusedConnections() const { return server_->refusedConnections(); }

}  // namespace tisheng::http
