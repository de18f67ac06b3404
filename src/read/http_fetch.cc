#include "read/http_fetch.h"

#include <fmt/format.h>
#include <httplib.h>

#include <cctype>

namespace lagebild {
namespace {

constexpr std::string_view kUserAgent = "lagebild/0.1 (news event extraction)";

bool StartsWithCaseless(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(text[i])) != prefix[i]) return false;
  }
  return true;
}

// "https://host:8443/a/b?c#d" → {"https://host:8443", "/a/b?c"}: what httplib's client is made
// from and what it asks for. The fragment never goes to the server.
std::pair<std::string, std::string> SplitUrl(std::string_view url) {
  url = url.substr(0, url.find('#'));
  const size_t authority = url.find("://") + 3;
  const size_t path = url.find_first_of("/?", authority);
  if (path == std::string_view::npos) return {std::string(url), "/"};
  std::string target(url.substr(path));
  if (target.starts_with('?')) target.insert(0, "/");
  return {std::string(url.substr(0, path)), target};
}

struct Transfer {
  const FetchLimits& limits;
  std::chrono::steady_clock::time_point deadline;
  std::string& body;
  bool too_large = false;
  bool too_slow = false;

  // false stops the transfer
  bool Receive(const char* data, size_t size) {
    too_large = body.size() + size > limits.max_bytes;
    too_slow = std::chrono::steady_clock::now() > deadline;
    if (too_large || too_slow) return false;
    body.append(data, size);
    return true;
  }
};

std::string Reason(httplib::Error error, const Transfer& transfer, std::string_view host) {
  if (transfer.too_large) return fmt::format("larger than {} MiB; not read", transfer.limits.max_bytes >> 20);
  if (transfer.too_slow) return fmt::format("took longer than {} s; given up", transfer.limits.timeout.count());
  switch (error) {
    case httplib::Error::Connection:
      return fmt::format("cannot connect to {} (unknown host, connection refused or unreachable)", host);
    case httplib::Error::ConnectionTimeout: return fmt::format("connecting to {} timed out", host);
    case httplib::Error::Read: return "connection lost or timed out while reading";
    case httplib::Error::Write: return "connection lost while sending the request";
    case httplib::Error::ExceedRedirectCount: return "too many redirects";
    case httplib::Error::SSLConnection: return "TLS handshake failed";
    case httplib::Error::SSLLoadingCerts: return "cannot load the system's CA certificates";
    case httplib::Error::SSLServerVerification: return "the server's TLS certificate does not verify";
    case httplib::Error::Compression: return "cannot decode the compressed body";
    default: return "request failed: " + httplib::to_string(error);
  }
}

}  // namespace

bool IsHttpUrl(std::string_view source) {
  return StartsWithCaseless(source, "http://") || StartsWithCaseless(source, "https://");
}

Status FetchUrl(const std::string& url, const FetchLimits& limits, FetchedBody& fetched) {
  const auto [origin, target] = SplitUrl(url);
  httplib::Client client(origin);
  if (!client.is_valid()) return Status::Error(url + ": not a URL this build can fetch");
  client.set_follow_location(true);
  client.set_connection_timeout(limits.timeout);
  client.set_read_timeout(limits.timeout);
  client.set_write_timeout(limits.timeout);
  client.enable_server_certificate_verification(true);
  fetched.bytes.clear();
  Transfer transfer{limits, std::chrono::steady_clock::now() + limits.timeout, fetched.bytes};
  const httplib::Headers headers = {{"User-Agent", std::string(kUserAgent)}};
  const httplib::Result result = client.Get(
      target, headers, [&](const char* data, size_t size) { return transfer.Receive(data, size); });
  if (!result) return Status::Error(url + ": " + Reason(result.error(), transfer, origin));
  if (result->status < 200 || result->status >= 300) {
    return Status::Error(fmt::format("{}: HTTP {} {}", url, result->status, result->reason));
  }
  fetched.url = result->location.empty() ? url : result->location;
  if (fetched.url.starts_with('/')) fetched.url.insert(0, origin);  // a redirect within the host
  fetched.content_type = result->get_header_value("Content-Type");
  return Status::Ok();
}

}  // namespace lagebild
