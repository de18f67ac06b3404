#include "clean/text_repair.h"

#include <gtest/gtest.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

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

TEST(IsPlainlyNfcTest, TellsCommonNewsTextWithoutIcu) {
  EXPECT_TRUE(IsPlainlyNfc("Z\u00FCrich \u2013 \u201EWort\u201C, 5\u00A0\u20AC \u2026 \u0141\u00F3d\u017A"));
  EXPECT_TRUE(IsPlainlyNfc(""));
  EXPECT_FALSE(IsPlainlyNfc("Zu\xCC\x88rich"));   // u + combining diaeresis
  EXPECT_FALSE(IsPlainlyNfc("\u2000"));            // en quad: NFC makes it U+2002
  EXPECT_FALSE(IsPlainlyNfc("\u041C\u043E\u0441\u043A\u0432\u0430"));  // Cyrillic: ICU decides
}

// The claim behind IsPlainlyNfc, checked against ICU for every code point it accepts up to
// U+20FF: each is its own NFC form and has a normalisation boundary before it, so no sequence of
// them can change under NFC.
TEST(IsPlainlyNfcTest, EveryCodePointItAcceptsIsStableUnderNfc) {
  UErrorCode error = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(error);
  ASSERT_TRUE(U_SUCCESS(error));
  size_t accepted = 0;
  for (UChar32 c = 1; c < 0x2100; ++c) {
    if (c >= 0xD800 && c < 0xE000) continue;
    std::string text;
    icu::UnicodeString(c).toUTF8String(text);
    if (!IsPlainlyNfc(text)) continue;
    ++accepted;
    EXPECT_TRUE(nfc->isNormalized(icu::UnicodeString(c), error)) << std::hex << c;
    EXPECT_TRUE(nfc->hasBoundaryBefore(c)) << std::hex << c;
  }
  EXPECT_GT(accepted, 0x300u);
}

// Runs of spaces are found eight bytes at a time: a run at every offset of a step and of the
// tail, and across two steps, collapses to one space; single spaces stay.
TEST(RepairTextTest, CollapsesSpaceRunsAtEveryOffset) {
  for (size_t length = 3; length <= 26; ++length) {
    for (size_t at = 1; at + 2 < length; ++at) {
      for (size_t run = 2; run <= 3 && at + run < length; ++run) {
        std::string text(length, 'x');
        text.replace(at, run, std::string(run, ' '));
        std::string expected = text;
        expected.replace(at, run, " ");
        std::vector<Diagnostic> warnings;
        ASSERT_EQ(RepairText(text, warnings), expected) << length << " " << at << " " << run;
        text[at + 1] = 'y';
        if (run == 3) text[at + 2] = 'y';
        ASSERT_EQ(RepairText(text, warnings), text) << length << " " << at << " " << run;
      }
    }
  }
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
