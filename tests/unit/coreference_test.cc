#include "actors/coreference.h"

#include <gtest/gtest.h>

#include <map>
#include <random>
#include <set>

namespace lagebild {
namespace {

// "Kim Jong-un" named and mentioned twice, then his father "Kim Jong-il" once: "Kim" still means
// the son, "Jong-il" the father.
TEST(CoreferenceTest, TheMoreMentionedPersonKeepsTheSharedName) {
  ReferenceRegistry registry;
  registry.Register("kim", 0);
  registry.Register("jong-un", 0);
  registry.CountMention(0);
  registry.CountMention(0);
  registry.Register("kim", 5);
  registry.Register("jong-il", 5);
  registry.CountMention(5);
  EXPECT_EQ(registry.Resolve("kim"), 0);
  EXPECT_EQ(registry.Resolve("jong-il"), 5);
  EXPECT_EQ(registry.Resolve("putin"), -1);
  registry.CountMention(5);  // as many mentions now, and seen later
  EXPECT_EQ(registry.Resolve("kim"), 5);
}

TEST(CoreferenceTest, AnEarlierRegistrationWinsAFullTie) {
  ReferenceRegistry registry;
  registry.Register("watson", 3);
  registry.Register("watson", 7);
  EXPECT_EQ(registry.Resolve("watson"), 3);
  registry.Register("", 9);
  EXPECT_EQ(registry.Resolve(""), -1);
}

// The straightforward rule: of the referents registered for a key, the one with the most mentions,
// the latest seen on a tie, the first registered on a full tie.
class ReferenceModel {
 public:
  void Register(const std::string& key, int32_t referent) {
    auto& list = referents_[key];
    if (std::find(list.begin(), list.end(), referent) == list.end()) list.push_back(referent);
  }
  void CountMention(int32_t referent) {
    ++mentions_[referent];
    last_seen_[referent] = ++clock_;
  }
  int32_t Resolve(const std::string& key) {
    int32_t best = -1;
    for (int32_t referent : referents_[key]) {
      if (best < 0 || mentions_[referent] > mentions_[best] ||
          (mentions_[referent] == mentions_[best] && last_seen_[referent] > last_seen_[best])) {
        best = referent;
      }
    }
    return best;
  }

 private:
  std::map<std::string, std::vector<int32_t>> referents_;
  std::map<int32_t, uint32_t> mentions_, last_seen_;
  uint32_t clock_ = 0;
};

TEST(CoreferenceTest, AgreesWithTheStraightforwardRuleOnRandomDocuments) {
  std::mt19937 random(20261129);
  const std::vector<std::string> keys = {"kim", "jong-un", "jong-il", "putin", "wladimir", "watson", "lee"};
  for (int document = 0; document < 200; ++document) {
    ReferenceRegistry registry;
    ReferenceModel model;
    for (int step = 0; step < 300; ++step) {
      const auto referent = static_cast<int32_t>(random() % 12);
      const std::string& key = keys[random() % keys.size()];
      switch (random() % 3) {
        case 0: registry.Register(key, referent), model.Register(key, referent); break;
        case 1: registry.CountMention(referent), model.CountMention(referent); break;
        default: ASSERT_EQ(registry.Resolve(key), model.Resolve(key)) << "document " << document << " step " << step;
      }
    }
  }
}

}  // namespace
}  // namespace lagebild
