#include "read/http_payload.h"
#include "util/ascii.h"

#include <zlib.h>

#include <cctype>
#include <charconv>

namespace lagebild {
namespace {

constexpr size_t kInflateChunk = size_t{1} << 16;
// inflateInit2 windowBits: 15 + 32 reads a gzip or a zlib wrapper, -15 raw deflate (which some
// servers send for "deflate").
constexpr int kGzipOrZlibWindowBits = 15 + 32;
constexpr int kRawDeflateWindowBits = -15;

// "HTTP/1.1 200 OK" → 200; 0 when the line is no status line.
int StatusOf(std::string_view line) {
  if (!line.starts_with("HTTP/")) return 0;
  const size_t space = line.find(' ');
  if (space == std::string_view::npos || line.size() < space + 4) return 0;
  int status = 0;
  const char* digits = line.data() + space + 1;
  const auto [end, error] = std::from_chars(digits, digits + 3, status);
  return error == std::errc() && end == digits + 3 ? status : 0;
}

void ReadHeaderField(std::string_view line, HttpResponse& response) {
  const size_t colon = line.find(':');
  if (colon == std::string_view::npos) return;
  const std::string name = AsciiLower(TrimAsciiSpace(line.substr(0, colon)));
  const std::string_view value = TrimAsciiSpace(line.substr(colon + 1));
  if (name == "content-type") response.content_type = value;
  else if (name == "content-encoding") response.content_encoding = AsciiLower(value);
  else if (name == "transfer-encoding") response.transfer_encoding = AsciiLower(value);
}

// Reads one chunk-size line at `position`; nullopt when there is none.
std::optional<size_t> ChunkSize(std::string_view body, size_t& position) {
  const size_t end = body.find('\n', position);
  if (end == std::string_view::npos) return std::nullopt;
  std::string_view line = body.substr(position, end - position);
  line = TrimAsciiSpace(line.substr(0, line.find(';')));  // chunk extensions
  size_t size = 0;
  const auto [parsed, error] = std::from_chars(line.data(), line.data() + line.size(), size, 16);
  if (error != std::errc() || parsed != line.data() + line.size() || line.empty()) return std::nullopt;
  position = end + 1;
  return size;
}

// Chunked transfer coding undone; a body that does not start with a chunk size is returned as it
// is (stored decoded), and one that stops early keeps the chunks it has (as browsers do).
std::string Unchunked(std::string_view body) {
  std::string out;
  size_t position = 0;
  while (std::optional<size_t> size = ChunkSize(body, position)) {
    if (*size == 0) return out;
    out.append(body.substr(position, *size));
    if (*size >= body.size() - position) return out;
    position += *size;
    if (body.substr(position).starts_with("\r\n")) position += 2;
    else if (body.substr(position).starts_with("\n")) position += 1;
  }
  return position == 0 ? std::string(body) : out;
}

enum class InflateResult { kDone, kCorrupt, kTooLarge };

InflateResult Inflate(std::string_view data, int window_bits, size_t max_bytes, std::string& out) {
  z_stream stream{};
  if (inflateInit2(&stream, window_bits) != Z_OK) return InflateResult::kCorrupt;
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  stream.avail_in = static_cast<uInt>(data.size());
  int result = Z_OK;
  while (result == Z_OK) {
    if (out.size() >= max_bytes) {
      inflateEnd(&stream);
      return InflateResult::kTooLarge;
    }
    const size_t old_size = out.size();
    out.resize(old_size + kInflateChunk);
    stream.next_out = reinterpret_cast<Bytef*>(out.data() + old_size);
    stream.avail_out = static_cast<uInt>(kInflateChunk);
    result = inflate(&stream, Z_NO_FLUSH);
    out.resize(old_size + kInflateChunk - stream.avail_out);
  }
  inflateEnd(&stream);
  // a body cut short still gives the text before the cut
  const bool cut_short = result == Z_BUF_ERROR && stream.avail_in == 0 && !out.empty();
  return result == Z_STREAM_END || cut_short ? InflateResult::kDone : InflateResult::kCorrupt;
}

bool LooksGzip(std::string_view data) { return data.starts_with("\x1f\x8b"); }
// A zlib header: deflate method, and the header check bits make a multiple of 31.
bool LooksZlib(std::string_view data) {
  if (data.size() < 2) return false;
  const auto first = static_cast<unsigned char>(data[0]), second = static_cast<unsigned char>(data[1]);
  return (first & 0x0F) == 8 && (first * 256 + second) % 31 == 0;
}

}  // namespace

std::string MediaType(std::string_view content_type) {
  return AsciiLower(TrimAsciiSpace(content_type.substr(0, content_type.find(';'))));
}

std::optional<HttpResponse> ParseHttpResponse(std::string_view message) {
  const size_t crlf = message.find("\r\n\r\n");
  const size_t lf = message.substr(0, crlf).find("\n\n");  // only before a CRLF end: not through the body
  if (crlf == std::string_view::npos && lf == std::string_view::npos) return std::nullopt;
  const bool crlf_first = crlf != std::string_view::npos && (lf == std::string_view::npos || crlf < lf);
  const size_t header_end = crlf_first ? crlf : lf;
  HttpResponse response;
  response.body = message.substr(header_end + (crlf_first ? 4 : 2));
  const std::string_view header = message.substr(0, header_end);
  size_t start = 0;
  while (start <= header.size()) {
    size_t end = header.find('\n', start);
    if (end == std::string_view::npos) end = header.size();
    const std::string_view line = TrimAsciiSpace(header.substr(start, end - start));
    if (start == 0) response.status = StatusOf(line);
    else ReadHeaderField(line, response);
    start = end + 1;
  }
  if (response.status == 0) return std::nullopt;
  return response;
}

std::optional<std::string> DecodeHttpBody(const HttpResponse& response, size_t max_bytes, std::string& problem) {
  std::string body = response.transfer_encoding.find("chunked") != std::string::npos ? Unchunked(response.body)
                                                                                   : std::string(response.body);
  const std::string& coding = response.content_encoding;
  int window_bits = 0;
  if ((coding == "gzip" || coding == "x-gzip") && LooksGzip(body)) window_bits = kGzipOrZlibWindowBits;
  else if (coding == "deflate") window_bits = LooksZlib(body) ? kGzipOrZlibWindowBits : kRawDeflateWindowBits;
  else if (coding == "br" || coding == "compress" || coding == "zstd") {
    problem = "Content-Encoding " + coding + " is not supported; skipped";
    return std::nullopt;
  }
  if (window_bits == 0) {
    if (body.size() <= max_bytes) return body;
    problem = "body larger than the document limit; skipped";
    return std::nullopt;
  }
  std::string decoded;
  switch (Inflate(body, window_bits, max_bytes, decoded)) {
    case InflateResult::kDone: return decoded;
    case InflateResult::kTooLarge: problem = "body inflates beyond the document limit; skipped"; break;
    case InflateResult::kCorrupt: problem = "corrupt " + coding + " body; skipped"; break;
  }
  return std::nullopt;
}

}  // namespace lagebild
