// What a stage works out from a word's surface alone, remembered across documents.
//
// Much of the per-token work of the stages depends on nothing but the word as written: its
// lower-case form, its name key, the lexicon entries it has. A news corpus repeats its words,
// so each stage that computes such facts keeps them in a SurfaceMemo and looks them up instead:
// one hash and one probe against hundreds of instructions of folding and look-ups.
//
// Memos are per thread (no locks) and per owner (a stage's resources: the time grammar of one
// language in one pipeline). A memo is cleared when it holds kMaxWords words, at the owner's
// next ForThisThread() call — which the owner makes only where it holds no references into the
// memo (at the start of a document or sentence). That bounds each memo to a few megabytes.
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "resources/flat_string_map.h"

namespace lagebild {

// A number that tells one owner of memos from every other in the process, never reused.
uint64_t NewSurfaceMemoOwner();

template <typename Facts>
class SurfaceMemo {
 public:
  static constexpr size_t kMaxWords = 50'000;
  // Owners whose facts are the same for every instance (a pure function of the surface).
  static constexpr uint64_t kAnyOwner = 0;

  struct Entry {
    std::string surface;
    Facts facts{};  // value-initialised for a new word; the owner fills them in
  };

  // The calling thread's memo for `owner`, cleared first if full.
  static SurfaceMemo& ForThisThread(uint64_t owner) {
    constexpr size_t kMaxOwners = 4;  // a pipeline has one or two per stage
    thread_local std::vector<std::pair<uint64_t, std::unique_ptr<SurfaceMemo>>> memos;
    SurfaceMemo* memo = nullptr;
    for (auto& [id, candidate] : memos) {
      if (id == owner) memo = candidate.get();
    }
    if (memo == nullptr) {
      if (memos.size() == kMaxOwners) memos.erase(memos.begin());
      memo = memos.emplace_back(owner, std::make_unique<SurfaceMemo>()).second.get();
    }
    if (memo->size() >= kMaxWords) *memo = SurfaceMemo();
    return *memo;
  }

  // The entry of `surface`, added with empty facts if new. References stay valid until the
  // owner's next ForThisThread() (elements of a deque do not move).
  Entry& Of(std::string_view surface) {
    if (auto found = index_.find(surface); found != index_.end()) return entries_[found->second];
    Entry& entry = entries_.emplace_back();
    entry.surface = std::string(surface);
    index_.try_emplace(entry.surface, static_cast<uint32_t>(entries_.size() - 1));
    return entry;
  }

  size_t size() const { return entries_.size(); }

 private:
  std::deque<Entry> entries_;
  FlatStringMap<std::string_view, uint32_t> index_;  // surface (pointing into entries_) → position
};

}  // namespace lagebild
