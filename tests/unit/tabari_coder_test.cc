// The TABARI-compatible coder (src/compat/tabari_coder.h): one small dictionary written for these
// tests and a table of sentences with the events TABARI's rules give them. The validation suite
// in ../shared/data is run as a whole at the end.
#include <gtest/gtest.h>

#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "compat/tabari_coder.h"
#include "compat/tabari_dictionary.h"
#include "compat/tabari_lexicon.h"
#include "compat/tabari_options.h"
#include "compat/tabari_sentence.h"
#include "compat/tabari_validation.h"

namespace lagebild::tabari {
namespace {

constexpr char kActors[] =
    "<NOUN>\nTALKS_\n</NOUN>\n"
    "<ADJECTIVE>\nNEIGHBOURING\n</ADJECTIVE>\n"
    "NORLAND [NOR]\n"
    "SUDLAND [SUD]\n"
    "+SOUTHLAND=\n"
    "WESTMARK [WST]\n"
    "EASTMARK [EST]\n"
    "HARBOUR CITY [NORCAP]\n"
    "OLD_KING [NORGOV <990101] [NORELI]\n"
    "BENELAND [BEN/LUX]\n"
    "FOOTBALL [###]\n"
    "GRAND_DUCHY [+++]\n";

constexpr char kAgents[] =
    "PRESIDENT_ [~GOVPRS]\n"
    "REBELS_ [~REB]\n";

constexpr char kVerbs[] =
    "<SYNSETS>\n&MONEY\n+DOLLAR\n+SWISS_FRANC\n</SYNSETS>\n"
    "ACCUSE [112]\n"
    "ATTACK [190]\n"
    "- $ WITH ^ * [191]\n"
    "MEET [040:040]\n"
    "- % * [043]\n"
    "LEND [070]\n"
    "- * &MONEY [071]\n"
    "- * { TROOPS | ARMED FORCES } TO + [072]\n"
    "SAID [010?]\n"
    "WARN [130]\n"
    "- * AGAINST_ [131]\n"
    "HOLD [---]\n"
    "- * TALKS [040]\n"
    "VISIT [042:043]\n";

// The built dictionary, lexicon and coder, shared by the cases.
class TabariCoderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ParseActors(kActors, "test.actors", dictionary_);
    ParseAgents(kAgents, "test.agents", dictionary_);
    ParseVerbs(kVerbs, "test.verbs", dictionary_);
    ASSERT_TRUE(dictionary_.problems.empty()) << dictionary_.problems[0];
    lexicon_ = std::make_unique<Lexicon>(dictionary_, problems_);
    ASSERT_TRUE(problems_.empty()) << problems_[0];
    options_.minimum_words = 3;
  }

  // "NOR/SUD/112 SUD/NOR/040" in coding order, or "complex", "discarded".
  std::string Code(std::string_view sentence, int32_t date = 20230101) const {
    const CodingResult result = Coder(*lexicon_, options_).Code(sentence, date);
    if (result.complex) return "complex";
    if (result.discarded) return "discarded";
    std::string out;
    for (const CodedEvent& event : result.events) {
      out += (out.empty() ? "" : " ") + event.source + "/" + event.target + "/" + event.code;
    }
    return out;
  }

  Dictionary dictionary_;
  std::vector<std::string> problems_;
  std::unique_ptr<Lexicon> lexicon_;
  Options options_;
};

struct Case {
  const char* sentence;
  const char* events;
  const char* why;
};

TEST_F(TabariCoderTest, SentencesCodeAsTabariWould) {
  const Case cases[] = {
      {"Norland accused Sudland of lying on Monday.", "NOR/SUD/112", "root code, stem with ending"},
      {"Norland on Monday accused Southlands of lying.", "", "SOUTHLAND= takes no ending"},
      {"The Norland president accused Sudland of lying.", "NORGOVPRS/SUD/112", "agent after its actor"},
      {"Rebels of Westmark accused Sudland of lying.", "WSTREB/SUD/112", "agent OF actor"},
      {"Norland and Westmark accused Sudland of lying.", "NOR/SUD/112 WST/SUD/112", "compound source"},
      {"Sudland was accused by Norland of lying again.", "NOR/SUD/112", "passive voice"},
      {"Norland meets with Sudland in the capital on Friday.", "NOR/SUD/040 SUD/NOR/040", "paired code"},
      {"Westmark and Eastmark will meet in the capital soon.", "WST/EST/043 EST/WST/043", "% takes the compound"},
      {"Norland lends two million dollars to Sudland.", "NOR/SUD/070", "one-word synset member is exact"},
      {"Norland lends a million Swiss francs to Sudland.", "NOR/SUD/071", "longer synset members keep stems"},
      {"Norland lends armed forces to Westmark for Sudland.", "NOR/WST/072", "alternative then + slot"},
      {"Norland with Westmark attacked Sudland last night.", "NOR/SUD/191", "^ skips the nearer actor"},
      {"Norland warned against Sudland yesterday in a speech.", "NOR/SUD/131", "exact pattern word"},
      {"Norland held talks with Sudland about the border.", "", "a noun blocks the verb's pattern"},
      {"Norland held long negotiations with Sudland on Friday.", "", "null-coded root without a pattern match"},
      {"Norland said it accused Sudland of lying.", "NOR/SUD/112", "subordinate SAID gives way"},
      {"Norland said Sudland was a difficult partner.", "NOR/SUD/010", "subordinate SAID alone"},
      {"Norland, the northern neighbour of Westmark, accused Sudland.", "NOR/SUD/112", "comma clause removed"},
      {"Norland accused Sudland and then Westmark visited Eastmark.", "NOR/SUD/112 WST/EST/042 EST/WST/043",
       "a clause after AND with its own source"},
      {"Harbour City accused Sudland of lying on Monday.", "NORCAP/SUD/112", "two-word actor"},
      {"Beneland accused Sudland of lying on Monday.", "BEN/SUD/112 LUX/SUD/112", "coded compound actor"},
      {"Norland accused the Football federation of lying.", "discarded", "discard code"},
      {"Norland accused the Grand Duchy of lying today.", "complex", "complex code"},
      {"Norland and the Visit of Sudland were praised.", "", "a capitalized verb is a noun"},
  };
  for (const Case& c : cases) EXPECT_EQ(Code(c.sentence), c.events) << c.sentence << "  (" << c.why << ")";
}

