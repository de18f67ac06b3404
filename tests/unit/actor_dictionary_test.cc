// ActorDictionary look-ups that the recognizer relies on for speed must never lose a word.
#include "actors/actor_dictionary.h"

#include <gtest/gtest.h>

#include "actors/recognizer_text.h"
#include "resources/resource_image.h"
#include "test_support.h"
#include "util/lower_case.h"

namespace lagebild {
namespace {

bool FoundAsWrittenOrLowerFirst(const ActorDictionary& dictionary, std::string_view word) {
  for (const std::string& form : {std::string(word), std::string(LowerFirst(word))}) {
    for (const char* lang : {"de", "en"}) {
      if (dictionary.FindAgent(form, lang) != nullptr || !dictionary.CountryOfAdjective(form, lang).empty()) return true;
    }
    if (dictionary.MayStartAgentPhrase(form) || dictionary.MayStartAdjectivePhrase(form)) return true;
  }
  return false;
}

// Expects `gate` (asked with a token's folded form and hash) to pass every token of `doc` for which
// `must_pass` (asked with its surface and folded form) holds; returns how many those were.
template <typename MustPass, typename Gate>
size_t ExpectGateLetsThrough(const Document& doc, MustPass must_pass, Gate gate) {
  size_t count = 0;
  for (const Token& token : doc.tokens) {
    const std::string_view surface = doc.Surface(token.span);
    const HashedWord lower{doc.Lower(token), token.lower_hash};
    if (!must_pass(surface, lower)) continue;
    ++count;
    EXPECT_TRUE(gate(lower)) << surface;
  }
  return count;
}

// The compiled dictionary of the test image, and the bundled sample with more text after it.
class ActorDictionaryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    image_ = ResourceImage::Open(LAGEBILD_TEST_IMAGE, status);
    ASSERT_NE(image_, nullptr) << status.message();
    dictionary = ActorDictionary::Load(*image_, status);
    ASSERT_NE(dictionary, nullptr) << status.message();
  }
  static Document SampleWith(const std::string& more) {
    return testing_support::Analyse(testing_support::ReadSourceFile("examples/kim-putin-de.txt") + "\n\n" + more);
  }

  Status status;
  std::unique_ptr<ResourceImage> image_;
  std::unique_ptr<ActorDictionary> dictionary;
};

// The gate before FindAgent, CountryOfAdjective and the phrase starts: every word of real text
// that one of them knows passes it, in whatever case it is written.
TEST_F(ActorDictionaryTest, AgentAndDemonymGateLetsThroughEveryKnownWord) {
  const Document doc = SampleWith(
      "North Korean officials and the U.S. Secretary of State met Russian DEFENSE MINISTER Shoigu; "
      "US-Beamte und nordkoreanische Diplomaten warnten.");
  const size_t known = ExpectGateLetsThrough(
      doc, [&](std::string_view surface, HashedWord) { return FoundAsWrittenOrLowerFirst(*dictionary, surface); },
      [&](HashedWord lower) { return dictionary->MayBeAgentOrDemonym(lower); });
  EXPECT_GT(known, 20u);
  for (const char* unknown : {"haus", "the", "wladiwostok", "september"}) {
    EXPECT_FALSE(dictionary->MayBeAgentOrDemonym(std::string_view(unknown))) << unknown;
  }
  for (const char* lower : {"beamten", "nordkoreanische", "north", "russian", "officials"}) {
    EXPECT_TRUE(dictionary->MayBeAgentOrDemonym(std::string_view(lower))) << lower;
  }
}

// The gate before the actor pass's rules at a lower-case word: whatever passes the agent and
// demonym gate or is a name particle as written passes it, in whatever case it is written.
TEST_F(ActorDictionaryTest, EntityStartGateLetsThroughAgentsDemonymsAndParticles) {
  const Document doc = SampleWith(
      "Ursula von der Leyen met officials of Bashar al-Assad and Charles de Gaulle's heirs; "
      "die Beamten von Abu Bakr al Baghdadi und van Gogh.");
  const size_t particles = ExpectGateLetsThrough(
      doc, [&](std::string_view surface, HashedWord) { return dictionary->IsNameParticle(surface); },
      [&](HashedWord lower) { return dictionary->MayBeAgentDemonymOrParticle(lower); });
  EXPECT_GT(particles, 3u);
  ExpectGateLetsThrough(
      doc, [&](std::string_view, HashedWord lower) { return dictionary->MayBeAgentOrDemonym(lower); },
      [&](HashedWord lower) { return dictionary->MayBeAgentDemonymOrParticle(lower); });
  for (const char* unknown : {"haus", "the", "met", "september"}) {
    EXPECT_FALSE(dictionary->MayBeAgentDemonymOrParticle(std::string_view(unknown))) << unknown;
  }
}

}  // namespace
}  // namespace lagebild
