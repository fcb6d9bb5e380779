#include <catch2/catch.hpp>

#include "support/TestServer.h"

using tisheng::test::TestServer;

namespace {

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

int countOf(const std::string& text, const std::string& part) {
  int n = 0;
  for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
  return n;
}

const std::string kHead = "POST /api/v1/standards/homestay/evaluate HTTP/1.1\r\nHost: t\r\n";
const std::string kNext = "GET /healthz HTTP/1.1\r\nHost: t\r\n\r\n";

}  // namespace

TEST_CASE("Ambiguous framing is refused with 400 and the connection closed", "[http]") {
  TestServer server;
  struct Case {
    const char* name;
    std::string headers;
    std::string body;
    std::string reason;
  };
  std::vector<Case> cases{
      {"two different lengths", "Content-Length: 2\r\nContent-Length: 40\r\n", "{}",
       "conflicting Content-Length headers"},
      {"length and chunked", "Content-Length: 7\r\nTransfer-Encoding: chunked\r\n",
       "2\r\n{}\r\n0\r\n\r\n", "Content-Length and Transfer-Encoding together"},
      {"space before the colon", "Transfer-Encoding : chunked\r\n", "2\r\n{}\r\n0\r\n\r\n",
       "header name is not a token: 'Transfer-Encoding '"},
      {"signed length", "Content-Length: +2\r\n", "{}", "Content-Length must be decimal digits"},
      {"other coding", "Transfer-Encoding: gzip, chunked\r\n", "2\r\n{}\r\n0\r\n\r\n",
       "unsupported Transfer-Encoding (only a single chunked)"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.name);
    // A second request follows in the same bytes, as a smuggled one would: it must not be
    // answered, because the connection closes after the refusal.
    std::string answer = server.client().raw(kHead + c.headers + "\r\n" + c.body + kNext, false);
    CHECK(answer.starts_with("HTTP/1.1 400 Bad Request\r\n"));
    CAPTURE(answer);
    CHECK(contains(answer, "Connection: Close"));
    CHECK(contains(answer, R"("field":"headers")"));
    CHECK(contains(answer, c.reason));
    CHECK(countOf(answer, "HTTP/1.1 ") == 1);
  }
  // Equal duplicate lengths are one length (RFC 9110 §8.6) and keep-alive goes on.
  std::string same =
      server.client().raw(kHead + "Content-Length: 2\r\nContent-Length: 2\r\n\r\n{}" + kNext, true);
  CHECK(same.starts_with("HTTP/1.1 400 Bad Request\r\n"));  // {} lacks the scores
  CHECK(contains(same, R"("field":"scores")"));
  CHECK(countOf(same, "HTTP/1.1 200 OK") == 1);
}

TEST_CASE("A POST without length or chunking is answered at once as having no body", "[http]") {
  TestServer server;
  // The client keeps its side open: the server must neither wait for the body nor keep reading.
  std::string answer = server.client().raw(kHead + "\r\n{\"scores\": {}}", false);
  CHECK(answer.starts_with("HTTP/1.1 400 Bad Request\r\n"));
  CHECK(contains(answer, R"("field":"body")"));
  CAPTURE(answer);
  CHECK(contains(answer, "Connection: Close"));
  CHECK(countOf(answer, "HTTP/1.1 ") == 1);
}
