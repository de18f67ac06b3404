#include "read/charset.h"
#include "util/ascii.h"

#include <simdjson.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <utility>

namespace lagebild {
namespace {

// How far into a page browsers look for a <meta> charset declaration (WHATWG prescan).
constexpr size_t kPrescanBytes = 1024;

constexpr std::array<std::pair<std::string_view, std::string_view>, 6> kBrowserLabels = {{
    {"iso-8859-1", "windows-1252"}, {"iso8859-1", "windows-1252"}, {"latin1", "windows-1252"},
    {"l1", "windows-1252"}, {"us-ascii", "windows-1252"}, {"ascii", "windows-1252"},
}};

bool IsLabelChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.' || c == ':';
}

// The label after "charset" at `position` in lower-case `text` ("charset = 'utf-8'").
std::string LabelAfter(std::string_view text, size_t position) {
  position += std::string_view("charset").size();
  while (position < text.size() && (text[position] == ' ' || text[position] == '=' || text[position] == '"' ||
                                    text[position] == '\'')) {
    ++position;
  }
  size_t end = position;
  while (end < text.size() && IsLabelChar(text[end])) ++end;
  return std::string(text.substr(position, end - position));
}

}  // namespace

std::string CharsetOfContentType(std::string_view content_type) {
  const std::string lower = AsciiLower(content_type);
  const size_t at = lower.find("charset");
  return at == std::string::npos ? std::string() : LabelAfter(lower, at);
}

std::string DeclaredHtmlCharset(std::string_view html) {
  const std::string lower = AsciiLower(html.substr(0, kPrescanBytes));
  for (size_t meta = lower.find("<meta"); meta != std::string::npos; meta = lower.find("<meta", meta + 1)) {
    const size_t end = std::min(lower.find('>', meta), lower.size());
    const size_t at = lower.substr(0, end).find("charset", meta);
    if (at == std::string::npos) continue;
    std::string label = LabelAfter(lower.substr(0, end), at);
    // a page that says UTF-16 in ASCII bytes cannot be UTF-16 (WHATWG)
    if (label.starts_with("utf-16")) label = "utf-8";
    if (!label.empty()) return label;
  }
  return {};
}

bool RecodeToUtf8(std::string_view label, std::string& text) {
  std::string name = AsciiLower(label);
  if (name.empty() || name == "utf-8" || name == "utf8") return true;
  // Pages declare Latin-1 and are UTF-8 more often than Latin-1 text happens to be valid UTF-8.
  if (simdjson::validate_utf8(text.data(), text.size())) return true;
  for (const auto& [alias, charset] : kBrowserLabels) {
    if (name == alias) name = charset;
  }
  icu::UnicodeString decoded(text.data(), static_cast<int32_t>(text.size()), name.c_str());
  if (decoded.isBogus()) return false;
  std::string converted;
  decoded.toUTF8String(converted);
  text = std::move(converted);
  return true;
}

}  // namespace lagebild
