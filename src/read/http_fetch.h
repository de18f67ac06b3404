// Fetching an http:// or https:// source (a feed, a page, a WARC file) with cpp-httplib:
// redirects followed, a time limit, a size limit, and an error that says what failed. It is a
// library of its own (lagebild_fetch) so that the pipeline links no network or TLS code; the CLI
// uses it for sources given as URLs.
#pragma once

#include <chrono>
#include <string>
#include <string_view>

#include "lagebild/status.h"

namespace lagebild {

struct FetchLimits {
  std::chrono::seconds timeout{60};      // connecting, and the whole transfer
  size_t max_bytes = size_t{256} << 20;  // of the body after content decoding
};

struct FetchedBody {
  std::string url;           // where it came from after redirects
  std::string content_type;  // as the server sent it
  std::string bytes;
};

// True for "http://…" and "https://…" (in any case).
bool IsHttpUrl(std::string_view source);

// GETs `url`. Anything but a 2xx answer after redirects is an error whose message names the URL
// and the reason: the host cannot be reached (unknown name, refused, unreachable), TLS failed
// (handshake, certificate), the time or size limit was hit, or the HTTP status ("HTTP 404 Not
// Found"). TLS certificates are checked against the system's CA store.
Status FetchUrl(const std::string& url, const FetchLimits& limits, FetchedBody& fetched);

}  // namespace lagebild
