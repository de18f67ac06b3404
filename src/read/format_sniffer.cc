#include "read/format_sniffer.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

#include "read/byte_source.h"
#include "read/gzip_stream.h"

namespace lagebild {
namespace {

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

std::string LowerAscii(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

constexpr std::array<std::string_view, 8> kHtmlMarkers = {
    "<!doctype html", "<html", "<head", "<body", "<p>", "<p ", "<div", "<article"};

constexpr std::string_view kWarcVersion = "WARC/1.";

// "WARC/1." at the start, or at the start of what the gzip data there decompresses to.
bool StartsWarc(std::string_view head) {
  if (head.starts_with(kWarcVersion)) return true;
  if (!head.starts_with("\x1f\x8b")) return false;
  GzipStream stream(MakeMemorySource(std::string(head)), {});
  std::array<char, kWarcVersion.size()> start{};
  size_t got = 0;
  while (got < start.size()) {
    const size_t step = stream.Read(std::span<char>(start.data() + got, start.size() - got));
    if (step == 0) break;
    got += step;
  }
  return std::string_view(start.data(), got) == kWarcVersion;
}

}  // namespace

InputFormat FormatFromFileName(std::string_view path) {
  const std::string lower = LowerAscii(path);
  if (EndsWith(lower, ".html") || EndsWith(lower, ".htm") || EndsWith(lower, ".xhtml")) {
    return InputFormat::kHtml;
  }
  if (EndsWith(lower, ".jsonl") || EndsWith(lower, ".ndjson") || EndsWith(lower, ".json")) {
    return InputFormat::kJsonl;
  }
  if (EndsWith(lower, ".txt") || EndsWith(lower, ".text")) return InputFormat::kText;
  if (EndsWith(lower, ".rss") || EndsWith(lower, ".atom")) return InputFormat::kFeed;
  if (EndsWith(lower, ".warc") || EndsWith(lower, ".warc.gz")) return InputFormat::kWarc;
  return InputFormat::kAuto;
}

InputFormat FormatFromContent(std::string_view head) {
  if (StartsWarc(head)) return InputFormat::kWarc;
  size_t start = 0;
  if (head.substr(0, 3) == "\xEF\xBB\xBF") start = 3;
  while (start < head.size() && std::isspace(static_cast<unsigned char>(head[start]))) ++start;
  if (start >= head.size()) return InputFormat::kText;
  if (head[start] == '{') return InputFormat::kJsonl;
  if (head[start] == '<') {
    const std::string lower = LowerAscii(head.substr(start, 4096));
    // an XML feed, whose items may hold HTML in CDATA: before the HTML markers
    for (std::string_view marker : {"<rss", "<feed", "<rdf:rdf"}) {
      if (lower.find(marker) != std::string::npos) return InputFormat::kFeed;
    }
    for (std::string_view marker : kHtmlMarkers) {
      if (lower.find(marker) != std::string::npos) return InputFormat::kHtml;
    }
  }
  return InputFormat::kText;
}

}  // namespace lagebild
