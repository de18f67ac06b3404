#include "segment/typography.h"

#include <gtest/gtest.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "util/lower_case.h"

namespace lagebild {
namespace {

TEST(FoldTypographyTest, FoldsVariantsToOnePlainForm) {
  const std::pair<const char*, const char*> cases[] = {
      {"Iran\u2019s", "Iran's"},
      {"Iran`s", "Iran's"},
      {"\u201EWir\u201C", "\"Wir\""},
      {"\u00BBJa\u00AB", "\"Ja\""},
      {"US\u2010Beamte", "US-Beamte"},
      {"1990\u20132000", "1990-2000"},
      {"\u2212" "5", "-5"},
      {"Herr \u2026 ernst", "Herr ... ernst"},
      {"\uFB01nal", "final"},
      {"\uFF35\uFF33", "US"},
      {"Pj\u00F6ngjang", "Pj\u00F6ngjang"},
      {"plain ASCII", "plain ASCII"},
  };
  for (const auto& [input, expected] : cases) EXPECT_EQ(FoldTypography(input), expected) << input;
}

std::string Utf8(UChar32 c) {
  std::string out;
  icu::UnicodeString(c).toUTF8String(out);
  return out;
}

// Both paths (ASCII by hand, the rest through ICU) must give ICU's simple case mapping.
TEST(LowerCaseTest, AgreesWithIcuOnEveryCodePointOfTheFirstBlocks) {
  for (UChar32 c = 0; c < 0x1100; ++c) EXPECT_EQ(LowerCase(Utf8(c)), Utf8(u_tolower(c))) << std::hex << c;
  EXPECT_EQ(LowerCase("\u00C4RGER \u00DCBER \u00D7"), "\u00E4rger \u00FCber \u00D7");
}

TEST(LowerCaseTest, KeepsOffsetsWhereEveryCodePointKeepsItsLength) {
  std::string out;
  const std::string text = "Der US-Pr\u00E4sident TRAF \u00C4MTER in \u0110AKOVO, 2023 \xFF ok und ein langer ASCII-Block danach";
  ASSERT_TRUE(LowerCaseKeepingOffsets(text, out));
  EXPECT_EQ(out, LowerCase(text));
  for (const char* shifting : {"GRO\u1E9EE", "300 \u212A", "\u023A"}) {
    EXPECT_FALSE(LowerCaseKeepingOffsets(shifting, out)) << shifting;
  }
}

// Text that IsPlainAscii passes is its own folded form, so callers may skip the fold.
TEST(FoldTypographyTest, PlainAsciiIsItsOwnFold) {
  for (const char* text : {"Iran's", "US-Beamte", "New York", "", "\"quoted\""}) {
    EXPECT_TRUE(IsPlainAscii(text)) << text;
    EXPECT_EQ(FoldTypography(text), text);
  }
  for (const char* text : {"Iran`s", "Iran\u2019s", "M\u00FCller", "\uFB01nal"}) {
    EXPECT_FALSE(IsPlainAscii(text)) << text;
  }
  EXPECT_EQ(FoldTypography("Iran`s"), "Iran's");
}

// The whole-text path lowers eight ASCII bytes at a time: every byte value, at every position of
// such a block, and the bytes around 'A' and 'Z' above all, must come out as LowerCase has them.
TEST(LowerCaseTest, KeepingOffsetsLowersEveryAsciiByteAtEveryPosition) {
  std::string all_ascii;
  for (int c = 1; c < 0x80; ++c) all_ascii.push_back(static_cast<char>(c));
  for (size_t shift = 0; shift < 8; ++shift) {
    const std::string text = std::string(shift, 'Q') + all_ascii + "@AZ[`az{";
    std::string out;
    ASSERT_TRUE(LowerCaseKeepingOffsets(text, out));
    EXPECT_EQ(out, LowerCase(text)) << "shift " << shift;
  }
}

TEST(LowerCaseTest, AppendsAfterWhatIsThere) {
  std::string out = "Keep ";
  AppendLowerCase("ASCII Only-42", out);
  EXPECT_EQ(out, "Keep ascii only-42");
  AppendLowerCase(" \u00C4RGER", out);
  EXPECT_EQ(out, "Keep ascii only-42 \u00E4rger");
}

TEST(LowerCaseTest, MalformedBytesAreKept) {
  EXPECT_EQ(LowerCase("\xC3"), "\xC3");
  EXPECT_EQ(LowerCase("\xC3" "A"), "\xC3" "a");
  EXPECT_EQ(LowerCase("A\xFF" "B"), "a\xFF" "b");
}

}  // namespace
}  // namespace lagebild
