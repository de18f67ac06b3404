// The function-word first look of language identification: what it decides on its own, what it
// leaves to CLD2, and that where it decides, CLD2 agrees.
#include <gtest/gtest.h>

#include <optional>
#include <string>

#include "langid/function_words.h"
#include "langid/language_identifier.h"

namespace lagebild {
namespace {

struct Case {
  const char* what;
  const char* text;
  std::optional<ClearLanguage> expected;
};

const Case kCases[] = {
    {"English wire copy", "The minister said on Tuesday that the government would not change its plans for the budget.",
     ClearLanguage::kEnglish},
    {"English with names and numbers", "MOSCOW, April 13 - U.S. Secretary of State George Shultz arrived for talks with Soviet leaders.",
     ClearLanguage::kEnglish},
    {"German news", "Der Minister sagte am Dienstag, die Regierung werde ihre Pläne für den Haushalt nicht ändern.",
     ClearLanguage::kGerman},
    {"German with a capital umlaut", "Über die Lieferung von Munition wurde bei dem Treffen noch nicht gesprochen.",
     ClearLanguage::kGerman},
    {"a table", "Shr 18 cts vs 13 cts Net 1,541,000 vs 1,122,000 Sales 39.7 mln vs 33.5 mln", std::nullopt},
    {"French", "Le ministre a déclaré mardi que le gouvernement ne changerait pas ses plans pour le budget.", std::nullopt},
    {"Dutch", "De minister zei dinsdag dat de regering haar plannen voor de begroting niet zal wijzigen.", std::nullopt},
    {"Afrikaans", "Die minister het Dinsdag gesê dat die regering nie sy planne vir die begroting sal verander nie.",
     std::nullopt},
    {"Russian", "Министр заявил во вторник, что правительство не изменит свои планы в отношении бюджета.", std::nullopt},
    {"German and English mixed",
     "Der Minister sagte, the government would not change its plans, und die Regierung bleibe bei ihren Plänen.",
     std::nullopt},
    {"too short", "The minister said so.", std::nullopt},
};

constexpr uint32_t kMinWords = 8;

TEST(FunctionWordsTest, DecidesOnlyClearRunningText) {
  for (const Case& c : kCases) {
    EXPECT_EQ(ClearLanguageOf(CountFunctionWords(c.text), kMinWords), c.expected) << c.what;
  }
}

// Where the function words decide, CLD2 reading the same text decides the same.
TEST(FunctionWordsTest, AgreesWithCld2WhereItDecides) {
  for (const Case& c : kCases) {
    if (!c.expected) continue;
    EXPECT_EQ(LanguageIdentifier::Detect(c.text), *c.expected == ClearLanguage::kGerman ? "de" : "en") << c.what;
  }
}

// Short wire paragraphs full of names and figures are not clear on their own, but nothing in
// them speaks against the document's language.
TEST(FunctionWordsTest, TerseParagraphIsConsistentOnlyWithItsLanguage) {
  const FunctionWordCounts terse = CountFunctionWords(
      "DETROIT, June 2 - Acme Precision Products Inc said Ford Motor Co bought its Michigan plant, Acme Tooling "
      "Corp, in Flint last month");
  EXPECT_EQ(ClearLanguageOf(terse, kMinWords), std::nullopt);
  EXPECT_TRUE(ConsistentWith(terse, ClearLanguage::kEnglish));
  EXPECT_FALSE(ConsistentWith(terse, ClearLanguage::kGerman));
  // French writes "on" too, but one kind of function word is not enough.
  EXPECT_FALSE(ConsistentWith(CountFunctionWords("On ne sait pas encore si le gouvernement changera ses plans pour le budget."),
                              ClearLanguage::kEnglish));
  // One function word of the other language is.
  EXPECT_FALSE(ConsistentWith(CountFunctionWords("Acme Precision said it sold the plant und Ford Motor bought it"),
                              ClearLanguage::kEnglish));
}

TEST(FunctionWordsTest, CountsWordsAndNonAsciiLetters) {
  const FunctionWordCounts counts = CountFunctionWords("Für die USA, 2023: the end.");
  EXPECT_EQ(counts.words, 5u);  // Für die USA the end — and no word in "2023"
  EXPECT_EQ(counts.german, 2u);
  EXPECT_EQ(counts.english, 1u);
  EXPECT_EQ(counts.non_ascii_bytes, 2u);
}

TEST(FunctionWordsTest, NeverReadsPastTheText) {
  const std::string text = "und der";
  const FunctionWordCounts counts = CountFunctionWords(std::string_view(text).substr(0, 5));  // "und d"
  EXPECT_EQ(counts.words, 2u);
  EXPECT_EQ(counts.german, 1u);
}

}  // namespace
}  // namespace lagebild
