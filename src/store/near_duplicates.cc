#include "store/near_duplicates.h"

#include <xxhash.h>

#include <algorithm>
#include <cctype>
#include <limits>
#include <string>

#include "util/lower_case.h"

namespace lagebild {
namespace {

constexpr size_t kShingleWords = 3;

// The words of a text, lower-cased, of letters and digits (ASCII punctuation and spaces split;
// other bytes, such as UTF-8 letters, stay inside words).
std::vector<std::string> WordsOf(std::string_view text) {
  std::vector<std::string> words;
  std::string word;
  for (char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte >= 0x80 || std::isalnum(byte)) {
      word += c;
    } else if (!word.empty()) {
      words.push_back(LowerCase(word));
      word.clear();
    }
  }
  if (!word.empty()) words.push_back(LowerCase(word));
  return words;
}

}  // namespace

MinHashSignature SignatureOf(std::string_view text) {
  MinHashSignature signature;
  signature.fill(std::numeric_limits<uint32_t>::max());
  const std::vector<std::string> words = WordsOf(text);
  const size_t shingles = words.size() >= kShingleWords ? words.size() - kShingleWords + 1 : 1;
  std::string shingle;
  for (size_t i = 0; i < shingles; ++i) {
    shingle.clear();
    for (size_t w = i; w < std::min(words.size(), i + kShingleWords); ++w) (shingle += words[w]) += ' ';
    const uint64_t base = XXH3_64bits(shingle.data(), shingle.size());
    // kMinHashes hash functions from one: h_k(x) = h1(x) + k * h2(x) (Kirsch and Mitzenmacher)
    const auto first = static_cast<uint32_t>(base), second = static_cast<uint32_t>(base >> 32) | 1u;
    for (size_t k = 0; k < kMinHashes; ++k) {
      signature[k] = std::min(signature[k], static_cast<uint32_t>(first + k * second));
    }
  }
  return signature;
}

double EstimatedJaccard(const MinHashSignature& a, const MinHashSignature& b) {
  size_t same = 0;
  for (size_t k = 0; k < kMinHashes; ++k) same += a[k] == b[k] ? 1 : 0;
  return static_cast<double>(same) / kMinHashes;
}

std::array<uint64_t, kBands> BandKeys(const MinHashSignature& signature) {
  std::array<uint64_t, kBands> keys{};
  for (size_t band = 0; band < kBands; ++band) {
    keys[band] = XXH3_64bits_withSeed(&signature[band * kRows], kRows * sizeof(uint32_t), band);
  }
  return keys;
}

size_t StoryIndex::Add(const MinHashSignature& signature) {
  const std::array<uint64_t, kBands> keys = BandKeys(signature);
  double best = 0;
  size_t story = story_count_;
  for (size_t band = 0; band < kBands; ++band) {
    const auto found = buckets_[band].find(keys[band]);
    if (found == buckets_[band].end()) continue;
    for (size_t candidate : found->second) {
      const double similarity = EstimatedJaccard(signature, signatures_[candidate]);
      if (similarity >= kSameStory && similarity > best) {
        best = similarity;
        story = stories_[candidate];
      }
    }
  }
  if (story == story_count_) ++story_count_;
  const size_t index = signatures_.size();
  signatures_.push_back(signature);
  stories_.push_back(story);
  for (size_t band = 0; band < kBands; ++band) buckets_[band][keys[band]].push_back(index);
  return story;
}

}  // namespace lagebild
