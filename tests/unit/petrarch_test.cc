// PETRARCH compatibility (src/compat/): the Penn tree reader, the dictionary and record readers,
// the conversion into the TABARI model and the PETRARCH-1-style coder.
#include <gtest/gtest.h>

#include <filesystem>

#include "compat/penn_tree.h"
#include "compat/petrarch_coder.h"
#include "compat/petrarch_dictionary.h"
#include "compat/petrarch_records.h"
#include "compat/petrarch_validation.h"

namespace lagebild::petrarch {
namespace {

const std::string kSharedPetrarch = std::string(LAGEBILD_SOURCE_DIR) + "/../shared/data/events/petrarch";

// ---------------------------------------------------------------------------------------------
// Penn trees

struct TreeCase {
  const char* input;
  bool ok;
  size_t nodes;
};

TEST(PetrarchTreeTest, ReadsOrRejects) {
  const TreeCase cases[] = {
      {"(ROOT (S (NP (NNP Freedonia)) (VP (VBD won)) (. .)))", true, 7},
      {"  (ROOT\n  (NP (NN x)\n)\n)  ", true, 3},
      {"(X (Y a) (Z b)", false, 0},           // unbalanced (
      {"(X (Y a)))", false, 0},               // unbalanced )
      {"word (X (Y a))", false, 0},           // text outside brackets
      {"(X (Y a)) (X (Y b))", false, 0},      // two trees
      {"(X (Y a b))", false, 0},              // two words in a leaf
      {"()", false, 0},
      {"", false, 0},
  };
  for (const TreeCase& c : cases) {
    Tree tree;
    const Status status = ReadPennTree(c.input, tree);
    EXPECT_EQ(status.ok(), c.ok) << c.input << ": " << status.message();
    EXPECT_EQ(tree.nodes.size(), c.nodes) << c.input;
  }
}

TEST(PetrarchTreeTest, LeafWordsAndDepthLimit) {
  Tree tree;
  ASSERT_TRUE(ReadPennTree("(S (NP (DT the) (NN envoy)) (VP (VBD left)))", tree).ok());
  EXPECT_EQ(LeafWords(tree, 0), (std::vector<std::string>{"the", "envoy", "left"}));
  const std::string deep = std::string(5000, '(') + "X a" + std::string(5000, ')');
  EXPECT_FALSE(ReadPennTree(deep, tree).ok());
  EXPECT_TRUE(tree.empty());
}

// ---------------------------------------------------------------------------------------------
// Dictionaries

TEST(PetrarchDictionaryTest, VerbsWithSynsetsBlocksFormsAndPatterns) {
  Dictionaries d;
  ParseVerbs("<!-- header\n spanning lines -->\n"
             "&AIDTYPE\n+LOAN\n+SUPPLY\n&PARTICLE_\n+OFF\n"
             "--- SEND [070] ---\n"
             "SEND {SENDS SENT SENDING}\n"
             "+CUT_OFF [191]\n"
             "WIRE_+TAP {WIRE_+TAPS WIRE_+TAPPED}\n"
             "- * &AIDTYPE (TO +) [071] # comment\n"
             "- FAILED_TO_* [---]\n"
             "- * {DIPLOMATIC NOTE} [###]\n"
             "- * &UNKNOWN [072]\n"
             "- * NO CODE\n"
             "- * { A | B } [073]\n"
             "~ a (a b ATTACK) SAY = a b 015\n",
             "v.txt", d);
  ASSERT_EQ(d.synsets.size(), 2u);
  EXPECT_EQ(d.synsets[0].members, (std::vector<std::string>{"LOAN", "LOANS", "SUPPLY", "SUPPLIES"}));
  EXPECT_EQ(d.synsets[1].members, (std::vector<std::string>{"OFF"}));  // name ends in _: no plurals
  ASSERT_EQ(d.verb_blocks.size(), 1u);
  const VerbBlock& block = d.verb_blocks[0];
  EXPECT_EQ(block.code, "070");
  ASSERT_EQ(block.verbs.size(), 3u);
  EXPECT_EQ(block.verbs[0].forms, (std::vector<std::string>{"SENDS", "SENT", "SENDING"}));
  EXPECT_EQ(block.verbs[1].phrase, "+CUT_OFF");
  EXPECT_EQ(block.verbs[1].code, "191");
  ASSERT_EQ(block.patterns.size(), 3u);
  EXPECT_EQ(block.patterns[0].text, "* &AIDTYPE TO +");
  ASSERT_EQ(block.patterns[0].lower.size(), 3u);
  EXPECT_EQ(block.patterns[0].lower[0].kind, PatternTokenKind::kSynset);
  EXPECT_EQ(block.patterns[0].lower[2].kind, PatternTokenKind::kTarget);
  EXPECT_TRUE(block.patterns[1].upper_touches_verb);
  EXPECT_TRUE(block.patterns[1].upper[1].joined);
  EXPECT_EQ(block.patterns[2].code, "###");  // a `#` inside [...] is not a comment
  EXPECT_EQ(d.transformations, 1);
  ASSERT_EQ(d.problems.size(), 3u);
  EXPECT_EQ(d.problems[0], "v.txt:15: undefined synset &UNKNOWN; pattern skipped");
  EXPECT_EQ(d.problems[1], "v.txt:16: pattern without a [code]");
  EXPECT_EQ(d.problems[2], "v.txt:17: TABARI disjunction {A | B} in a pattern; pattern skipped");
}

TEST(PetrarchDictionaryTest, ActorsWithSynonymsAndDatedCodes) {
  Dictionaries d;
  ParseActors("FREEDONIA_ [FRE] # a country\n"
              "+FREEDONIAN\n"
              "RUFUS_FIREFLY ; TABARI comment\n"
              "\t[FREGOV 19330101-19351231]\n"
              "\t[FREELI <321231]\n"
              "\t[FREOPP]\n"
              "B+H_SHIPPING [MNC]\n"
              "+A_+B\n"
              "BROKEN [FRE 2001-02]\n"
              "+BROKEN_TOO\n",
              "a.txt", d);
  ASSERT_EQ(d.actors.size(), 3u);
  EXPECT_EQ(d.actors[0].phrases, (std::vector<std::string>{"FREEDONIA", "FREEDONIAN"}));
  ASSERT_EQ(d.actors[1].codes.size(), 3u);
  EXPECT_EQ(d.actors[1].codes[0].from, 19330101);
  EXPECT_EQ(d.actors[1].codes[1].to, 19321231);
  EXPECT_EQ(ResolveDatedCode(d.actors[1].codes, 19340601), "FREGOV");
  EXPECT_EQ(ResolveDatedCode(d.actors[1].codes, 19300101), "FREELI");
  EXPECT_EQ(ResolveDatedCode(d.actors[1].codes, 19500101), "FREOPP");
  EXPECT_EQ(d.actors[2].phrases[0], "B+H_SHIPPING");
  ASSERT_EQ(d.problems.size(), 3u);
  EXPECT_EQ(d.problems[0], "a.txt:8: '+' inside an actor phrase");
  EXPECT_EQ(d.problems[1], "a.txt:9: malformed date restriction [FRE 2001-02]");
  EXPECT_EQ(d.problems[2], "a.txt:10: synonym before any actor");
}

TEST(PetrarchDictionaryTest, AgentsWithPluralsAndMarkers) {
  Dictionaries d;
  ParseAgents("!PERSON! = MAN, WOMAN\n"
              "ENVOY [~GOV]\n"
              "POLICE {} [~COP]\n"
              "GOOSE {GEESE} [~GGS]\n"
              "CHAIR!PERSON! [~LEG]\n"
              "AID_AGENCY [NGO~]\n"
              "NO_CODE\n"
              "BAD [GOV]\n",
              "g.txt", d);
  ASSERT_EQ(d.agents.size(), 5u);
  EXPECT_EQ(d.agents[0].phrases, (std::vector<std::string>{"ENVOY", "ENVOYS"}));
  EXPECT_EQ(d.agents[1].phrases, (std::vector<std::string>{"POLICE"}));
  EXPECT_EQ(d.agents[2].phrases, (std::vector<std::string>{"GOOSE", "GEESE"}));
  EXPECT_EQ(d.agents[3].phrases, (std::vector<std::string>{"CHAIRMAN", "CHAIRWOMAN"}));
  EXPECT_FALSE(d.agents[4].actor_first);
  EXPECT_EQ(d.agents[4].phrases[1], "AID_AGENCIES");
  ASSERT_EQ(d.problems.size(), 2u);
  EXPECT_EQ(d.problems[0], "g.txt:7: agent without a [code]");
  EXPECT_EQ(d.problems[1], "g.txt:8: missing ~ in an agent code");
}

TEST(PetrarchDictionaryTest, DiscardsAndTabariModel) {
  Dictionaries d;
  ParseDiscards("+WORLD CUP # story\nGOLF_\n", "d.txt", d);
  ParseVerbs("&AIDTYPE\n+LOAN\n&MORE\n+&AIDTYPE\n+GRANT_\n--- SEND [070] ---\nSEND\nWIRE_+TAP\n- * (TO &MORE) [071]\n",
             "v.txt", d);
  ParseActors("FREEDONIA [FRE]\n+FREE DONIA\n", "a.txt", d);
  ParseAgents("AID_AGENCY [NGO~]\n", "g.txt", d);
  ASSERT_EQ(d.discards.size(), 2u);
  EXPECT_TRUE(d.discards[0].story);
  EXPECT_TRUE(d.discards[1].exact_end);

  tabari::Dictionary model;
  ToTabariModel(d, model);
  ASSERT_EQ(model.verbs.size(), 2u);
  EXPECT_EQ(model.verbs[1].root, "WIRE_TAP");
  ASSERT_EQ(model.verbs[0].patterns.size(), 1u);
  EXPECT_EQ(model.verbs[0].patterns[0].text, "* TO &MORE");
  EXPECT_EQ(model.synsets["&MORE"], (std::vector<std::string>{"LOAN", "LOANS", "GRANT"}));
  EXPECT_EQ(model.actors[0].phrases, (std::vector<std::string>{"FREEDONIA", "FREE_DONIA"}));
  ASSERT_EQ(model.agents.size(), 2u);
  EXPECT_FALSE(model.agents[0].actor_first);
}

TEST(PetrarchDictionaryTest, RegularForms) {
  EXPECT_EQ(RegularVerbForms("ATTACK"), (std::vector<std::string>{"ATTACKS", "ATTACKED", "ATTACKING"}));
  EXPECT_EQ(RegularVerbForms("PROMISE"), (std::vector<std::string>{"PROMISES", "PROMISED", "PROMISING"}));
  EXPECT_EQ(RegularVerbForms("FIX"), (std::vector<std::string>{"FIXES", "FIXED", "FIXING"}));
  EXPECT_EQ(RegularPlural("ARMY"), "ARMIES");
  EXPECT_EQ(RegularPlural("BOSS"), "BOSSES");
}

// ---------------------------------------------------------------------------------------------
// Records

TEST(PetrarchRecordsTest, ReadsEnvironmentRecordsAndConfig) {
  RecordFile file;
  const Status status = ParseRecordFile(
      "<Validation><Environment><Verbfile>v.txt</Verbfile><Include>valid DEMO</Include></Environment>"
      "<Sentences><Config option=\"require_dyad\" value=\"false\"></Config>"
      "<Sentence date=\"20010203\" id=\"T-1\" category=\"DEMO\">"
      "<EventCoding sourcecode=\"FRE\" targetcode='\"NEW ACTOR\"' eventcode=\"042\"></EventCoding>"
      "<Text> Hello </Text><Parse>(ROOT (NP (NN x)))</Parse></Sentence>"
      "<Sentence date=\"x\" id=\"T-2\"></Sentence>"
      "<Sentence date=\"20010203\" id=\"T-3\"><EventCoding noevents=\"True\"/></Sentence>"
      "</Sentences></Validation>",
      "r.xml", file);
  ASSERT_TRUE(status.ok()) << status.message();
  EXPECT_EQ(file.environment.verbs, "v.txt");
  EXPECT_EQ(file.environment.include, std::vector<std::string>{"DEMO"});
  ASSERT_EQ(file.records.size(), 2u);
  EXPECT_EQ(file.records[0].text, "Hello");
  ASSERT_EQ(file.records[0].config.size(), 1u);
  EXPECT_EQ(file.records[0].events[0].target, "\"NEW ACTOR\"");
  EXPECT_TRUE(file.records[1].no_events);
  EXPECT_EQ(file.problems.size(), 1u);

  RecordFile broken;
  EXPECT_FALSE(ParseRecordFile("<Validation><Sentence>", "b.xml", broken).ok());
}

// ---------------------------------------------------------------------------------------------
// Coder

const char* const kVerbs =
    "&AIDTYPE\n+LOAN\n+FOOD AID\n"
    "--- ACCUSE [112] ---\nACCUSE\n- * + OF &AIDTYPE [1121]\n"
    "--- ATTACK [190] ---\nATTACK\n- * + WITH TANKS [195]\n- % * [190:190]\n"
    "--- PROMISE [030] ---\nPROMISE\n- * &AIDTYPE [033]\n- * {FRIENDLY_NOTE} [---]\n"
    "--- MEET [040:040] ---\nMEET {MEETS MET MEETING}\n"
    "--- SAY [---] ---\nSAY {SAYS SAID SAYING}\n- * DEEP_REGRET [012]\n"
    "--- ROUND [---] ---\n+ROUND_UP\n";
const char* const kActors =
    "FREEDONIA [FRE]\nSYLVANIA [SYL]\nRUFUS_FIREFLY\n\t[FREGOV 19330101-19351231]\n\t[FREELI]\n"
    "TRENTINO [SYL]\n";
const char* const kAgents = "MINISTER [~GOV]\nPOLICE {} [~COP]\nAID_AGENCY [NGO~]\n";

class PetrarchCoderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ParseVerbs(kVerbs, "v", dictionaries_);
    ParseActors(kActors, "a", dictionaries_);
    ParseAgents(kAgents, "g", dictionaries_);
    ParseDiscards("+TABLE TENNIS\nFOOTBALL_\n", "d", dictionaries_);
    ASSERT_TRUE(dictionaries_.problems.empty()) << dictionaries_.problems[0];
  }

