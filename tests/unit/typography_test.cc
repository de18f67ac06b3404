#include "segment/typography.h"

#include <gtest/gtest.h>
#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
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

// Text that HasNothingToFold passes is its own folded form, so callers may skip the fold.
TEST(FoldTypographyTest, TextWithNothingToFoldIsItsOwnFold) {
  for (const char* text : {"Iran's", "US-Beamte", "New York", "", "\"quoted\"", "M\u00FCller", "\u00D6sterreich", "Gr\u00FC\u00DFe"}) {
    EXPECT_TRUE(HasNothingToFold(text)) << text;
    EXPECT_EQ(FoldTypography(text), text);
  }
  for (const char* text : {"Iran`s", "Iran\u2019s", "\uFB01nal", "e\u0301", "\u00E9\u0301", "\u00AB", "\u00B4", "\xC3"}) {
    EXPECT_FALSE(HasNothingToFold(text)) << text;
  }
  EXPECT_EQ(FoldTypography("Iran`s"), "Iran's");
}

// The claim behind the Latin-1 fast path, checked against ICU: every code point U+00C0–U+00FF is
// its own NFKC form, alone and between letters.
TEST(FoldTypographyTest, LatinOneLettersAreTheirOwnNfkcForm) {
  UErrorCode error = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(error);
  ASSERT_TRUE(U_SUCCESS(error));
  for (UChar32 c = 0xC0; c <= 0xFF; ++c) {
    std::string text = "a";
    icu::UnicodeString(c).toUTF8String(text);
    text += "b";
    ASSERT_TRUE(HasNothingToFold(text)) << text;
    std::string normalized;
    icu::StringByteSink<std::string> sink(&normalized);
    nfkc->normalizeUTF8(0, text, sink, nullptr, error);
    ASSERT_TRUE(U_SUCCESS(error));
    EXPECT_EQ(normalized, text) << std::hex << c;
  }
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

// Every byte value at every position of an eight-byte step and of the tail, counted against a
// byte-by-byte count.
TEST(LowerCaseTest, CountsAsciiLettersOfEveryByteAtEveryPosition) {
  for (size_t length : {1u, 7u, 8u, 9u, 16u, 19u, 2047u, 2049u}) {
    for (size_t at = 0; at < length; at += length > 64 ? 61 : 1) {  // long texts: lanes past 255
      for (int byte = 0; byte < 256; ++byte) {
        std::string text(length, 'q');
        text[(at * 5) % length] = 'Q';
        text[at] = static_cast<char>(byte);
        size_t upper = 0, lower = 0;
        for (const char c : text) {
          upper += c >= 'A' && c <= 'Z';
          lower += c >= 'a' && c <= 'z';
        }
        const AsciiLetterCounts counts = CountAsciiLetters(text);
        ASSERT_EQ(counts.upper, upper) << length << " " << at << " " << byte;
        ASSERT_EQ(counts.lower, lower) << length << " " << at << " " << byte;
      }
    }
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
