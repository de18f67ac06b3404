// Precision and recall of the near-duplicate grouping (src/store/near_duplicates.h) on a test
// set built from the corpora: distinct stories, and copies of some of them made with the edits
// that republished news shows (an exact copy, other boilerplate around it, a dropped sentence and
// a few changed words, the first 70 % only). Pairwise scores: a pair is right when the grouping
// puts two texts of one story together or two of different stories apart.
//
//   dedup_eval [--corpus reuters|gnad] [--stories N] [--seed S]
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "corpus.h"
#include "store/near_duplicates.h"

namespace {

using lagebild::RawDocument;

struct Text {
  std::string content;
  size_t story = 0;
  std::string kind;  // original, exact, boilerplate, edited, truncated
};

std::vector<std::string> Sentences(const std::string& text) {
  std::vector<std::string> sentences;
  size_t start = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if ((text[i] == '.' || text[i] == '\n') && i + 1 < text.size() && (text[i + 1] == ' ' || text[i + 1] == '\n')) {
      sentences.push_back(text.substr(start, i + 1 - start));
      start = i + 1;
    }
  }
  if (start < text.size()) sentences.push_back(text.substr(start));
  return sentences;
}

std::string Edited(const std::string& text, std::mt19937& random) {
  std::vector<std::string> sentences = Sentences(text);
  if (sentences.size() > 3) sentences.erase(sentences.begin() + static_cast<long>(random() % sentences.size()));
  std::string joined;
  for (const std::string& sentence : sentences) joined += sentence;
  // change about one word in thirty
  std::string out;
  size_t word = 0;
  for (size_t i = 0; i < joined.size(); ++i) {
    out += joined[i];
    if (joined[i] == ' ' && ++word % 30 == static_cast<size_t>(random() % 30)) out += "reportedly ";
  }
  return out;
}

std::string WithBoilerplate(const std::string& text, size_t n) {
  return fmt::format("Home | News | World | Sign in\nAdvertisement\n\n{}\n\nRead more: Top stories of the day\nShare this "
                     "article on social media. Copyright 2024 Example News {}. All rights reserved.",
                     text, n);
}

size_t Words(const std::string& text) {
  size_t words = 0;
  for (size_t i = 0; i < text.size(); ++i) words += text[i] == ' ' && i > 0 && text[i - 1] != ' ' ? 1 : 0;
  return words;
}

// Distinct stories: long enough and not the same text twice (the corpus's own near copies
// stay in, so that templated but different stories, such as earnings reports, count against
// precision when they are grouped).
std::vector<std::string> DistinctStories(const std::vector<RawDocument>& corpus, size_t wanted) {
  std::set<std::string> seen;
  std::vector<std::string> stories;
  for (const RawDocument& doc : corpus) {
    if (Words(doc.content) < 80 || !seen.insert(doc.content).second) continue;
    stories.push_back(doc.content);
    if (stories.size() == wanted) break;
  }
  return stories;
}

std::vector<Text> TestSet(const std::vector<std::string>& stories, std::mt19937& random) {
  std::vector<Text> texts;
  for (size_t s = 0; s < stories.size(); ++s) {
    texts.push_back({stories[s], s, "original"});
    if (s % 2 == 1) continue;  // half the stories have copies
    texts.push_back({stories[s], s, "exact"});
    texts.push_back({WithBoilerplate(stories[s], s), s, "boilerplate"});
    texts.push_back({Edited(stories[s], random), s, "edited"});
    texts.push_back({stories[s].substr(0, stories[s].size() * 7 / 10), s, "truncated"});
  }
  std::shuffle(texts.begin(), texts.end(), random);
  return texts;
}

uint64_t Pairs(uint64_t n) { return n * (n - 1) / 2; }

void Score(const std::vector<Text>& texts, const std::vector<size_t>& predicted, double seconds, uint64_t bytes) {
  std::map<size_t, uint64_t> by_truth, by_prediction;
  std::map<std::pair<size_t, size_t>, uint64_t> by_both;
  for (size_t i = 0; i < texts.size(); ++i) {
    ++by_truth[texts[i].story];
    ++by_prediction[predicted[i]];
    ++by_both[{texts[i].story, predicted[i]}];
  }
  uint64_t true_pairs = 0, predicted_pairs = 0, correct = 0;
  for (const auto& [key, n] : by_truth) true_pairs += Pairs(n);
  for (const auto& [key, n] : by_prediction) predicted_pairs += Pairs(n);
  for (const auto& [key, n] : by_both) correct += Pairs(n);
  const double precision = predicted_pairs ? static_cast<double>(correct) / predicted_pairs : 1;
  const double recall = true_pairs ? static_cast<double>(correct) / true_pairs : 1;
  fmt::print("texts {}  stories {}  same-story pairs {}  grouped pairs {}\n", texts.size(), by_truth.size(), true_pairs,
             predicted_pairs);
  fmt::print("pairwise precision {:.4f}  recall {:.4f}  F1 {:.4f}\n", precision, recall,
             precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0);
  // recall of each kind of copy: grouped with its original
  std::map<size_t, size_t> original_story;
  for (size_t i = 0; i < texts.size(); ++i) {
    if (texts[i].kind == "original") original_story[texts[i].story] = predicted[i];
  }
  std::map<std::string, std::pair<size_t, size_t>> kinds;
  for (size_t i = 0; i < texts.size(); ++i) {
    if (texts[i].kind == "original") continue;
    auto& [found, all] = kinds[texts[i].kind];
    ++all;
    found += predicted[i] == original_story[texts[i].story] ? 1 : 0;
  }
  for (const auto& [kind, counts] : kinds) fmt::print("  {:<12} {:>5} of {:>5} grouped with their original\n", kind, counts.first, counts.second);
  fmt::print("signatures and grouping: {:.2f} s, {:.1f} MB/s, {:.0f} texts/s\n", seconds, bytes / 1e6 / seconds, texts.size() / seconds);
}

}  // namespace

int main(int argc, char** argv) {
  std::string corpus = "reuters";
  size_t wanted = 2000;
  unsigned seed = 1;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--corpus")) corpus = argv[i + 1];
    else if (!std::strcmp(argv[i], "--stories")) wanted = std::stoul(argv[i + 1]);
    else if (!std::strcmp(argv[i], "--seed")) seed = static_cast<unsigned>(std::stoul(argv[i + 1]));
  }
  const std::vector<RawDocument> docs = lagebild::bench::LoadCorpus(corpus, lagebild::bench::CorporaDir());
  if (docs.empty()) {
    fmt::print(stderr, "dedup_eval: corpus {} not found under {}\n", corpus, lagebild::bench::CorporaDir());
    return 1;
  }
  std::mt19937 random(seed);
  const std::vector<Text> texts = TestSet(DistinctStories(docs, wanted), random);
  const auto start = std::chrono::steady_clock::now();
  lagebild::StoryIndex index;
  std::vector<size_t> predicted;
  uint64_t bytes = 0;
  for (const Text& text : texts) {
    predicted.push_back(index.Add(lagebild::SignatureOf(text.content)));
    bytes += text.content.size();
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  fmt::print("corpus {} (seed {})\n", corpus, seed);
  Score(texts, predicted, seconds, bytes);
  return 0;
}