  std::vector<std::string> Code(const char* parse, int date = 20000101, const char* text = "") {
    const Coder coder(dictionaries_);
    const SentenceResult result = coder.Code(text, parse, date, options_);
    std::vector<std::string> out;
    for (const CodedEvent& event : result.events) out.push_back(event.source + " " + event.target + " " + event.code);
    return out;
  }

  Dictionaries dictionaries_;
  CoderOptions options_;
};

using Events = std::vector<std::string>;

struct CoderCase {
  const char* name;
  const char* parse;
  Events expected;
};

TEST_F(PetrarchCoderTest, CodesSentences) {
  const CoderCase cases[] = {
      {"verb code with subject and object",
       "(ROOT (S (NP (NNP Freedonia)) (VP (VBD attacked) (NP (NNP Sylvania))) (. .)))", {"FRE SYL 190"}},
      {"pattern with + target and words after it",
       "(ROOT (S (NP (NNP Freedonia)) (VP (VBD attacked) (NP (NNP Sylvania)) (PP (IN with) (NP (NNS tanks)))) (. .)))",
       {"FRE SYL 195"}},
      {"synset phrase in a pattern",
       "(ROOT (S (NP (NNP Freedonia)) (VP (VBD accused) (NP (NNP Sylvania)) (PP (IN of) (NP (NN food) (NN aid)))) (. .)))",
       {"FRE SYL 1121"}},
      {"null-coded pattern falls back to the verb code",
       "(ROOT (S (NP (NNP Freedonia)) (VP (VBD promised) (NP (JJ friendly) (NN note)) (PP (TO to) (NP (NNP Sylvania)))) (. .)))",
       {"FRE SYL 030"}},
      {"`_` join not satisfied: pattern fails",
       "(ROOT (S (NP (NNP Freedonia)) (VP (VBD said) (NP (JJ deep) (JJ personal) (NN regret)) (PP (TO to) (NP (NNP Sylvania)))) (. .)))",
       {}},
      {"`_` join satisfied",
       "(ROOT (S (NP (NNP Freedonia)) (VP (VBD said) (NP (JJ deep) (NN regret)) (PP (TO to) (NP (NNP Sylvania)))) (. .)))",
       {"FRE SYL 012"}},
      {"paired code",
       "(ROOT (S (NP (NNP Freedonia)) (VP (VBD met) (NP (NNP Sylvania))) (. .)))", {"FRE SYL 040", "SYL FRE 040"}},
      {"passive with by swaps source and target",
       "(ROOT (S (NP (NNP Sylvania)) (VP (VBD was) (VP (VBN attacked) (PP (IN by) (NP (NNP Freedonia))))) (. .)))",
       {"FRE SYL 190"}},
      {"compound subject gives one event per member",
       "(ROOT (S (NP (NNP Freedonia) (CC and) (NNP Trentino)) (VP (VBD accused) (NP (NP (DT the) (NN minister)) (PP (IN of) (NP (NNP Sylvania))))) (. .)))",
       {"FRE SYLGOV 112", "SYL SYLGOV 112"}},
      {"compound in a % pattern codes among its members",
       "(ROOT (S (NP (NNP Freedonia) (CC and) (NNP Sylvania)) (VP (VBD attack) (NP (NN border) (NNS posts))) (. .)))",
       {"FRE SYL 190", "SYL FRE 190"}},
      {"agents: actor first and agent first",
       "(ROOT (S (NP (NNP Freedonia) (NN police)) (VP (VBD attacked) (NP (DT an) (NNP Sylvania) (NN aid) (NN agency))) (. .)))",
       {"FRECOP NGOSYL 190"}},
      {"date-restricted actor code, outside the dates",
       "(ROOT (S (NP (NNP Rufus) (NNP Firefly)) (VP (VBD attacked) (NP (NNP Sylvania))) (. .)))", {"FREELI SYL 190"}},
      {"no target, no event", "(ROOT (S (NP (NNP Freedonia)) (VP (VBD attacked)) (. .)))", {}},
      {"null actor target dropped when a dyad is required",
       "(ROOT (S (NP (NNP Freedonia)) (VP (VBD attacked) (NP (DT the) (NN village))) (. .)))", {}},
      {"subject of coordinated verb phrases",
       "(ROOT (S (NP (NNP Freedonia)) (VP (VP (VBD met) (NP (NNP Trentino))) (CC and) (VP (VBD attacked) (NP (NNP Sylvania)))) (. .)))",
       {"FRE SYL 040", "SYL FRE 040", "FRE SYL 190"}},
      {"multi-word verb",
       "(ROOT (S (NP (NNP Freedonia)) (VP (VBD rounded) (PRT (RP up)) (NP (NNP Sylvania))) (. .)))", {}},
      {"unbalanced tree codes nothing", "(ROOT (S (NP (NNP Freedonia)) (VP (VBD attacked) (NP (NNP Sylvania)))", {}},
  };
  for (const CoderCase& c : cases) EXPECT_EQ(Code(c.parse), c.expected) << c.name;
  EXPECT_EQ(Code(cases[11].parse, 19340101), Events{"FREGOV SYL 190"}) << "date inside the restriction";
}

