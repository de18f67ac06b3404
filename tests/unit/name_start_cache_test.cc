#include "actors/name_start_cache.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>

#include "resources/static_string_set.h"

namespace lagebild {
namespace {

TEST(NameStartCacheTest, AnswersOnlyForTheWordKept) {
  NameStartCache cache;
  EXPECT_EQ(cache.Find("Putin", HashWord("Putin")), std::nullopt);
  cache.Keep("Putin", HashWord("Putin"), true);
  cache.Keep("Stocks", HashWord("Stocks"), false);
  EXPECT_EQ(cache.Find("Putin", HashWord("Putin")), true);
  EXPECT_EQ(cache.Find("Stocks", HashWord("Stocks")), false);
  // Another word in the same slot (the same hash given on purpose) is not taken for it.
  EXPECT_EQ(cache.Find("Putim", HashWord("Putin")), std::nullopt);
  EXPECT_EQ(cache.Find("Puti", HashWord("Putin")), std::nullopt);
  EXPECT_EQ(cache.Find("", HashWord("Putin")), std::nullopt);
}

TEST(NameStartCacheTest, ANewerWordTakesTheSlot) {
  NameStartCache cache;
  const uint64_t slot = 42;
  cache.Keep("Merkel", slot, true);
  cache.Keep("Markets", slot + NameStartCache::kSlots, false);
  EXPECT_EQ(cache.Find("Merkel", slot), std::nullopt);
  EXPECT_EQ(cache.Find("Markets", slot), false);
  cache.Clear();
  EXPECT_EQ(cache.Find("Markets", slot), std::nullopt);
}

TEST(NameStartCacheTest, LongWordsAreNotKept) {
  NameStartCache cache;
  const std::string longest(NameStartCache::kMaxWordBytes, 'a');
  const std::string longer(NameStartCache::kMaxWordBytes + 1, 'a');
  cache.Keep(longest, 7, true);
  EXPECT_EQ(cache.Find(longest, 7), true);
  cache.Keep(longer, 7, false);
  EXPECT_EQ(cache.Find(longer, 7), std::nullopt);
  EXPECT_EQ(cache.Find(longest, 7), true);
}

// What a word starts depends on the dictionary and on the language's rules (German strips a
// genitive -s: "Kims" starts "Kim Jong-un" only there): each thread keeps one cache per language,
// emptied for another dictionary.
// (Instance numbers no dictionary of the test process reaches.)
TEST(NameStartCacheTest, AThreadKeepsLanguagesAndDictionariesApart) {
  const uint64_t first = UINT64_MAX, second = UINT64_MAX - 1;
  const uint64_t hash = HashWord("Kims");
  NameStartCache::ForThread(first, false).Keep("Kims", hash, false);
  NameStartCache::ForThread(first, true).Keep("Kims", hash, true);
  EXPECT_EQ(NameStartCache::ForThread(first, false).Find("Kims", hash), false);
  EXPECT_EQ(NameStartCache::ForThread(first, true).Find("Kims", hash), true);
  EXPECT_EQ(NameStartCache::ForThread(second, false).Find("Kims", hash), std::nullopt);
  EXPECT_EQ(NameStartCache::ForThread(first, false).Find("Kims", hash), std::nullopt);  // emptied for `second`
}

}  // namespace
}  // namespace lagebild
