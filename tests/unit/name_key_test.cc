#include "actors/name_key.h"

#include <gtest/gtest.h>

#include "resources/resource_image.h"
#include "test_support.h"

namespace lagebild {
namespace {

TEST(NameKeyTest, TransliterationVariantsShareAKey) {
  const NameKeyer keyer;
  const std::vector<std::vector<const char*>> groups = {
      {"Schoigu", "Shoigu", "Shoygu"},
      {"Selenskyj", "Zelensky", "Zelenskyy", "Zelenskiy"},
      {"Lawrow", "Lavrov", "Лавров"},
      {"Kim Jong-un", "Kim Jong Un", "KIM JONG UN"},
      {"Chamenei", "Khamenei"},
      {"Erdoğan", "Erdogan"},
      {"Netanjahu", "Netanyahu"},
      {"Lukaschenko", "Lukashenko"},
      {"Dmitri Peskow", "Dmitry Peskov", "Дмитрий Песков"},
      {"Iran\u2019s", "Iran's"},
  };
  for (const auto& group : groups) {
    for (const char* name : group) EXPECT_EQ(keyer.Key(name), keyer.Key(group[0])) << name << " vs " << group[0];
  }
  EXPECT_NE(keyer.Key("Putin"), keyer.Key("Pushkin"));
  EXPECT_NE(keyer.Key("Kim Jong-un"), keyer.Key("Kim Jong-il"));
}

// StemWordKey by its definition: the first of the endings that leaves four letters.
std::string StemByDefinition(std::string key) {
  for (std::string_view ending : {"es", "en", "er", "em", "e", "s", "n"}) {
    if (key.size() >= 4 + ending.size() && key.ends_with(ending)) return key.substr(0, key.size() - ending.size());
  }
  return key;
}

TEST(NameKeyTest, StemsAgreeWithTheDefinitionOnEveryShortKey) {
  std::vector<std::string> keys{""};
  for (size_t k = 0; k < keys.size() && keys[k].size() < 7; ++k) {
    for (const char c : {'a', 'e', 's', 'n', 'r', 'm'}) keys.push_back(keys[k] + c);
  }
  for (const std::string& key : keys) EXPECT_EQ(StemWordKey(key), StemByDefinition(key)) << key;
  EXPECT_EQ(StemWordKey("hauses"), "haus");
  EXPECT_EQ(StemWordKey("weisen"), "weis");
  EXPECT_EQ(StemWordKey("haus"), "haus");
}

// The Latin table path must give exactly what ICU gives, for every dictionary name and for the
// words of real text (RE2-style differential test of two implementations).
TEST(NameKeyTest, TablePathAgreesWithIcu) {
  const NameKeyer keyer;
  std::vector<std::string> inputs = {"Müller", "Œuvre", "Łódź", "Ærø", "ﬁnal", "Ｔｏｋｙｏ", "Straße", "Đorđe",
                                     "İstanbul", "Şişli", "Ğ", "ǅemal", "x\u00ADy", "a\u2013b", "O\u2019Brien", "½"};
  Status status;
  const auto image = ResourceImage::Open(LAGEBILD_TEST_IMAGE, status);
  ASSERT_NE(image, nullptr) << status.message();
  const std::string_view names = *image->Section("actors/names");
  for (size_t start = 0; start < names.size();) {
    size_t end = names.find('\n', start);
    if (end == std::string_view::npos) end = names.size();
    const std::string_view line = names.substr(start, end - start);
    inputs.emplace_back(line.substr(line.rfind('\t') + 1));
    start = end + 1;
  }
  const std::string sample = testing_support::ReadSourceFile("examples/kim-putin-de.txt");
  for (size_t start = 0; start < sample.size();) {
    size_t end = sample.find_first_of(" \n", start);
    if (end == std::string::npos) end = sample.size();
    inputs.push_back(sample.substr(start, end - start));
    start = end + 1;
  }
  ASSERT_GT(inputs.size(), 10000u);
  size_t mismatches = 0;
  for (const std::string& input : inputs) {
    if (keyer.Key(input) != keyer.KeyWithIcu(input) && ++mismatches <= 10) {
      ADD_FAILURE() << input << ": table " << keyer.Key(input) << ", ICU " << keyer.KeyWithIcu(input);
    }
  }
  EXPECT_EQ(mismatches, 0u);
}

}  // namespace
}  // namespace lagebild