TEST_F(PetrarchCoderTest, OptionsAndDiscards) {
  const char* parse = "(ROOT (S (NP (NNP Freedonia)) (VP (VBD attacked) (NP (DT the) (NN village))) (. .)))";
  ASSERT_TRUE(ApplyConfigOption("require_dyad", "False", options_));
  EXPECT_EQ(Code(parse), Events{"FRE --- 190"});
  ASSERT_TRUE(ApplyConfigOption("new_actor_length", "2", options_));
  EXPECT_EQ(Code(parse), Events{"FRE \"THE VILLAGE\" 190"});
  EXPECT_FALSE(ApplyConfigOption("no_such_option", "1", options_));
  EXPECT_FALSE(ApplyConfigOption("comma_min", "two", options_));

  const Coder coder(dictionaries_);
  const char* simple = "(ROOT (S (NP (NNP Freedonia)) (VP (VBD attacked) (NP (NNP Sylvania))) (. .)))";
  EXPECT_EQ(coder.Code("A table tennis match", simple, 20000101, options_).outcome, SentenceOutcome::kStoryDiscard);
  EXPECT_EQ(coder.Code("Football, again", simple, 20000101, options_).outcome, SentenceOutcome::kSentenceDiscard);
  EXPECT_EQ(coder.Code("Footballers", simple, 20000101, options_).outcome, SentenceOutcome::kCoded);
}

