#pragma once

#include <Poco/Net/StreamSocket.h>

#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace tisheng::test {

struct Reply {
  int status = 0;
  std::map<std::string, std::string> headers;  ///< names as sent
  std::string body;

  nlohmann::ordered_json json() const { return nlohmann::ordered_json::parse(body); }
  std::string header(const std::string& name) const;
  /// The `field` of each entry in an error reply's `fields`, in order.
  std::vector<std::string> errorFields() const;
};

/// Everything the peer sends on socket until it closes the connection (a reset counts as a
/// close) or the socket's receive timeout passes.
std::string readUntilClosed(Poco::Net::StreamSocket& socket);

/// A blocking HTTP/1.1 client for one server on 127.0.0.1 (a new connection per request).
class HttpClient {
 public:
  explicit HttpClient(std::uint16_t port) : port_(port) {}

  Reply get(const std::string& target,
            const std::map<std::string, std::string>& headers = {}) const;
  Reply post(const std::string& target, const std::string& body,
             const std::map<std::string, std::string>& headers = {}) const;
  Reply send(const std::string& method, const std::string& target, const std::string& body,
             const std::map<std::string, std::string>& headers, bool chunked = false) const;
  /// Writes raw bytes on a new connection and returns whatever the server answers until it
  /// closes the connection (or 5 s pass). With halfClose the client then ends its sending side,
  /// as a client with nothing more to say does; without it the server must close by itself.
  std::string raw(const std::string& bytes, bool halfClose = true) const;

 private:
  std::uint16_t port_;
};

}  // namespace tisheng::test
