// Readers of TABARI's dictionary and validation-record formats (src/compat/).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "compat/tabari_dictionary.h"
#include "compat/tabari_records.h"

namespace lagebild::tabari {
namespace {

const std::string kSharedTabari = std::string(LAGEBILD_SOURCE_DIR) + "/../shared/data/events/tabari";

TEST(TabariDictionaryTest, ActorsWithSynonymsAndDatedCodes) {
  Dictionary dictionary;
  ParseActors("ARNOR  [ARN]\n"
              "GOLLUM ; a comment\n"
              "+SMEAGOL\n"
              "  [HOB <950601]\n"
              "  [HOBGOV 950601-990815]\n"
              "  [HOBREB >990816]\n"
              "AL-GORE [USAGOV 991201-010114] [---]\n"
              "<NOUN>\nSHEEP\n</NOUN>\n",
              "test.actors", dictionary);
  ASSERT_TRUE(dictionary.problems.empty()) << dictionary.problems[0];
  ASSERT_EQ(dictionary.actors.size(), 3u);
  EXPECT_EQ(dictionary.actors[1].phrases, (std::vector<std::string>{"GOLLUM", "SMEAGOL"}));
  ASSERT_EQ(dictionary.actors[1].codes.size(), 3u);
  EXPECT_EQ(dictionary.actors[1].codes[0].to, 19950601);
  EXPECT_EQ(dictionary.actors[1].codes[1].from, 19950601);
  EXPECT_EQ(dictionary.actors[1].codes[1].to, 19990815);
  EXPECT_EQ(dictionary.actors[1].codes[2].from, 19990816);
  EXPECT_EQ(dictionary.actors[2].phrases[0], "AL_GORE");  // hyphens become underscores
  EXPECT_EQ(dictionary.actors[2].codes[0].to, 20010114);
  EXPECT_EQ(dictionary.nouns, std::vector<std::string>{"SHEEP"});
}

TEST(TabariDictionaryTest, AgentsJoinBeforeOrAfter) {
  Dictionary dictionary;
  ParseAgents("POLICE_ [~COP]\nHUMAN_RIGHTS_BODY [NGO~]\nBROKEN [COP]\n", "test.agents", dictionary);
  ASSERT_EQ(dictionary.agents.size(), 2u);
  EXPECT_TRUE(dictionary.agents[0].actor_first);
  EXPECT_EQ(dictionary.agents[0].code, "COP");
  EXPECT_FALSE(dictionary.agents[1].actor_first);
  ASSERT_EQ(dictionary.problems.size(), 1u);
  EXPECT_EQ(dictionary.problems[0], "test.agents:3: missing ~ connector in an agent code");
}

TEST(TabariDictionaryTest, VerbsWithSynsetsFormsAndPatterns) {
  Dictionary dictionary;
  ParseVerbs("<SYNSETS>\n&TIETYPES\n+MILITARY\n+ECONOMIC\n</SYNSETS>\n"
             "<TIME>\nYESTERDAY [-1]\n</TIME>\n"
             "BREAK_  [1717]\n{BROKE_ BROKEN_}\n- * TREATY [161]\n"
             "ABANDON [---]\n- * &TIETYPES TIES [902]\n- * NO STAR\n- DIPLOMATIC TIES [901]\n"
             "- + { WAS | WERE ] * BY_ $ [195]\n",
             "test.verbs", dictionary);
  EXPECT_EQ(dictionary.synsets["&TIETYPES"], (std::vector<std::string>{"MILITARY", "ECONOMIC"}));
  ASSERT_EQ(dictionary.time_phrases.size(), 1u);
  ASSERT_EQ(dictionary.verbs.size(), 2u);
  EXPECT_EQ(dictionary.verbs[0].forms, (std::vector<std::string>{"BROKE_", "BROKEN_"}));
  EXPECT_EQ(dictionary.verbs[0].patterns[0].code, "161");
  ASSERT_EQ(dictionary.verbs[1].patterns.size(), 1u);
  EXPECT_EQ(dictionary.verbs[1].patterns[0].text, "* &TIETYPES TIES");
  ASSERT_EQ(dictionary.problems.size(), 3u);
  EXPECT_EQ(dictionary.problems[0], "test.verbs:14: no code in [...]");
  EXPECT_EQ(dictionary.problems[1], "test.verbs:15: missing verb marker * in a pattern");
  EXPECT_EQ(dictionary.problems[2], "test.verbs:16: missing left bracket [");
}

TEST(TabariDictionaryTest, MissingSectionEndIsReported) {
  Dictionary dictionary;
  ParseActors("<NOUN>\nSHEEP\n", "open.actors", dictionary);
  ASSERT_EQ(dictionary.problems.size(), 1u);
  EXPECT_EQ(dictionary.problems[0], "open.actors:1: missing </NOUN>");
}

TEST(TabariRecordsTest, RecordsWithEventsAndMarkers) {
  std::vector<ValidationRecord> records;
  std::vector<std::string> problems;
  ParseValidationRecords("950101  DEMO-01\nArnor is about to restore full diplomatic ties\nwith Gondor.\n"
                         "/*\\n[Simple coding]\n\\n{ ARN / GON / 064 } */\n\n"
                         "950101  SKIP-01\nNothing here.\n/* {+++} */\n"
                         "990101  FINAL-01\nend\n/* {+++} */\n",
                         "test.text", records, problems);
  EXPECT_TRUE(problems.empty());
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].id, "DEMO-01");
  EXPECT_EQ(records[0].text, "Arnor is about to restore full diplomatic ties with Gondor.");
  ASSERT_EQ(records[0].events.size(), 1u);
  EXPECT_EQ(records[0].events[0], (std::array<std::string, 3>{"ARN", "GON", "064"}));
  EXPECT_EQ(records[1].markers, std::vector<std::string>{"+++"});
}

// TABARI's own validation suite and the full CAMEO verb dictionary load.
TEST(TabariSharedDataTest, ValidationSuiteAndCameoVerbsLoad) {
  if (!std::filesystem::exists(kSharedTabari)) GTEST_SKIP() << "../shared/data/events/tabari is absent";
  Dictionary dictionary;
  ASSERT_TRUE(ReadProject(kSharedTabari + "/Validate.project", dictionary).ok());
  EXPECT_TRUE(dictionary.problems.empty()) << dictionary.problems.front();
  EXPECT_GT(dictionary.actors.size(), 100u);
  EXPECT_GT(dictionary.verbs.size(), 200u);
  std::ifstream in(kSharedTabari + "/Validate.text");
  std::stringstream text;
  text << in.rdbuf();
  std::vector<ValidationRecord> records;
  std::vector<std::string> problems;
  ParseValidationRecords(text.str(), "Validate.text", records, problems);
  // Before FINAL: 472 records, 23 of which only change options; a blank line ends a record.
  EXPECT_EQ(records.size(), 472u);
  Dictionary cameo;
  ASSERT_TRUE(ReadDictionaryFile(kSharedTabari + "/CAMEO.091003.master.verbs", cameo).ok());
  EXPECT_GT(cameo.PatternCount(), 15000u);
  EXPECT_LT(cameo.problems.size(), 20u);  // a handful of "{ A | B ]" typos, each named with its line
}

}  // namespace
}  // namespace lagebild::tabari
