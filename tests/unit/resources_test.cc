#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>
#include <unordered_map>

#include "compile/image_writer.h"
#include "compile/word_list.h"
#include "resources/flat_string_map.h"
#include "resources/resource_image.h"
#include "resources/static_string_set.h"
#include "util/iso_date.h"

namespace lagebild {
namespace {

std::string TempPath(const std::string& name) {
  return (std::filesystem::temp_directory_path() / ("lagebild_test_" + std::to_string(::getpid()) + "_" + name)).string();
}

void WriteFile(const std::string& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
}

TEST(ResourceImageTest, RoundTripsSections) {
  const std::string path = TempPath("good.img");
  ImageWriter writer;
  writer.AddSection("a", "alpha");
  writer.AddSection("segment/de/b", std::string(1000, 'b'));
  ASSERT_TRUE(writer.Write(path).ok());
  Status status;
  auto image = ResourceImage::Open(path, status);
  ASSERT_NE(image, nullptr) << status.message();
  EXPECT_EQ(image->Section("a"), "alpha");
  EXPECT_EQ(image->Section("segment/de/b")->size(), 1000u);
  EXPECT_EQ(image->Section("missing"), std::nullopt);
  std::filesystem::remove(path);
}

TEST(ResourceImageTest, RefusesForeignTruncatedAndMissingFiles) {
  Status status;
  const std::string foreign = TempPath("foreign.img");
  WriteFile(foreign, std::string(100, 'x'));
  EXPECT_EQ(ResourceImage::Open(foreign, status), nullptr);
  EXPECT_NE(status.message().find("bad magic"), std::string::npos);

  const std::string truncated = TempPath("truncated.img");
  ImageWriter writer;
  writer.AddSection("a", std::string(64, 'a'));
  ASSERT_TRUE(writer.Write(truncated).ok());
  std::filesystem::resize_file(truncated, 80);
  EXPECT_EQ(ResourceImage::Open(truncated, status), nullptr);
  EXPECT_NE(status.message().find("truncated"), std::string::npos);

  EXPECT_EQ(ResourceImage::Open(TempPath("nope.img"), status), nullptr);
  EXPECT_NE(status.message().find("nope.img"), std::string::npos);
  std::filesystem::remove(foreign);
  std::filesystem::remove(truncated);
}

TEST(WordListTest, ErrorsNameFileAndLine) {
  const std::string path = TempPath("list.txt");
  std::vector<WordListEntry> entries;
  WriteFile(path, "# comment\nDr\nusw\tfinal\n\nDr\n");
  Status status = ReadWordList(path, {"final"}, entries);
  EXPECT_EQ(status.message(), path + ":5: 'Dr' is already listed on line 2");

  entries.clear();
  WriteFile(path, "Dr\nusw\tfinl\n");
  status = ReadWordList(path, {"final"}, entries);
  EXPECT_EQ(status.message(), path + ":2: unknown flag 'finl'");

  entries.clear();
  WriteFile(path, "Dr\nusw\tfinal\n");
  ASSERT_TRUE(ReadWordList(path, {"final"}, entries).ok());
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(entries[1].flags, std::vector<std::string>{"final"});
  std::filesystem::remove(path);
}

TEST(IsoDateTest, AcceptsRealDatesOnly) {
  EXPECT_EQ(ParseIsoDate("2023-09-05"), "2023-09-05");
  EXPECT_EQ(ParseIsoDate("2023-09-05T10:00:00+02:00"), "2023-09-05");
  EXPECT_EQ(ParseIsoDate("2024-02-29"), "2024-02-29");
  EXPECT_EQ(ParseIsoDate("2023-02-29"), std::nullopt);
  EXPECT_EQ(ParseIsoDate("2023-13-01"), std::nullopt);
  EXPECT_EQ(ParseIsoDate("2023-9-5"), std::nullopt);
  EXPECT_EQ(ParseIsoDate("2023-09-05x"), std::nullopt);
  EXPECT_EQ(ParseIsoDate(""), std::nullopt);
}

}  // namespace
}  // namespace lagebild

