// What the actor stage works out from a word's surface alone, remembered across documents.
//
// A word's name key and stem key (name_key.h) depend on nothing but its letters, yet every
// document computed them afresh for each capitalised word it looked up: about 900 instructions a
// word, 5-9 % of the pipeline. The memo keeps them per thread (no locks) for the documents the
// thread codes next; most of a news corpus's capitalised words recur. It is cleared between two
// documents when it holds kMaxWords words, which bounds its memory to a few megabytes.
#pragma once

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>

#include "resources/flat_string_map.h"

namespace lagebild {

class SurfaceMemo {
 public:
  struct Facts {
    std::string surface;
    std::string key;       // empty until computed (an empty key is recomputed, which is cheap)
    std::string stem_key;
    bool key_known = false;
    bool stem_key_known = false;
  };

  // The calling thread's memo, cleared first if it has grown to kMaxWords words. Call it once per
  // document, before holding references into it.
  static SurfaceMemo& ForThisThread();

  // The facts about `surface`, added empty if it is new. References stay valid until the next
  // ForThisThread() (elements of a deque do not move).
  Facts& Of(std::string_view surface);

  size_t size() const { return facts_.size(); }

  static constexpr size_t kMaxWords = 50'000;

 private:
  std::deque<Facts> facts_;
  FlatStringMap<std::string_view, uint32_t> index_;  // surface (pointing into facts_) → position
};

}  // namespace lagebild
