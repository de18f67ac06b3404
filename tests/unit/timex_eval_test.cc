// `lagebild eval timex` (src/eval/timex_eval.h): reading inline TIMEX3/TIMEX2 annotation,
// pairing and scoring, moving spans between text versions; the shared gold sets when present.
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "eval/timex_eval.h"
#include "test_support.h"

namespace lagebild {
namespace {

namespace fs = std::filesystem;

const std::string kSharedTimex = std::string(LAGEBILD_SOURCE_DIR) + "/../shared/data/timex";

TimexAnnotation Timex(uint32_t begin, uint32_t end, std::string value, std::string type = "DATE") {
  return {{begin, end}, std::move(value), std::move(type)};
}

struct ScoreCase {
  const char* name;
  std::vector<TimexAnnotation> gold;
  std::vector<TimexAnnotation> predicted;
  size_t strict, relaxed, value;  // correct
};

TEST(TimexScoreTest, StrictRelaxedAndValue) {
  const ScoreCase cases[] = {
      {"exact match", {Timex(3, 9, "2014-02-18")}, {Timex(3, 9, "2014-02-18")}, 1, 1, 1},
      {"overlap only", {Timex(3, 9, "2014-02-18")}, {Timex(0, 9, "2014-02-18")}, 0, 1, 1},
      {"wrong value", {Timex(3, 9, "2014-02-18")}, {Timex(3, 9, "2014-02-17")}, 1, 1, 0},
      {"no value never matches", {Timex(3, 9, "")}, {Timex(3, 9, "")}, 1, 1, 0},
      {"adjacent is no overlap", {Timex(3, 9, "2014")}, {Timex(9, 12, "2014")}, 0, 0, 0},
      {"unmatched both ways", {Timex(3, 9, "2014")}, {Timex(20, 24, "2015")}, 0, 0, 0},
      {"two predictions, one gold", {Timex(0, 10, "P3D")}, {Timex(0, 4, "P3D"), Timex(5, 10, "P3D")}, 0, 1, 1},
      {"one prediction, two gold", {Timex(0, 4, "2014"), Timex(5, 10, "2015")}, {Timex(0, 10, "2015")}, 0, 1, 0},
      {"exact beats a larger overlap", {Timex(0, 10, "A"), Timex(12, 20, "B")},
       {Timex(0, 20, "A"), Timex(12, 20, "B")}, 1, 2, 2},
  };
  for (const ScoreCase& c : cases) {
    TimexScores scores;
    ScoreTimexes(c.gold, c.predicted, false, scores);
    EXPECT_EQ(scores.strict.correct, c.strict) << c.name;
    EXPECT_EQ(scores.relaxed.correct, c.relaxed) << c.name;
    EXPECT_EQ(scores.value.correct, c.value) << c.name;
    EXPECT_EQ(scores.value.gold, c.gold.size()) << c.name;
    EXPECT_EQ(scores.value.predicted, c.predicted.size()) << c.name;
    EXPECT_TRUE(scores.value_by_type.empty()) << c.name;
  }
}

TEST(TimexScoreTest, PrecisionRecallAndTypes) {
  TimexScores scores;
  ScoreTimexes({Timex(0, 4, "2014"), Timex(10, 15, "P1D", "SET"), Timex(20, 25, "T10:00", "TIME")},
               {Timex(0, 4, "2014"), Timex(10, 15, "P1D", "DURATION")}, true, scores);
  EXPECT_DOUBLE_EQ(scores.value.Precision(), 1.0);
  EXPECT_DOUBLE_EQ(scores.value.Recall(), 2.0 / 3);
  EXPECT_EQ(scores.value_by_type["DATE"].correct, 1u);
  EXPECT_EQ(scores.value_by_type["SET"].gold, 1u);
  EXPECT_EQ(scores.value_by_type["SET"].correct, 0u);  // the types disagree
  EXPECT_EQ(scores.value_by_type["DURATION"].predicted, 1u);
  EXPECT_EQ(scores.value_by_type["TIME"].gold, 1u);
}

TEST(TimexMatchTest, OneToOneInTextOrder) {
  const TimexPairing pairing =
      MatchTimexes({Timex(0, 5, "a"), Timex(6, 12, "b")}, {Timex(3, 8, "x"), Timex(7, 12, "y"), Timex(30, 31, "z")});
  EXPECT_EQ(pairing.gold_to_predicted, (std::vector<int32_t>{0, 1}));
  EXPECT_EQ(pairing.predicted_to_gold, (std::vector<int32_t>{0, 1, -1}));
}

TEST(TimexParseTest, TimeMlWithEntitiesOtherTagsAndLinks) {
  const std::string tml =
      "<?xml version=\"1.0\" ?>\n<TimeML>\n<DOCID>d1</DOCID>\n"
      "<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"1998-01-08\" functionInDocument=\"CREATION_TIME\">19980108</TIMEX3></DCT>\n"
      "<TEXT>\nAT&amp;T <EVENT eid=\"e1\">said</EVENT> <!-- a <TIMEX3> in a comment -->"
      "<TIMEX3 tid=\"t1\" type=\"DATE\" value=\"1998-01-07\">yesterday</TIMEX3> it &quot;won&quot; "
      "<SIGNAL sid=\"s1\">for</SIGNAL> <TIMEX3 tid=\"t2\" type='DURATION' value=\"P1W\" mod=\"APPROX\">about a "
      "week</TIMEX3> &#x2013; 3 &lt; 4.\n</TEXT>\n"
      "<TLINK lid=\"l1\" relType=\"BEFORE\" eventInstanceID=\"ei1\" relatedToTime=\"t0\"/>\n"
      "<TIMEX3 tid=\"t5\" type=\"DATE\" value=\"PAST_REF\" />\n</TimeML>\n";
  ASSERT_EQ(DetectTimexFormat(tml), TimexFormat::kTimeMl);
  TimexDocument doc;
  ASSERT_TRUE(ParseTimexDocument(tml, TimexFormat::kTimeMl, doc).ok());
  EXPECT_EQ(doc.text, "\nAT&T said yesterday it \"won\" for about a week \u2013 3 < 4.\n");
  EXPECT_EQ(doc.dct, "1998-01-08");
  ASSERT_EQ(doc.timexes.size(), 2u);
  EXPECT_EQ(doc.timexes[0].span.In(doc.text), "yesterday");
  EXPECT_EQ(doc.timexes[0].value, "1998-01-07");
  EXPECT_EQ(doc.timexes[0].type, "DATE");
  EXPECT_EQ(doc.timexes[1].span.In(doc.text), "about a week");
  EXPECT_EQ(doc.timexes[1].value, "P1W");
  EXPECT_EQ(doc.timexes[1].type, "DURATION");
}

TEST(TimexParseTest, Timex2NestedAndBareAmpersand) {
  const std::string sgm =
      "<DOC>\n<DOCID>01_WW2</DOCID>\n"
      "<DATETIME> <TIMEX2 val=\"2011-02-16T17:00:00\">2011-02-16T17:00:00</TIMEX2> </DATETIME>\n"
      "<TEXT>\nDie Baltimore & Ohio Bahn fiel <TIMEX2 val=\"1864-05\" mod=\"START\">Anfang Mai</TIMEX2>, "
      "<TIMEX2 val=\"1864-05-09\">zwei Tage nach <TIMEX2 val=\"1864-05-07\">dem 7. Mai</TIMEX2></TIMEX2>.\n"
      "</TEXT>\n</DOC>\n";
  ASSERT_EQ(DetectTimexFormat(sgm), TimexFormat::kTimex2);
  TimexDocument doc;
  ASSERT_TRUE(ParseTimexDocument(sgm, TimexFormat::kTimex2, doc).ok());
  EXPECT_EQ(doc.text, "\nDie Baltimore & Ohio Bahn fiel Anfang Mai, zwei Tage nach dem 7. Mai.\n");
  EXPECT_EQ(doc.dct, "2011-02-16");
  ASSERT_EQ(doc.timexes.size(), 2u);  // the outermost only
  EXPECT_EQ(doc.timexes[0].span.In(doc.text), "Anfang Mai");
  EXPECT_EQ(doc.timexes[0].value, "1864-05");
  EXPECT_EQ(doc.timexes[0].type, "");
  EXPECT_EQ(doc.timexes[1].span.In(doc.text), "zwei Tage nach dem 7. Mai");
  EXPECT_EQ(doc.timexes[1].value, "1864-05-09");
}

TEST(TimexParseTest, BrokenFilesFailWithTheLine) {
  const struct {
    const char* content;
    const char* message;
  } cases[] = {
      {"<TimeML><DCT></DCT></TimeML>", "no <TEXT>"},
      {"<TimeML>\n<TEXT>\nam <TIMEX3 value=\"2014\">Montag\n</TEXT></TimeML>", "line 3: <TIMEX3> not closed"},
      {"<TimeML>\n<TEXT>\nam Montag</TIMEX3>\n</TEXT></TimeML>", "line 3: </TIMEX3> without <TIMEX3>"},
      {"<TimeML>\n<TEXT>\nam <TIMEX3 value=\"2014\"\n</TEXT></TimeML>", "line 3: a tag without its end"},
  };
  for (const auto& c : cases) {
    TimexDocument doc;
    const Status status = ParseTimexDocument(c.content, TimexFormat::kTimeMl, doc);
    ASSERT_FALSE(status.ok()) << c.content;
    EXPECT_EQ(status.message().substr(0, std::string(c.message).size()), c.message) << status.message();
  }
  TimexDocument doc;
  ASSERT_TRUE(ParseTimexDocument("<TimeML><TEXT>a < b</TEXT></TimeML>", TimexFormat::kTimeMl, doc).ok());
  EXPECT_EQ(doc.text, "a < b");
  EXPECT_EQ(doc.dct, "");  // no <DCT>: the caller skips the file
  EXPECT_FALSE(DetectTimexFormat("<DOC><TEXT>plain</TEXT></DOC>"));
}

TEST(TimexAlignTest, SpansMoveAcrossWhiteSpaceAndNormalisation) {
  const std::string cleaned = "Am 3. M\u00e4rz reiste er ab.\n\nDrei Tage sp\u00e4ter kam er.";
  const std::string original = "\n  Am 3.\u00a0Ma\u0308rz reiste   er ab.\n\n\n Drei Tage\nspa\u0308ter kam er.";
  std::vector<std::string> unmapped;
  const uint32_t maerz = static_cast<uint32_t>(cleaned.find("3. M"));
  const uint32_t drei = static_cast<uint32_t>(cleaned.find("Drei"));
  const std::vector<TimexAnnotation> mapped = AlignTimexes(
      cleaned,
      {Timex(drei, drei + static_cast<uint32_t>(std::string("Drei Tage sp\u00e4ter").size()), "2023-03-06"),
       Timex(maerz, maerz + static_cast<uint32_t>(std::string("3. M\u00e4rz").size()), "2023-03-03"),
       Timex(static_cast<uint32_t>(cleaned.find('\n')), static_cast<uint32_t>(cleaned.find('\n')) + 2, "x")},
      original, unmapped);
  ASSERT_EQ(mapped.size(), 2u);
  EXPECT_EQ(mapped[0].span.In(original), "3.\u00a0Ma\u0308rz");  // in text order again
  EXPECT_EQ(mapped[0].value, "2023-03-03");
  EXPECT_EQ(mapped[1].span.In(original), "Drei Tage\nspa\u0308ter");
  ASSERT_EQ(unmapped.size(), 1u);  // the white space between the paragraphs
  std::vector<std::string> none;
  EXPECT_EQ(AlignTimexes(original, {Timex(3, 5, "v")}, original, none)[0].span, (Span{3, 5}));
}

TEST(TimexErrorsTest, FalsePositivesMissesAndWrongValues) {
  TimexDocument gold;
  gold.name = "doc.tml";
  gold.text = "Am Montag und am Dienstag, nicht am Freitag.";
  gold.timexes = {Timex(3, 9, "2014-02-17"), Timex(17, 25, "2014-02-18")};
  const std::vector<std::string> errors =
      DescribeTimexErrors(gold, {Timex(3, 9, "2014-02-10"), Timex(36, 43, "2014-02-21")});
  ASSERT_EQ(errors.size(), 3u);
  EXPECT_EQ(errors[0].substr(0, 40), "VALUE doc.tml  'Montag' gold 2014-02-17,");
  EXPECT_NE(errors[0].find("[Montag]"), std::string::npos);
  EXPECT_EQ(errors[1].substr(0, 19), "MISS  doc.tml  'Die");
  EXPECT_EQ(errors[2].substr(0, 19), "FP    doc.tml  'Fre");
}

TEST(TimexEvalTest, LanguageFromThePath) {
  EXPECT_EQ(GuessTimexLanguage("../shared/data/timex/TempEval3-TBAQ-cleaned/data/TBAQ-cleaned/AQUAINT"), "en");
  EXPECT_EQ(GuessTimexLanguage("/data/timebank/x.tml"), "en");
  EXPECT_EQ(GuessTimexLanguage("../shared/data/timex/KRAUTS-Dolomiten-100/KRAUTS_Dolomiten-100"), "de");
  EXPECT_EQ(GuessTimexLanguage("WikiWarsDE/keyinline"), "de");
}

class TimexFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("timex_eval_test_" + std::to_string(::getpid()));
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  void Write(const std::string& name, const std::string& content) { std::ofstream(dir_ / name) << content; }
  fs::path dir_;
};

TEST_F(TimexFilesTest, BadFilesAreSkippedAndNamed) {
  const std::string good =
      "<TimeML><DCT><TIMEX3 value=\"2014-02-18\"/></DCT><TEXT>Am <TIMEX3 type=\"DATE\" value=\"2014-02-17\">Montag"
      "</TIMEX3> kam er.</TEXT></TimeML>";
  Write("a_good.tml", good);
  Write("b_broken.tml", "<TimeML><DCT><TIMEX3 value=\"2014-02-18\"/></DCT><TEXT>am <TIMEX3 value=\"x\">Montag</TEXT>");
  Write("c_no_dct.tml", "<TimeML><TEXT>Am <TIMEX3 value=\"2014\">Montag</TIMEX3></TEXT></TimeML>");
  Write("d_plain.sgm", "<DOC><TEXT>nothing</TEXT></DOC>");
  Write("notes.txt", "not a gold file");
  TimexEvalOptions options;
  options.paths = {dir_.string()};
  options.system_dir = dir_.string();  // the gold scored against itself
  TimexEvaluation result;
  ASSERT_TRUE(EvaluateTimex(nullptr, options, result).ok());
  EXPECT_EQ(result.documents, 1u);
  EXPECT_DOUBLE_EQ(result.scores.value.F1(), 1.0);
  EXPECT_EQ(result.scores.value_by_type["DATE"].correct, 1u);
  ASSERT_EQ(result.problems.size(), 3u);
  EXPECT_NE(result.problems[0].find("b_broken.tml: line 1: <TIMEX3> not closed"), std::string::npos);
  EXPECT_NE(result.problems[1].find("c_no_dct.tml: no document creation time"), std::string::npos);
  EXPECT_NE(result.problems[2].find("d_plain.sgm: no TIMEX3 or TIMEX2"), std::string::npos);

  options.paths = {(dir_ / "missing").string()};
  EXPECT_FALSE(EvaluateTimex(nullptr, options, result).ok());
}

TEST_F(TimexFilesTest, PipelineRunsOnTheGoldText) {
  Write("a.tml",
        "<TimeML><DCT><TIMEX3 value=\"2014-02-18\"/></DCT><TEXT>\nAm <TIMEX3 type=\"DATE\" value=\"2014-02-17\">"
        "Montag</TIMEX3>   kam   der Minister &amp; sein Stab nach Bozen.\n</TEXT></TimeML>");
  TimexEvalOptions options;
  options.paths = {(dir_ / "a.tml").string()};
  options.collect_errors = true;
  TimexEvaluation result;
  ASSERT_TRUE(EvaluateTimex(&testing_support::TestPipeline(), options, result).ok());
  EXPECT_EQ(result.documents, 1u);
  EXPECT_EQ(result.scores.value.gold, 1u);
  EXPECT_TRUE(result.problems.empty()) << result.problems[0];
}

// The shared gold sets: every file reads, each scores perfectly against itself, and HeidelTime's
// output for KRAUTS gives the published anchor (about 0.67 value F1).
TEST(TimexSharedDataTest, GoldSetsReadAndHeidelTimeAnchor) {
  if (!fs::exists(kSharedTimex)) GTEST_SKIP() << "../shared/data/timex is absent";
  const std::string krauts = kSharedTimex + "/KRAUTS-Dolomiten-100/KRAUTS_Dolomiten-100";
  for (const std::string& dir :
       {krauts, kSharedTimex + "/WikiWarsDE/keyinline",
        kSharedTimex + "/TempEval3-TBAQ-cleaned/data/TBAQ-cleaned/TimeBank"}) {
    TimexEvalOptions options;
    options.paths = {dir};
    options.system_dir = dir;
    TimexEvaluation result;
    ASSERT_TRUE(EvaluateTimex(nullptr, options, result).ok()) << dir;
    EXPECT_TRUE(result.problems.empty()) << result.problems[0];
    EXPECT_GT(result.scores.value.gold, 300u) << dir;
    EXPECT_EQ(result.scores.strict.correct, result.scores.strict.gold) << dir;
  }
  TimexEvalOptions options;
  options.paths = {krauts};
  options.system_dir = krauts + "_Heideltime";
  TimexEvaluation result;
  ASSERT_TRUE(EvaluateTimex(nullptr, options, result).ok());
  EXPECT_EQ(result.documents, 100u);
  EXPECT_NEAR(result.scores.value.F1(), 0.67, 0.03);
}

}  // namespace
}  // namespace lagebild

