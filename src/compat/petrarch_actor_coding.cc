#include "compat/petrarch_actor_coding.h"

#include <algorithm>

namespace lagebild::petrarch {

std::string ResolveDatedCode(const std::vector<DatedCode>& codes, int date) {
  for (const DatedCode& code : codes) {
    if (code.from == 0 && code.to == 0) continue;
    if ((code.from == 0 || date >= code.from) && (code.to == 0 || date <= code.to)) return code.code;
  }
  std::string fallback = "---";
  for (const DatedCode& code : codes) {
    if (code.from == 0 && code.to == 0) fallback = code.code;
  }
  return fallback;
}

ActorCoder::ActorCoder(const Dictionaries& dictionaries) : dictionaries_(dictionaries) {
  for (size_t i = 0; i < dictionaries.actors.size(); ++i) {
    for (const std::string& phrase : dictionaries.actors[i].phrases) Add(actors_, phrase, static_cast<int>(i));
  }
  for (size_t i = 0; i < dictionaries.agents.size(); ++i) {
    for (const std::string& phrase : dictionaries.agents[i].phrases) Add(agents_, phrase, static_cast<int>(i));
  }
  // Longest phrases first, so "HAMAS MILITARY COMMAND" wins over "HAMAS".
  for (PhraseIndex* index : {&actors_, &agents_}) {
    for (auto& [word, phrases] : *index) {
      std::stable_sort(phrases.begin(), phrases.end(),
                       [](const Phrase& a, const Phrase& b) { return a.words.size() > b.words.size(); });
    }
  }
}

void ActorCoder::Add(PhraseIndex& index, const std::string& text, int owner) {
  Phrase phrase;
  phrase.owner = owner;
  std::string word;
  bool next_consecutive = false;
  const auto flush = [&](bool consecutive_after) {
    if (!word.empty()) {
      if (!phrase.words.empty()) phrase.consecutive.push_back(next_consecutive);
      phrase.words.push_back(word);
      word.clear();
      next_consecutive = consecutive_after;
    }
  };
  for (char c : text) {
    if (c == ' ' || c == '_') {
      flush(c == '_');
    } else {
      word += c;
    }
  }
  flush(false);
  if (phrase.words.empty()) return;
  index[phrase.words[0]].push_back(std::move(phrase));
}

int ActorCoder::MatchLength(const Phrase& phrase, const std::vector<std::string>& words, size_t start) {
  size_t at = start + 1;
  for (size_t k = 1; k < phrase.words.size(); ++k) {
    while (true) {
      if (at >= words.size()) return 0;
      if (words[at] == phrase.words[k]) break;
      if (phrase.consecutive[k - 1]) return 0;
      ++at;
    }
    ++at;
  }
  return static_cast<int>(at - start);
}

std::string ActorCoder::ActorCode(int actor, int date) const {
  return ResolveDatedCode(dictionaries_.actors[actor].codes, date);
}

std::string ActorCoder::Code(const std::vector<std::string>& words, int date) const {
  std::string code;
  size_t actor_begin = 0, actor_end = 0;
  for (size_t k = 0; k < words.size() && code.empty(); ++k) {
    const auto found = actors_.find(words[k]);
    if (found == actors_.end()) continue;
    for (const Phrase& phrase : found->second) {
      if (const int length = MatchLength(phrase, words, k); length > 0) {
        code = ActorCode(phrase.owner, date);
        actor_begin = k;
        actor_end = k + static_cast<size_t>(length);
        break;
      }
    }
  }
  std::vector<const Agent*> agents;
  for (size_t k = 0; k < words.size(); ++k) {
    if (!code.empty() && k >= actor_begin && k < actor_end) continue;
    const auto found = agents_.find(words[k]);
    if (found == agents_.end()) continue;
    for (const Phrase& phrase : found->second) {
      if (const int length = MatchLength(phrase, words, k); length > 0) {
        agents.push_back(&dictionaries_.agents[phrase.owner]);
        k += static_cast<size_t>(length) - 1;
        break;
      }
    }
  }
  if (code.empty()) code = "---";
  for (const Agent* agent : agents) {
    // A code already present (checked in blocks of three characters) ends the agents.
    bool duplicate = false;
    for (size_t at = 0; at + agent->code.size() <= code.size(); at += 3) {
      if (code.compare(at, agent->code.size(), agent->code) == 0) duplicate = true;
    }
    if (duplicate) break;
    code = agent->actor_first ? code + agent->code : agent->code + code;
  }
  return code;
}

}  // namespace lagebild::petrarch
