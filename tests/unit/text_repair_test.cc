#include "clean/text_repair.h"

#include <gtest/gtest.h>

namespace lagebild {
namespace {

struct RepairCase {
  const char* name;
  std::string input;
  std::string expected;
  size_t warnings;
};

class RepairTextTest : public testing::TestWithParam<RepairCase> {};

TEST_P(RepairTextTest, RepairsAndNormalises) {
  const RepairCase& test = GetParam();
  std::vector<Diagnostic> warnings;
  EXPECT_EQ(RepairText(test.input, warnings), test.expected);
  EXPECT_EQ(warnings.size(), test.warnings);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, RepairTextTest,
    testing::Values(
        RepairCase{"plain", "Kim reist nach Moskau.", "Kim reist nach Moskau.", 0},
        RepairCase{"invalid_utf8_replaced", "Gr\xC3\xBC\xFF\xC3 x", "Grü\uFFFD\uFFFD x", 1},
        RepairCase{"windows1252", "Gr\xFC\xDF" "e aus K\xF6ln", "Grüße aus Köln", 1},
        RepairCase{"utf16le_bom", std::string("\xFF\xFE" "K\0i\0m\0", 8), "Kim", 1},
        RepairCase{"crlf_and_cr", "a\r\nb\rc", "a\nb\nc", 0},
        RepairCase{"space_variants", "9\u00A0000\u202FEuro\tjetzt", "9 000 Euro jetzt", 0},
        RepairCase{"invisible_removed", "Bundes\u00ADkanzler\u200B \uFEFFOlaf", "Bundeskanzler Olaf", 0},
        RepairCase{"controls_removed", "a\x01\x02" "b\x7F", "ab", 0},
        RepairCase{"nfc", "Pjo\u0308ngjang", "Pjöngjang", 0},
        RepairCase{"blank_lines_collapse", "\n\n  Titel  \n\n\n\nText   mit  Raum.  \n\n", "Titel\n\nText mit Raum.", 0},
        RepairCase{"paragraph_separator", "eins\u2029zwei", "eins\n\nzwei", 0},
        RepairCase{"indent_starts_paragraph", "Title\n    First para\ncontinues here.\n    Second para\nmore.",
                   "Title\n\nFirst para\ncontinues here.\n\nSecond para\nmore.", 0},
        RepairCase{"indented_everywhere_is_not_paragraphs", "  a\n  b\n  c", "a\nb\nc", 0}),
    [](const testing::TestParamInfo<RepairCase>& info) { return info.param.name; });

TEST(LooksBinaryTest, NulOrManyControlsAreBinary) {
  EXPECT_TRUE(LooksBinary(std::string("PK\x03\x04\0\0", 6)));
  EXPECT_TRUE(LooksBinary("\x01\x02\x03\x04\x05\x06 abc"));
  EXPECT_FALSE(LooksBinary("Ganz normaler Text.\n"));
  EXPECT_FALSE(LooksBinary(std::string("\xFF\xFE" "K\0", 4)));
}

TEST(RepairTextTest, OutputIsAlwaysValidUtf8) {
  std::string junk;
  for (int i = 0; i < 4096; ++i) junk.push_back(static_cast<char>((i * 7919) % 256));
  std::vector<Diagnostic> warnings;
  const std::string repaired = RepairText(junk, warnings);
  std::vector<Diagnostic> again;
  EXPECT_EQ(RepairText(repaired, again), repaired);
  EXPECT_TRUE(again.empty());
}

}  // namespace
}  // namespace lagebild
