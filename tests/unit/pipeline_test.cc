#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "lagebild/output.h"
#include "langid/language_identifier.h"
#include "test_support.h"

namespace lagebild {
namespace {

using testing_support::Analyse;

// One sentence in each language, long enough for CLD2 to be sure.
const std::string kGermanSentence =
    "Der russische Verteidigungsminister ist nach Nordkorea gereist, um Pjöngjang davon zu überzeugen, "
    "Artilleriemunition an Russland zu verkaufen, teilte eine Sprecherin des Weißen Hauses mit.";
const std::string kEnglishSentence =
    "The Russian defence minister travelled to North Korea to persuade Pyongyang to sell artillery "
    "ammunition to Russia, a spokeswoman for the White House said in a statement on Wednesday.";

TEST(LanguageIdentifierTest, DetectsGermanAndEnglishPerParagraph) {
  const std::string& german = kGermanSentence;
  const std::string& english = kEnglishSentence;
  const Document doc = Analyse(german + "\n\n" + english + "\n\n" + german);
  EXPECT_EQ(doc.lang, "de");
  ASSERT_EQ(doc.paragraphs.size(), 3u);
  EXPECT_EQ(doc.paragraphs[0].lang, "de");
  EXPECT_EQ(doc.paragraphs[1].lang, "en");
  EXPECT_EQ(doc.paragraphs[2].lang, "de");
  EXPECT_EQ(LanguageIdentifier::Detect(english), "en");
}

// CLD2 sees the first kilobyte of a long paragraph; the paragraphs after it must still be judged
// by their own text, not by what lies at their offsets in the document.
TEST(LanguageIdentifierTest, ParagraphsAfterALongOneKeepTheirLanguage) {
  const std::string german = kGermanSentence + " ";
  const std::string english = kEnglishSentence + " ";
  auto times = [](const std::string& text, int n) {
    std::string out;
    for (int i = 0; i < n; ++i) out += text;
    return out;
  };
  const Document doc = Analyse(times(german, 10) + "\n\n" + english + "\n\n" + times(english, 10) + "\n\n" + german);
  ASSERT_EQ(doc.paragraphs.size(), 4u);
  ASSERT_GT(doc.paragraphs[0].span.size(), 1024u);
  EXPECT_EQ(doc.paragraphs[0].lang, "de");
  EXPECT_EQ(doc.paragraphs[1].lang, "en");
  EXPECT_EQ(doc.paragraphs[2].lang, "en");
  EXPECT_EQ(doc.paragraphs[3].lang, "de");
}

TEST(LanguageIdentifierTest, GivenLanguageWinsAndShortTextIsUndetermined) {
  EXPECT_EQ(Analyse("Hello world, this is clearly English text of some length.", "de").lang, "de");
  EXPECT_EQ(LanguageIdentifier::Detect("ok"), "und");
}

// Timing the stages (pipeline_benchmark --stages) runs the same stages: the same document, and
// the stages' times add up to the whole.
TEST(PipelineTest, TimedRunGivesTheSameDocumentAndStageTimesAddUp) {
  RawDocument raw;
  raw.content = kGermanSentence + "\n\n" + kEnglishSentence;
  StageTimes times;
  const Document timed = testing_support::TestPipeline().Process(raw, times);
  const Document plain = testing_support::TestPipeline().Process(raw);
  EXPECT_EQ(ToJson(timed, OutputOptions{}), ToJson(plain, OutputOptions{}));
  EXPECT_FALSE(timed.events.empty());
  double stages = 0;
  for (size_t i = 0; i + 1 < times.seconds.size(); ++i) {
    EXPECT_GE(times.seconds[i], 0.0) << StageTimes::kNames[i];
    stages += times.seconds[i];
  }
  EXPECT_GT(times.seconds.back(), 0.0);
  EXPECT_LE(stages, times.seconds.back() * 1.001 + 1e-6);
  EXPECT_GE(stages, times.seconds.back() * 0.5);
}

// A batch runs stage by stage over its documents; each must come out as if processed alone, in
// the batch's order, whatever the others hold (languages, HTML, nothing, binary junk, a given
// language or date).
TEST(PipelineTest, ABatchGivesTheDocumentsProcessAloneGives) {
  std::vector<RawDocument> raws(6);
  raws[0].content = testing_support::ReadSourceFile("examples/kim-putin-de.txt");
  raws[0].meta.published = "2023-09-05";
  raws[1].content = kEnglishSentence + "\n\n" + kGermanSentence;
  raws[2].content = "<html><body><p>" + kGermanSentence + "</p></body></html>";
  raws[2].type = ContentType::kHtml;
  raws[3].content = "";
  raws[4].content = std::string("\x00\xFF\xFEjunk\x01", 8);
  raws[5].content = kEnglishSentence;
  raws[5].meta.lang = "en";
  for (size_t i = 0; i < raws.size(); ++i) raws[i].meta.id = "doc" + std::to_string(i);
  const Pipeline& pipeline = testing_support::TestPipeline();
  std::vector<std::string> alone;
  for (const RawDocument& raw : raws) alone.push_back(ToJson(pipeline.Process(raw), OutputOptions{}));
  StageTimes times;
  const std::vector<Document> batch = pipeline.Process(raws, times);
  ASSERT_EQ(batch.size(), raws.size());
  for (size_t i = 0; i < batch.size(); ++i) EXPECT_EQ(ToJson(batch[i], OutputOptions{}), alone[i]) << "document " << i;
  EXPECT_FALSE(batch[0].events.empty());
  EXPECT_GT(times.seconds.back(), 0.0);
  EXPECT_TRUE(pipeline.Process(std::vector<RawDocument>{}).empty());
}

// The one batching rule of extract, ingest and the benchmark: at most so many documents, at most
// kBatchBytes of input, a longer document alone, none empty.
TEST(PipelineTest, BatchesEndAtTheirCountOrSize) {
  constexpr size_t kMost = 3;
  EXPECT_EQ(Pipeline::BatchStarts({}, kMost), std::vector<size_t>({0}));
  EXPECT_EQ(Pipeline::BatchStarts({10, 10, 10, 10, 10, 10, 10}, kMost), std::vector<size_t>({0, 3, 6, 7}));
  const size_t half = Pipeline::kBatchBytes / 2;
  EXPECT_EQ(Pipeline::BatchStarts({half, half, 1, 3 * half, 1}, kMost), std::vector<size_t>({0, 2, 3, 4, 5}));
  EXPECT_FALSE(Pipeline::EndsBatch(0, 0, 4 * Pipeline::kBatchBytes));
  EXPECT_TRUE(Pipeline::EndsBatch(Pipeline::kBatchDocuments, 0, 1));
}

TEST(OutputTest, JsonFollowsTheContract) {
  RawDocument raw;
  raw.meta.id = "doc-1";
  raw.meta.published = "2023-09-05";
  raw.content = "Kim reist nach Russland. Putin wartet in Wladiwostok.";
  raw.meta.lang = "de";
  const Document doc = testing_support::TestPipeline().Process(std::move(raw));
  const auto json = nlohmann::json::parse(ToJson(doc, {.with_text = true}));
  EXPECT_EQ(json["doc"]["id"], "doc-1");
  EXPECT_EQ(json["doc"]["lang"], "de");
  EXPECT_EQ(json["doc"]["published"], "2023-09-05");
  EXPECT_TRUE(json["doc"]["url"].is_null());
  EXPECT_EQ(json["doc"]["text"], doc.text);
  ASSERT_EQ(json["sentences"].size(), 2u);
  const int begin = json["sentences"][1]["begin"], end = json["sentences"][1]["end"];
  EXPECT_EQ(doc.text.substr(begin, end - begin), "Putin wartet in Wladiwostok.");
  for (const char* key : {"entities", "times", "places", "events"}) EXPECT_TRUE(json[key].is_array()) << key;
  EXPECT_FALSE(json.contains("tokens"));
}

TEST(OutputTest, InvalidInputNeverBreaksJson) {
  const Document doc = Analyse("Ung\xC3ltig \xFF\xFE und \x01 Steuerzeichen.", "de");
  const auto json = nlohmann::json::parse(ToJson(doc, {.with_text = true, .with_tokens = true}));
  EXPECT_EQ(json["doc"]["warnings"].size(), 1u);
  EXPECT_GT(json["tokens"].size(), 3u);
}

}  // namespace
}  // namespace lagebild
