// Structural invariants of tokens and sentences, on real text and on hostile input. The
// linguistic behaviour itself is specified in tests/golden/segment.
#include <gtest/gtest.h>

#include <random>

#include "resources/static_string_set.h"
#include "segment/char_class.h"
#include "segment/sentence_splitter.h"
#include "test_support.h"
#include "util/lower_case.h"

namespace lagebild {
namespace {

using testing_support::Analyse;

bool IsCodePointBoundary(const std::string& text, uint32_t offset) {
  return offset == text.size() || (static_cast<unsigned char>(text[offset]) & 0xC0) != 0x80;
}

// What later stages rely on when a token is marked plain: they skip looking for hyphens and
// digits, and for characters to fold.
void ExpectPlainWord(std::string_view lower) {
  for (size_t i = 0; i < lower.size(); ++i) {
    const auto byte = static_cast<unsigned char>(lower[i]);
    if (byte == 0xC3 && i + 1 < lower.size()) {
      ++i;
      continue;
    }
    ASSERT_TRUE(byte >= 'a' && byte <= 'z') << lower;
  }
}

void ExpectWellFormed(const Document& doc) {
  uint32_t previous_end = 0;
  for (const Token& token : doc.tokens) {
    ASSERT_LT(token.span.begin, token.span.end);
    ASSERT_LE(previous_end, token.span.begin);
    ASSERT_LE(token.span.end, doc.text.size());
    ASSERT_TRUE(IsCodePointBoundary(doc.text, token.span.begin));
    ASSERT_TRUE(IsCodePointBoundary(doc.text, token.span.end));
    const std::string_view surface = doc.Surface(token.span);
    ASSERT_EQ(surface.find_first_of(" \n"), std::string_view::npos) << surface;
    EXPECT_EQ(doc.Lower(token), LowerCase(surface));
    EXPECT_EQ(token.lower_hash, HashWord(LowerCase(surface))) << surface;
    if (token.plain_word) ExpectPlainWord(doc.Lower(token));
    EXPECT_EQ(token.capitalized, chars::IsUpper(chars::DecodeAt(surface, 0).c)) << surface;
    previous_end = token.span.end;
  }
  uint32_t next_token = 0;
  for (const Sentence& sentence : doc.sentences) {
    ASSERT_EQ(sentence.first_token, next_token);
    ASSERT_LT(sentence.first_token, sentence.last_token);
    ASSERT_LE(sentence.last_token - sentence.first_token, kMaxSentenceTokens);
    EXPECT_EQ(sentence.span.begin, doc.tokens[sentence.first_token].span.begin);
    EXPECT_EQ(sentence.span.end, doc.tokens[sentence.last_token - 1].span.end);
    const Span paragraph = doc.paragraphs[sentence.paragraph].span;
    EXPECT_LE(paragraph.begin, sentence.span.begin);
    EXPECT_LE(sentence.span.end, paragraph.end);
    next_token = sentence.last_token;
  }
  EXPECT_EQ(next_token, doc.tokens.size());
}

TEST(SegmenterTest, SampleArticleIsWellFormed) {
  const Document doc = Analyse(testing_support::ReadSourceFile("examples/kim-putin-de.txt"));
  EXPECT_EQ(doc.lang, "de");
  EXPECT_EQ(doc.sentences.size(), 58u);
  ExpectWellFormed(doc);
}

TEST(SegmenterTest, RandomBytesGiveWellFormedOutput) {
  std::mt19937 random(42);
  const std::string alphabet[] = {"a", "Z", " ", "\n", ".", "-", "'", "\u201E", "\u201C", "1", "9", "(", ")",
                                  "\u00E4", "\u2026", "?", "!", "@", "#", "U.S.", "Dr.", "\u4E2D", "\u0E01",
                                  "\xFF", "\xC3", "\u0301", "\U0001F600", "\u00C4", "\u1E9E", "\u212A", "\u0130"};
  for (int round = 0; round < 200; ++round) {
    std::string text;
    const int length = static_cast<int>(random() % 400);
    for (int i = 0; i < length; ++i) text += alphabet[random() % std::size(alphabet)];
    ExpectWellFormed(Analyse(text, round % 2 ? "de" : "en"));
  }
}

// "ẞ" lowers to the shorter "ß", the Kelvin sign to "k": the lower-case forms no longer share
// the text's offsets, and each token is folded on its own.
TEST(SegmenterTest, TokensAreFoldedWhereLowerCaseChangesTheLength) {
  const Document doc = Analyse("GROẞE Kälte: 300 \u212A in BERLIN.", "de");
  ExpectWellFormed(doc);
  ASSERT_GE(doc.tokens.size(), 7u);
  EXPECT_EQ(doc.Lower(doc.tokens[0]), "große");
  EXPECT_EQ(doc.Lower(doc.tokens[4]), "k");
  EXPECT_EQ(doc.Lower(doc.tokens[6]), "berlin");
}

TEST(SegmenterTest, PlainWordsAreMarked) {
  const Document doc = Analyse("Müller sagt: mid-September, 1990er, don't U.S. Haus.", "de");
  ExpectWellFormed(doc);
  std::vector<std::string> plain;
  for (const Token& token : doc.tokens) {
    if (token.plain_word) plain.emplace_back(doc.Surface(token.span));
  }
  EXPECT_EQ(plain, (std::vector<std::string>{"Müller", "sagt", "Haus"}));
}

TEST(SegmenterTest, EndlessSentenceIsCutAtTheLimit) {
  std::string text;
  for (int i = 0; i < 2000; ++i) text += i % 40 == 39 ? "wort, " : "wort ";
  const Document doc = Analyse(text, "de");
  ExpectWellFormed(doc);
  ASSERT_GT(doc.sentences.size(), 1u);
  EXPECT_TRUE(doc.sentences.front().forced_split);
  EXPECT_EQ(doc.Surface(doc.tokens[doc.sentences.front().last_token - 1].span), ",");
}

TEST(SegmenterTest, SpacelessScriptsAreSplitIntoWords) {
  const Document doc = Analyse("\u4E60\u8FD1\u5E73\u4F1A\u89C1\u666E\u4EAC\u3002", "en");
  ExpectWellFormed(doc);
  EXPECT_GT(doc.tokens.size(), 2u);
}

}  // namespace
}  // namespace lagebild