TEST(PetrarchCoderEdgeTest, SelfReferringSynsetIsHarmless) {
  Dictionaries d;
  ParseVerbs("&LOOP\n+&LOOP\n+TALKS_\n--- HOLD [010] ---\nHOLD {HELD}\n- * &LOOP [043]\n", "v", d);
  ParseActors("FREEDONIA [FRE]\nSYLVANIA [SYL]\n", "a", d);
  const Coder coder(d);
  const SentenceResult result = coder.Code(
      "", "(ROOT (S (NP (NNP Freedonia)) (VP (VBD held) (NP (NNS talks)) (PP (IN with) (NP (NNP Sylvania)))) (. .)))",
      20000101, CoderOptions{});
  ASSERT_EQ(result.events.size(), 1u);
  EXPECT_EQ(result.events[0].code, "043");
}

TEST_F(PetrarchCoderTest, CommaClausesAreRemoved) {
  // The inserted clause (2 to 8 words) goes; so does a short final clause, here the verb.
  const char* inserted =
      "(ROOT (S (NP (NNP Freedonia)) (, ,) (NP (NP (DT an) (NN ally)) (PP (IN of) (NP (NNP Trentino)))) (, ,) "
      "(VP (VBD attacked) (NP (NNP Sylvania)) (PP (IN with) (NP (JJ heavy) (NN artillery))) (PP (IN on) (NP (NP (DT "
      "the) (JJ first) (NN day)) (PP (IN of) (NP (DT the) (NN war)))))) (. .)))";
  EXPECT_EQ(Code(inserted), Events{"FRE SYL 190"});
  const char* terminal =
      "(ROOT (S (NP (NNP Freedonia)) (, ,) (NP (NP (DT an) (NN ally)) (PP (IN of) (NP (NNP Trentino)))) (, ,) "
      "(VP (VBD attacked) (NP (NNP Sylvania))) (. .)))";
  EXPECT_EQ(Code(terminal), Events{});
  ASSERT_TRUE(ApplyConfigOption("comma_emax", "0", options_));
  EXPECT_EQ(Code(terminal), Events{"FRE SYL 190"});
}