namespace lagebild {
namespace {

TEST(TimexSplitRange, SplitsARangeAtItsLinkWordAndKeepsOtherExpressions) {
  const std::string text = "vom 10. bis 13. September und 2014-2016, dann P3Y";
  const TimexAnnotation range{{4, 25}, "2023-09-10/2023-09-13", "DATE"};
  const std::vector<TimexAnnotation> parts = SplitRange(text, range);
  ASSERT_EQ(parts.size(), 2u);
  EXPECT_EQ(parts[0].span.In(text), "10.");
  EXPECT_EQ(parts[0].value, "2023-09-10");
  EXPECT_EQ(parts[1].span.In(text), "13. September");
  EXPECT_EQ(parts[1].value, "2023-09-13");
  const std::vector<TimexAnnotation> years = SplitRange(text, {{30, 39}, "2014/2016", "DATE"});
  ASSERT_EQ(years.size(), 2u);
  EXPECT_EQ(years[0].span.In(text), "2014");
  EXPECT_EQ(years[1].span.In(text), "2016");
  EXPECT_EQ(SplitRange(text, {{4, 7}, "2023-09-10", "DATE"}).size(), 1u);
  EXPECT_EQ(SplitRange(text, {{46, 49}, "P3Y", "DURATION"}).size(), 1u);
}

}  // namespace
}  // namespace lagebild
