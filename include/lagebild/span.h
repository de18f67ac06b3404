// Byte spans into a document's immutable text.
//
// Invariant: for a span s over text t, `t.substr(s.begin, s.end - s.begin)` is the surface form,
// and s.begin <= s.end <= t.size(). Offsets are bytes of UTF-8, never characters, and always fall
// on code point boundaries.
#pragma once

#include <cstdint>
#include <string_view>

namespace lagebild {

struct Span {
  uint32_t begin = 0;
  uint32_t end = 0;

  uint32_t size() const { return end - begin; }
  bool empty() const { return begin == end; }
  std::string_view In(std::string_view text) const { return text.substr(begin, end - begin); }
  friend bool operator==(const Span&, const Span&) = default;
};

}  // namespace lagebild
