#include "support/HttpClient.h"

#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/StreamSocket.h>
#include <Poco/StreamCopier.h>

#include <sstream>

namespace tisheng::test {

std::string Reply::header(const std::string& name) const {
  auto it = headers.find(name);
  return it == headers.end() ? "" : it->second;
}

std::vector<std::string> Reply::errorFields() const {
  std::vector<std::string> out;
  // .at(), not a const operator[], which is undefined for a missing key (seen under clang).
  const auto body = json();
  const auto& error = body.at("error");
  if (error.contains("fields"))
    for (const auto& field : error.at("fields")) out.push_back(field.at("field"));
  return out;
}

Reply HttpClient::get(const std::string& target,
                      const std::map<std::string, std::string>& headers) const {
  return send("GET", target, "", headers);
}

Reply HttpClient::post(const std::string& target, const std::string& body,
                       const std::map<std::string, std::string>& headers) const {
  return send("POST", target, body, headers);
}

Reply HttpClient::send(const std::string& method, const std::string& target,
                       const std::string& body, const std::map<std::string, std::string>& headers,
                       bool chunked) const {
  Poco::Net::HTTPClientSession session("127.0.0.1", port_);
  session.setTimeout(Poco::Timespan(10, 0));
  Poco::Net::HTTPRequest request(method, target, Poco::Net::HTTPMessage::HTTP_1_1);
  for (const auto& [name, value] : headers) request.set(name, value);
  if (chunked)
    request.setChunkedTransferEncoding(true);
  else if (!body.empty() || method == "POST")
    request.setContentLength(static_cast<std::streamsize>(body.size()));
  std::ostream& out = session.sendRequest(request);
  out << body;
  Poco::Net::HTTPResponse response;
  std::istream& in = session.receiveResponse(response);
  Reply reply;
  reply.status = response.getStatus();
  for (const auto& [name, value] : response) reply.headers[name] = value;
  std::ostringstream text;
  Poco::StreamCopier::copyStream(in, text);
  reply.body = text.str();
  return reply;
}

std::string HttpClient::raw(const std::string& bytes, bool halfClose) const {
  Poco::Net::StreamSocket socket(Poco::Net::SocketAddress("127.0.0.1", port_));
  socket.setReceiveTimeout(Poco::Timespan(5, 0));
  socket.sendBytes(bytes.data(), static_cast<int>(bytes.size()));
  if (halfClose) socket.shutdownSend();
  return readUntilClosed(socket);
}

std::string readUntilClosed(Poco::Net::StreamSocket& socket) {
  std::string answer;
  char buffer[4096];
  try {
    while (int n = socket.receiveBytes(buffer, sizeof buffer)) answer.append(buffer, n);
  } catch (const Poco::Exception&) {
    // A reset after the reply is the server closing a bad connection: keep what arrived.
  }
  return answer;
}

}  // namespace tisheng::test