// ---------------------------------------------------------------------------------------------
// The PETRARCH unit-test suite

TEST(PetrarchValidationTest, UnitTestRecords) {
  const std::string path = kSharedPetrarch + "/PETR.UnitTest.records.xml";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "PETRARCH unit-test records not found at " << path;
  ValidationResult result;
  const Status status = RunValidation(path, {}, result);
  ASSERT_TRUE(status.ok()) << status.message();
  EXPECT_TRUE(result.dictionaries.problems.empty()) << result.dictionaries.problems[0];
  EXPECT_EQ(result.records, 280);
  EXPECT_GE(result.passed, 270);  // 274 when this was written
  EXPECT_GE(result.F1(), 0.97);
}

TEST(PetrarchValidationTest, ProductionDictionariesLoad) {
  const std::string cameo = kSharedPetrarch + "/CAMEO.2.0.txt";
  if (!std::filesystem::exists(cameo)) GTEST_SKIP() << "PETRARCH dictionaries not found in " << kSharedPetrarch;
  Dictionaries d;
  ASSERT_TRUE(ReadDictionaryFile(cameo, DictionaryKind::kVerbs, d).ok());
  for (const char* name : {"Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt",
                           "Phoenix.MilNonState.actors.txt"}) {
    ASSERT_TRUE(ReadDictionaryFile(kSharedPetrarch + "/" + name, DictionaryKind::kActors, d).ok());
  }
  ASSERT_TRUE(ReadDictionaryFile(kSharedPetrarch + "/Phoenix.agents.txt", DictionaryKind::kAgents, d).ok());
  ASSERT_TRUE(ReadDictionaryFile(kSharedPetrarch + "/Phoenix.discards.txt", DictionaryKind::kDiscards, d).ok());
  EXPECT_GT(d.PatternCount(), 4000u);
  EXPECT_GT(d.actors.size(), 20000u);
  EXPECT_LT(d.problems.size(), 30u);  // the files' own typos, each named by line
  tabari::Dictionary model;
  ToTabariModel(d, model);
  EXPECT_EQ(model.verbs.size(), d.VerbCount());
}

}  // namespace
}  // namespace lagebild::petrarch