namespace lagebild {
namespace {

TEST(StaticStringSetTest, FindsEveryWordAndNothingElse) {
  std::vector<std::string> words;
  for (int i = 0; i < 5000; ++i) words.push_back("Wort" + std::to_string(i * 7));
  words.push_back("Bundesregierung");
  words.push_back("Ärztin");
  words.push_back("");
  const std::string section = BuildStringSet(words);
  Status status;
  const auto set = StaticStringSet::FromSection(section, status);
  ASSERT_TRUE(set) << status.message();
  EXPECT_EQ(set->size(), words.size());
  for (const std::string& word : words) EXPECT_TRUE(set->Contains(word)) << word;
  for (int i = 0; i < 5000; ++i) EXPECT_FALSE(set->Contains("Wort" + std::to_string(i * 7 + 1)));
  EXPECT_FALSE(set->Contains("Bundesregierun"));
  EXPECT_FALSE(set->Contains("Ärzti"));
}

// The control bytes answer first; damaged ones may hide words but never invent one, and every
// probe stays in bounds and ends.
TEST(StaticStringSetTest, DamagedControlBytesNeverInventWords) {
  std::vector<std::string> words;
  for (int i = 0; i < 100; ++i) words.push_back("Wort" + std::to_string(i));
  std::string section = BuildStringSet(words);
  uint32_t buckets;
  std::memcpy(&buckets, section.data() + 4, sizeof buckets);
  const size_t control = 16 + size_t{buckets} * 8;
  for (const char filler : {'\0', '\xff', '\x01'}) {
    std::string damaged = section;
    std::fill(damaged.begin() + control, damaged.begin() + control + buckets, filler);
    Status status;
    const auto set = StaticStringSet::FromSection(damaged, status);
    ASSERT_TRUE(set) << status.message();
    for (int i = 0; i < 200; ++i) EXPECT_FALSE(set->Contains("Fremd" + std::to_string(i)));
    if (filler == '\0') {
      EXPECT_FALSE(set->Contains("Wort1"));
    }
  }
  Status status;
  const auto set = StaticStringSet::FromSection(section, status);
  ASSERT_TRUE(set);
  for (const std::string& word : words) EXPECT_TRUE(set->Contains(word, HashWord(word))) << word;
}

TEST(StaticStringSetTest, MapGivesEachWordItsValue) {
  std::vector<std::string> words;
  std::vector<uint32_t> values;
  for (uint32_t i = 0; i < 3000; ++i) {
    words.push_back("ort" + std::to_string(i * 3));
    values.push_back(i * 11 + 5);
  }
  words.push_back("");
  values.push_back(7);
  const std::string section = BuildStringMap(words, values);
  Status status;
  const auto map = StaticStringSet::FromSection(section, status);
  ASSERT_TRUE(map) << status.message();
  EXPECT_TRUE(map->has_values());
  for (size_t i = 0; i < words.size(); ++i) {
    EXPECT_TRUE(map->Contains(words[i])) << words[i];
    EXPECT_EQ(map->Value(words[i], HashWord(words[i])), values[i]) << words[i];
  }
  EXPECT_EQ(map->Value("ort1", HashWord("ort1")), std::nullopt);
  EXPECT_EQ(map->Value("ort3001", HashWord("ort3001")), std::nullopt);
  // A set without values answers membership only.
  const auto set = StaticStringSet::FromSection(BuildStringSet(words), status);
  ASSERT_TRUE(set);
  EXPECT_FALSE(set->has_values());
  EXPECT_EQ(set->Value("ort3", HashWord("ort3")), std::nullopt);
  // A value cut off at the end of the blob is no value.
  std::string cut = BuildStringMap({"a"}, {1});
  cut.resize(cut.size() - 2);
  uint32_t blob_size;
  std::memcpy(&blob_size, cut.data() + 12, sizeof blob_size);
  blob_size -= 2;
  std::memcpy(cut.data() + 12, &blob_size, sizeof blob_size);
  const auto damaged = StaticStringSet::FromSection(cut, status);
  ASSERT_TRUE(damaged) << status.message();
  EXPECT_TRUE(damaged->Contains("a"));
  EXPECT_EQ(damaged->Value("a", HashWord("a")), std::nullopt);
}

TEST(StaticStringSetTest, DamagedSectionsAreRefused) {
  const std::string section = BuildStringSet({"a", "b"});
  Status status;
  EXPECT_FALSE(StaticStringSet::FromSection(section.substr(0, section.size() - 1), status));
  EXPECT_FALSE(StaticStringSet::FromSection("SSET", status));
  std::string bad_magic = section;
  bad_magic[0] = 'X';
  EXPECT_FALSE(StaticStringSet::FromSection(bad_magic, status));
  EXPECT_FALSE(StaticStringSet().Contains("a"));
}

// The flat map answers like std::unordered_map over random inserts and look-ups, across its
// rehashes, with words that share prefixes and hash bits of their neighbours.
TEST(FlatStringMapTest, AgreesWithUnorderedMap) {
  std::mt19937 random(20261129);
  std::uniform_int_distribution<int> number(0, 3000);
  FlatStringMap<std::string, int> flat;
  std::unordered_map<std::string, int> reference;
  for (int step = 0; step < 20000; ++step) {
    const std::string word = "w" + std::to_string(number(random));
    if (step % 3 == 0) {
      const auto [entry, inserted] = flat.try_emplace(word, step);
      EXPECT_EQ(inserted, reference.try_emplace(word, step).second) << word;
      EXPECT_EQ(entry->second, reference.at(word)) << word;
    } else {
      const auto found = flat.find(word);
      const auto expected = reference.find(word);
      ASSERT_EQ(found == flat.end(), expected == reference.end()) << word;
      if (found != flat.end()) {
        EXPECT_EQ(found->second, expected->second) << word;
      }
    }
  }
  EXPECT_EQ(flat.size(), reference.size());
  for (const auto& [word, value] : flat) EXPECT_EQ(reference.at(word), value);
  EXPECT_FALSE(flat.contains(""));
  flat[""] = 7;
  EXPECT_EQ(flat.find("")->second, 7);
  EXPECT_FALSE(FlatStringSet<std::string_view>().contains("a"));
}

}  // namespace
}  // namespace lagebild
