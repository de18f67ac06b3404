// The filters and indexes that let a word's positions skip a list of strings.
#include "util/first_byte_index.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace lagebild {
namespace {

constexpr std::string_view kParts[] = {"sch", "ae", "tsch", "ue", "ck", "ph", "abend"};
constexpr auto kPart = [](std::string_view part) { return part; };

// Every word of up to five letters over the parts' letters, and every position in it.
std::vector<std::string> ShortWords() {
  std::vector<std::string> words{""};
  for (size_t k = 0; k < words.size() && words[k].size() < 5; ++k) {
    for (const char c : std::string_view("aschtuepkbnd")) words.push_back(words[k] + c);
  }
  return words;
}

// `max_share`: the most positions the filter may let through, as a share of all positions.
template <size_t Length>
void ExpectFilterNeverRulesOutAPart(double max_share) {
  constexpr PrefixFilter<Length> filter(kParts, kPart);
  size_t starts = 0, maybes = 0, positions = 0;
  for (const std::string& word : ShortWords()) {
    for (size_t at = 0; at < word.size(); ++at) {
      const bool part_starts = std::any_of(std::begin(kParts), std::end(kParts),
                                           [&](std::string_view part) { return std::string_view(word).substr(at).starts_with(part); });
      const bool maybe = filter.MayStartAt(word, at);
      if (part_starts) {
        EXPECT_TRUE(maybe) << word << " at " << at;
      }
      starts += part_starts;
      maybes += maybe;
      ++positions;
    }
  }
  EXPECT_GT(starts, 0u);
  // It filters: fewer positions pass than there are.
  EXPECT_LT(static_cast<double>(maybes), max_share * static_cast<double>(positions));
}

TEST(PrefixFilterTest, NeverRulesOutAPositionWherePartStarts) {
  ExpectFilterNeverRulesOutAPart<1>(0.6);   // six of the twelve letters start a part
  ExpectFilterNeverRulesOutAPart<2>(0.15);  // eight of the 144 letter pairs do
}

TEST(PrefixFilterTest, AnswersNoNearTheEndOfAWord) {
  constexpr PrefixFilter<2> filter(kParts, kPart);
  EXPECT_TRUE(filter.MayStartAt("haeuser", 1));
  EXPECT_FALSE(filter.MayStartAt("a", 0));  // no two bytes left
  EXPECT_FALSE(filter.MayStartAt("", 0));
}

// The rolling window asks `confirm` at exactly the positions MayStartAt passes, in order.
template <size_t Length>
void ExpectRollingScanAsksThePositionsMayStartAtPasses() {
  constexpr PrefixFilter<Length> filter(kParts, kPart);
  for (const std::string& word : ShortWords()) {
    std::vector<size_t> expected, asked;
    for (size_t at = 0; at < word.size(); ++at) {
      if (filter.MayStartAt(word, at)) expected.push_back(at);
    }
    EXPECT_FALSE(filter.AnyConfirmedStart(word, [&](size_t at) {
      asked.push_back(at);
      return false;
    }));
    EXPECT_EQ(asked, expected) << word;
  }
}

TEST(PrefixFilterTest, RollingScanAsksThePositionsMayStartAtPasses) {
  ExpectRollingScanAsksThePositionsMayStartAtPasses<1>();
  ExpectRollingScanAsksThePositionsMayStartAtPasses<2>();
  constexpr std::string_view kLongParts[] = {"sch", "tsch", "abend"};
  constexpr PrefixFilter<3> filter(kLongParts, kPart);
  const std::string_view word = "freitagabend";
  size_t found = 0;
  EXPECT_TRUE(filter.AnyConfirmedStart(word, [&](size_t at) {
    found = at;
    return word.substr(at).starts_with("abend");
  }));
  EXPECT_EQ(found, 7u);
}

TEST(IndexByFirstByteTest, ListsTheEntriesStartingWithEachByte) {
  constexpr auto index = IndexByFirstByte(kParts, kPart);
  EXPECT_TRUE(IsListedWord("tsch", kParts, index));
  EXPECT_TRUE(IsListedWord("abend", kParts, index));
  EXPECT_FALSE(IsListedWord("abends", kParts, index));
  EXPECT_FALSE(IsListedWord("", kParts, index));
  EXPECT_EQ(index['a'], (1u << 1) | (1u << 6));
}

}  // namespace
}  // namespace lagebild
