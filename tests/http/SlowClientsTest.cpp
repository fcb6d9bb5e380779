#include <Poco/Net/StreamSocket.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <thread>

#include "support/TestServer.h"

using tisheng::test::TestServer;
using namespace std::chrono_literals;

namespace {

/// A connection from the given local address (any of 127.0.0.0/8 reaches the server).
Poco::Net::StreamSocket connectFrom(const std::string& source, std::uint16_t port) {
  Poco::Net::StreamSocket socket(Poco::Net::SocketAddress::IPv4);
  socket.impl()->bind(Poco::Net::SocketAddress(source, 0), false);
  socket.connect(Poco::Net::SocketAddress("127.0.0.1", port));
  socket.setReceiveTimeout(Poco::Timespan(5, 0));
  return socket;
}

tisheng::app::Config guarded(int threads, int perAddress) {
  tisheng::app::Config config;
  config.http.maxThreads = threads;
  config.http.maxConnectionsPerAddress = perAddress;
  config.http.headerTimeout = 1s;
  config.http.bodyTimeout = 1s;
  return config;
}

}  // namespace

TEST_CASE("Clients sending a head one byte at a time cannot hold every worker", "[http]") {
  TestServer server(guarded(4, 0));
  const std::string head = "GET /healthz HTTP/1.1\r\nHost: t\r\nX-Slow: aaaaaaaaaaaaaaaaaaaaaaaaa";
  std::vector<Poco::Net::StreamSocket> slow;
  for (int i = 0; i < 12; ++i) slow.push_back(connectFrom("127.0.0.1", server.port()));
  std::atomic<bool> done{false};
  std::thread dripper([&] {
    for (std::size_t at = 0; at < head.size() && !done; ++at) {
      for (auto& socket : slow) try {
          socket.sendBytes(&head[at], 1);
        } catch (const Poco::Exception&) {
          // cut off by the server: what this test wants
        }
      std::this_thread::sleep_for(100ms);
    }
  });
  // Every worker is taken by a dripping client now; the guard cuts them off after the head
  // timeout, and a normal client is served in spite of them.
  std::this_thread::sleep_for(300ms);
  auto probe = server.client().get("/healthz");
  done = true;
  dripper.join();
  CHECK(probe.status == 200);
  for (auto& socket : slow)
    CHECK(tisheng::test::readUntilClosed(socket).empty());  // closed without a reply
  CHECK(server.app().httpCounters().timedOut >= 12);
}

TEST_CASE("A slow body is cut off after the body timeout", "[http]") {
  TestServer server(guarded(4, 0));
  auto socket = connectFrom("127.0.0.1", server.port());
  std::string head = "POST /api/v1/login HTTP/1.1\r\nHost: t\r\nContent-Length: 100\r\n\r\n{\"user";
  socket.sendBytes(head.data(), static_cast<int>(head.size()));
  CHECK(tisheng::test::readUntilClosed(socket).empty());
  CHECK(server.app().httpCounters().timedOut == 1);  // the guard closed it, not our timeout
  CHECK(server.client().get("/healthz").status == 200);
}

TEST_CASE("One address may hold only so many connections and others are still served", "[http]") {
  TestServer server(guarded(8, 3));
  std::vector<Poco::Net::StreamSocket> idle;
  for (int i = 0; i < 3; ++i) idle.push_back(connectFrom("127.0.0.2", server.port()));
  // The acceptor admits connections in order, so the fourth finds three counted.
  auto fourth = connectFrom("127.0.0.2", server.port());
  CHECK(tisheng::test::readUntilClosed(fourth).empty());  // refused at accept: closed at once
  CHECK(server.app().httpCounters().refusedForAddress == 1);
  CHECK(server.client().get("/healthz").json()["connections"]["refused_per_address"] == 1);
  CHECK(server.client().get("/healthz").status == 200);  // from 127.0.0.1
  idle.clear();                                          // closing them frees the address's slots
  for (int attempt = 0; attempt < 50; ++attempt) {
    auto again = connectFrom("127.0.0.2", server.port());
    std::string request = "GET /healthz HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n";
    again.sendBytes(request.data(), static_cast<int>(request.size()));
    if (tisheng::test::readUntilClosed(again).starts_with("HTTP/1.1 200 OK")) {
      SUCCEED("served again once the idle connections closed");
      return;
    }
    std::this_thread::sleep_for(50ms);
  }
  FAIL("127.0.0.2 was never served again");
}
