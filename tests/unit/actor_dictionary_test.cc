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

// The gate before FindAgent, CountryOfAdjective and the phrase starts: every word of real text
// that one of them knows passes it, in whatever case it is written.
TEST(ActorDictionaryTest, AgentAndDemonymGateLetsThroughEveryKnownWord) {
  Status status;
  const auto image = ResourceImage::Open(LAGEBILD_TEST_IMAGE, status);
  ASSERT_NE(image, nullptr) << status.message();
  const auto dictionary = ActorDictionary::Load(*image, status);
  ASSERT_NE(dictionary, nullptr) << status.message();
  const Document doc = testing_support::Analyse(
      testing_support::ReadSourceFile("examples/kim-putin-de.txt") +
      "\n\nNorth Korean officials and the U.S. Secretary of State met Russian DEFENSE MINISTER Shoigu; "
      "US-Beamte und nordkoreanische Diplomaten warnten.");
  size_t known = 0;
  for (const Token& token : doc.tokens) {
    const std::string_view surface = doc.Surface(token.span);
    const bool passes = dictionary->MayBeAgentOrDemonym({doc.Lower(token), token.lower_hash});
    if (FoundAsWrittenOrLowerFirst(*dictionary, surface)) {
      ++known;
      EXPECT_TRUE(passes) << surface;
    }
  }
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
TEST(ActorDictionaryTest, EntityStartGateLetsThroughAgentsDemonymsAndParticles) {
  Status status;
  const auto image = ResourceImage::Open(LAGEBILD_TEST_IMAGE, status);
  ASSERT_NE(image, nullptr) << status.message();
  const auto dictionary = ActorDictionary::Load(*image, status);
  ASSERT_NE(dictionary, nullptr) << status.message();
  const Document doc = testing_support::Analyse(
      testing_support::ReadSourceFile("examples/kim-putin-de.txt") +
      "\n\nUrsula von der Leyen met officials of Bashar al-Assad and Charles de Gaulle's heirs; "
      "die Beamten von Abu Bakr al Baghdadi und van Gogh.");
  size_t particles = 0;
  for (const Token& token : doc.tokens) {
    const HashedWord lower{doc.Lower(token), token.lower_hash};
    const bool particle = dictionary->IsNameParticle(doc.Surface(token.span));
    particles += particle;
    if (dictionary->MayBeAgentOrDemonym(lower) || particle) {
      EXPECT_TRUE(dictionary->MayBeAgentDemonymOrParticle(lower)) << doc.Surface(token.span);
    }
  }
  EXPECT_GT(particles, 3u);
  for (const char* unknown : {"haus", "the", "met", "september"}) {
    EXPECT_FALSE(dictionary->MayBeAgentDemonymOrParticle(std::string_view(unknown))) << unknown;
  }
}

}  // namespace
}  // namespace lagebild
