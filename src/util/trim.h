// Trimming white space (blank, tab, CR, LF, VT, FF) from both ends of a view.
#pragma once

#include <cctype>
#include <string_view>

namespace lagebild {

inline std::string_view TrimWhitespace(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
  return text;
}

}  // namespace lagebild
