// The HTTP response inside a WARC response record: its status, the headers that say how to read
// the body, and the body decoded from chunked transfer coding and gzip or deflate content coding.
// Archives differ on whether they store the body as sent or decoded (some keep the header and
// decode, some rename it); decoding is therefore tolerant: a body that does not look encoded
// the way the header says is taken as already decoded.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace lagebild {

struct HttpResponse {
  int status = 0;
  std::string content_type;       // as sent: "text/html; charset=ISO-8859-1"
  std::string content_encoding;   // lower-case: "gzip", "deflate", "br", or empty
  std::string transfer_encoding;  // lower-case: "chunked" or empty
  std::string_view body;          // as stored, into the parsed message
};

// nullopt when `message` does not start with an HTTP status line ("HTTP/1.1 200 OK") or its
// header has no end.
std::optional<HttpResponse> ParseHttpResponse(std::string_view message);

// The body with transfer and content coding undone, at most `max_bytes` of it. nullopt with a
// reason in `problem` when it cannot be decoded (corrupt gzip, an unknown coding, too large).
std::optional<std::string> DecodeHttpBody(const HttpResponse& response, size_t max_bytes, std::string& problem);

// The media type of a Content-Type value, lower-case and without parameters ("text/html").
std::string MediaType(std::string_view content_type);

}  // namespace lagebild
