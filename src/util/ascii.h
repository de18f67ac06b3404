// ASCII-only helpers for protocol text (HTTP and WARC headers, charset labels, XML names), where
// Unicode case rules must not apply.
#pragma once

#include <cctype>
#include <string>
#include <string_view>

namespace lagebild {

// Without leading and trailing ASCII white space.
inline std::string_view TrimAsciiSpace(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
  return text;
}

// A copy with A–Z lower-cased; other bytes unchanged.
inline std::string AsciiLower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace lagebild
