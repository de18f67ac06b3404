// Near-duplicate stories (docs/schema.md "Stories"): the same article republished with other
// boilerplate or small edits. Each text gets a MinHash signature over its word 3-shingles
// (lower-cased letters and digits); locality-sensitive hashing in kBands bands of kRows values
// finds candidates, and a candidate whose estimated Jaccard similarity reaches kSameStory joins
// its story. With 16 bands of 4 rows, a pair at similarity 0.7 is a candidate with probability
// 0.998, one at 0.3 with 0.12. Shingle size and threshold were chosen with bench/dedup_eval
// (docs/schema.md "Stories").
#pragma once

#include <array>
#include <cstdint>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace lagebild {

inline constexpr size_t kMinHashes = 64;
inline constexpr size_t kBands = 16;
inline constexpr size_t kRows = kMinHashes / kBands;
inline constexpr double kSameStory = 0.5;

using MinHashSignature = std::array<uint32_t, kMinHashes>;

// The signature of a text; a text of fewer than five words is hashed as one shingle.
MinHashSignature SignatureOf(std::string_view text);
double EstimatedJaccard(const MinHashSignature& a, const MinHashSignature& b);
// One key per band: the rows of that band hashed together.
std::array<uint64_t, kBands> BandKeys(const MinHashSignature& signature);

// An in-memory index of signatures that assigns each added text a story: the story of the most
// similar earlier text at kSameStory or above, else a new one. (The store keeps the same index in
// its tables; this one serves evaluation and tests.)
class StoryIndex {
 public:
  // Returns the story number (0, 1, … in order of first appearance).
  size_t Add(const MinHashSignature& signature);

 private:
  std::vector<MinHashSignature> signatures_;
  std::vector<size_t> stories_;
  size_t story_count_ = 0;
  std::array<std::unordered_map<uint64_t, std::vector<size_t>>, kBands> buckets_;
};

}  // namespace lagebild