TEST_F(TabariCoderTest, DateRestrictedCodesFollowTheDate) {
  EXPECT_EQ(Code("The old king accused Sudland of lying.", 19980601), "NORGOV/SUD/112");
  EXPECT_EQ(Code("The old king accused Sudland of lying.", 20050601), "NORELI/SUD/112");
}

TEST_F(TabariCoderTest, ComplexityAndMinimumWords) {
  options_.minimum_words = 8;
  EXPECT_EQ(Code("Norland accused Sudland."), "");
  options_.minimum_words = 3;
  options_.complex.no_actor_prior = true;
  EXPECT_EQ(Code("Yesterday it was said that Sudland accused Norland."), "complex");
}

TEST_F(TabariCoderTest, ForwardedPronounTakesThePreviousSentencesActor) {
  const std::string previous = "WST";
  const CodingResult result = Coder(*lexicon_, options_).Code("He accused Sudland of lying again.", 20230101, &previous);
  ASSERT_EQ(result.events.size(), 1u);
  EXPECT_EQ(result.events[0].source, "WST");
}

TEST_F(TabariCoderTest, WordSpansPointIntoTheSentence) {
  const std::string sentence = "Norland accused Südland of lying on Monday.";
  const CodingResult result = Coder(*lexicon_, options_).Code(sentence, 20230101);
  ASSERT_EQ(result.events.size(), 1u);
  const auto [first, last] = result.events[0].target_words;
  ASSERT_GE(first, 0);
  EXPECT_EQ(sentence.substr(result.word_spans[first].begin, result.word_spans[last - 1].end - result.word_spans[first].begin),
            "Südland");
}

TEST(TabariOptionsTest, CommandsChangeTheOptions) {
  Options options;
  std::string problem;
  EXPECT_TRUE(ApplyOptionLine("COMPLEX: VERBS[5] CONJ[4] NOACTPRIOR EXPLAIN", options, problem));
  EXPECT_EQ(options.complex.verbs, 5);
  EXPECT_EQ(options.complex.conjunctions, 4);
  EXPECT_TRUE(options.complex.no_actor_prior);
  EXPECT_TRUE(ApplyOptionLine("COMMA: MIN = 4 MAX = 6 EMIN = 3 EMAX = 6 BMIN = 3 BMAX = 8", options, problem));
  EXPECT_EQ(options.comma.min, 4);
  EXPECT_EQ(options.comma.end_min, 3);
  EXPECT_EQ(options.comma.begin_max, 8);
  EXPECT_TRUE(ApplyOptionLine("DEFAULT: SOURCE [DEFSRC] PRIOR TARGET [DEFTAR]", options, problem));
  EXPECT_EQ(options.defaults.source, "DEFSRC");
  EXPECT_TRUE(options.defaults.source_prior);
  EXPECT_FALSE(options.defaults.target_after);
  EXPECT_TRUE(ApplyOptionLine("SET: CODE ALL", options, problem));
  EXPECT_EQ(options.code_by, CodeBy::kAll);
  EXPECT_FALSE(ApplyOptionLine("SET: MINIMUM WORDS = many", options, problem));
  EXPECT_TRUE(ApplyOptionLine("FORWARD: ^^*****NNN*SSS", options, problem));
  std::string story;
  int sentence = 0;
  ASSERT_TRUE(ReadSequence(options.forwarding.format, "FRWD-012-003", story, sentence));
  EXPECT_EQ(story, "012");
  EXPECT_EQ(sentence, 3);
}

TEST(TabariTextTest, FilterFollowsTabarisInputRules) {
  std::vector<std::string> words;
  std::vector<bool> capitalized;
  FilterText("Al-Assad's men, 1,500 of them; said \"no\" [ignored] /* comment */ to Ürümqi.", words, capitalized);
  const std::vector<std::string> expected = {"AL", "ASSAD'S", "MEN", ",", "1500", "OF", "THEM", ",", "SAID", "NO", "TO", "URUMQI"};
  EXPECT_EQ(words, expected);
  EXPECT_TRUE(capitalized[0]);
  EXPECT_FALSE(capitalized[2]);
}

// TABARI's own validation suite, when ../shared/data is there: TABARI 0.8 passes all records;
// this guards the share lagebild reaches (docs/compat.md).
TEST(TabariValidationSuiteTest, MostRecordsPass) {
  const std::string project = std::string(LAGEBILD_SOURCE_DIR) + "/../shared/data/events/tabari/Validate.project";
  if (!std::ifstream(project)) GTEST_SKIP() << project << " not found: the TABARI validation suite is in ../shared/data";
  ValidationReport report;
  ASSERT_TRUE(RunTabariValidation(project, report).ok());
  EXPECT_EQ(report.records, 449);
  EXPECT_GE(report.passed, 433) << "of " << report.records;
}

}  // namespace
}  // namespace lagebild::tabari
