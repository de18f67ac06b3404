#include "compat/tabari_lexicon.h"

#include <algorithm>
#include <array>

namespace lagebild::tabari {
namespace {

constexpr int kMaxSynsetDepth = 8;

bool IsTokenChar(char c) { return c == '*' || c == '$' || c == '+' || c == '%' || c == '^' || c == '{' || c == '|' || c == '}'; }

// One token of a pattern or phrase and the connector that follows it: ' ' (or end), '_' before
// more text (exact and adjacent), '_' before a blank (exact only) or '~' (adjacent stem).
struct RawToken {
  std::string text;
  bool exact = false;          // the word ended in `_` (or `=`)
  bool no_ending = false;      // the word ended in `=`
  bool next_adjacent = false;  // the next token must follow directly
};

std::vector<RawToken> Tokenize(std::string_view text) {
  std::vector<RawToken> tokens;
  size_t at = 0;
  while (at < text.size()) {
    const char c = text[at];
    if (c == ' ' || c == '\t' || c == '_') {
      ++at;
      continue;
    }
    RawToken token;
    if (IsTokenChar(c)) {
      token.text = std::string(1, c);
      ++at;
    } else {
      const size_t begin = at;
      while (at < text.size() && text[at] != ' ' && text[at] != '\t' && text[at] != '_' && text[at] != '~' &&
             !IsTokenChar(text[at])) {
        ++at;
      }
      token.text = std::string(text.substr(begin, at - begin));
      if (!token.text.empty() && token.text.back() == '=') {
        token.text.pop_back();
        token.exact = token.no_ending = true;
      }
    }
    if (at < text.size() && text[at] == '_') {
      token.exact = true;
      token.next_adjacent = at + 1 < text.size() && text[at + 1] != ' ' && text[at + 1] != '\t';
      ++at;
    } else if (at < text.size() && text[at] == '~') {
      token.next_adjacent = true;
      ++at;
    }
    if (!token.text.empty()) tokens.push_back(std::move(token));
  }
  return tokens;
}

WordMatch MatchOf(const RawToken& token) {
  if (token.no_ending) return WordMatch::kExactNoEnding;
  return token.exact ? WordMatch::kExact : WordMatch::kStem;
}

bool EndsWith(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

// Builds elements from tokens[at…] until `|`, `}` or the end; `at` ends on the stopping token.
class ElementReader {
 public:
  ElementReader(const std::vector<RawToken>& tokens, const std::unordered_map<std::string, int>& synsets)
      : tokens_(tokens), synsets_(synsets) {}

  bool Read(size_t& at, ElementSequence& out, bool inside_alternatives, std::string& problem) {
    bool adjacent = false;
    while (at < tokens_.size()) {
      const RawToken& token = tokens_[at];
      if (token.text == "|" || token.text == "}") {
        if (!inside_alternatives) {
          problem = "`" + token.text + "` outside { … }";
          return false;
        }
        return true;
      }
      PatternElement element;
      element.adjacent = adjacent;
      if (!ReadElement(at, element, problem)) return false;
      adjacent = tokens_[at].next_adjacent;
      out.push_back(std::move(element));
      ++at;
    }
    if (inside_alternatives) problem = "missing } after alternatives";
    return !inside_alternatives;
  }

 private:
  bool ReadElement(size_t& at, PatternElement& element, std::string& problem) {
    const RawToken& token = tokens_[at];
    using Kind = PatternElement::Kind;
    if (token.text == "*") element.kind = Kind::kVerb;
    else if (token.text == "$") element.kind = Kind::kSource;
    else if (token.text == "+") element.kind = Kind::kTarget;
    else if (token.text == "%") element.kind = Kind::kCompound;
    else if (token.text == "^") element.kind = Kind::kSkip;
    else if (token.text == "{") return ReadAlternatives(at, element, problem);
    else if (token.text.front() == '&') {
      const auto found = synsets_.find(token.text);
      if (found == synsets_.end()) {
        problem = "unknown synset " + token.text;
        return false;
      }
      element.kind = Kind::kSynset;
      element.synset = found->second;
    } else {
      element.kind = Kind::kWord;
      element.word = token.text;
      element.match = MatchOf(token);
    }
    return true;
  }

  bool ReadAlternatives(size_t& at, PatternElement& element, std::string& problem) {
    element.kind = PatternElement::Kind::kAlternatives;
    ++at;
    while (true) {
      ElementSequence alternative;
      if (!Read(at, alternative, true, problem)) return false;
      if (!alternative.empty()) element.alternatives.push_back(std::move(alternative));
      if (tokens_[at].text == "}") return true;
      ++at;  // past `|`
    }
  }

  const std::vector<RawToken>& tokens_;
  const std::unordered_map<std::string, int>& synsets_;
};

int FixedLength(const ElementSequence& elements, const std::vector<std::vector<ElementSequence>>& synsets, int depth = 0);

int ElementLength(const PatternElement& element, const std::vector<std::vector<ElementSequence>>& synsets, int depth) {
  switch (element.kind) {
    case PatternElement::Kind::kWord:
      return static_cast<int>(element.word.size());
    case PatternElement::Kind::kAlternatives: {
      int longest = 0;
      for (const ElementSequence& alternative : element.alternatives) longest = std::max(longest, FixedLength(alternative, synsets, depth));
      return longest;
    }
    case PatternElement::Kind::kSynset: {
      if (depth > kMaxSynsetDepth || element.synset < 0 || element.synset >= static_cast<int>(synsets.size())) return 0;
      int longest = 0;
      for (const ElementSequence& member : synsets[element.synset]) longest = std::max(longest, FixedLength(member, synsets, depth + 1));
      return longest;
    }
    default:
      return 0;
  }
}

int FixedLength(const ElementSequence& elements, const std::vector<std::vector<ElementSequence>>& synsets, int depth) {
  int length = 0;
  for (const PatternElement& element : elements) length += ElementLength(element, synsets, depth);
  return length;
}

bool DesignatesActors(const ElementSequence& elements) {
  for (const PatternElement& element : elements) {
    using Kind = PatternElement::Kind;
    if (element.kind == Kind::kSource || element.kind == Kind::kTarget || element.kind == Kind::kCompound) return true;
    for (const ElementSequence& alternative : element.alternatives) {
      if (DesignatesActors(alternative)) return true;
    }
  }
  return false;
}

}  // namespace

bool WordMatches(std::string_view dictionary_word, WordMatch match, std::string_view text_word, Endings endings) {
  if (text_word.size() < dictionary_word.size() || text_word.substr(0, dictionary_word.size()) != dictionary_word) return false;
  if (match == WordMatch::kStem || text_word.size() == dictionary_word.size()) return true;
  if (match == WordMatch::kExactNoEnding) return false;
  static constexpr std::array<std::string_view, 3> kNounEndings = {"S", "'S", "'"};
  static constexpr std::array<std::string_view, 6> kVerbEndings = {"S", "ED", "ES", "EN", "ING", "D"};
  const std::string_view ending = text_word.substr(dictionary_word.size());
  if (endings == Endings::kNoun) return std::find(kNounEndings.begin(), kNounEndings.end(), ending) != kNounEndings.end();
  if (ending == "D") return EndsWith(dictionary_word, "E");  // DONATE_ → DONATED
  return std::find(kVerbEndings.begin(), kVerbEndings.end(), ending) != kVerbEndings.end();
}

Lexicon::Lexicon(const Dictionary& dictionary, std::vector<std::string>& problems) : dictionary_(dictionary) {
  for (size_t i = 0; i < dictionary.actors.size(); ++i) {
    for (const std::string& phrase : dictionary.actors[i].phrases) AddRoot(RootKind::kActor, phrase, static_cast<int>(i));
  }
  for (size_t i = 0; i < dictionary.agents.size(); ++i) AddRoot(RootKind::kAgent, dictionary.agents[i].phrase, static_cast<int>(i));
  for (const std::string& noun : dictionary.nouns) AddRoot(RootKind::kNoun, noun, -1);
  for (const std::string& adjective : dictionary.adjectives) AddRoot(RootKind::kAdjective, adjective, -1);
  for (size_t i = 0; i < dictionary.time_phrases.size(); ++i) {
    if (dictionary.time_phrases[i].first.find('*') == std::string::npos) AddRoot(RootKind::kTime, dictionary.time_phrases[i].first, static_cast<int>(i));
  }
  for (size_t i = 0; i < dictionary.verbs.size(); ++i) {
    AddRoot(RootKind::kVerb, dictionary.verbs[i].root, static_cast<int>(i));
    for (const std::string& form : dictionary.verbs[i].forms) AddRoot(RootKind::kVerb, form, static_cast<int>(i));
  }
  IndexRoots();
  CompileSynsets(problems);
  CompileVerbs(problems);
}

void Lexicon::AddRoot(RootKind kind, std::string_view phrase, int entry) {
  RootPhrase root;
  root.kind = kind;
  root.entry = entry;
  root.order = static_cast<int>(roots_.size());
  bool next_adjacent = false;
  for (const RawToken& token : Tokenize(phrase)) {
    if (IsTokenChar(token.text.front())) continue;
    root.words.push_back(token.text);
    root.matches.push_back(MatchOf(token));
    root.adjacent.push_back(next_adjacent);
    root.length += static_cast<int>(token.text.size());
    next_adjacent = token.next_adjacent;
  }
  if (root.words.empty()) return;
  roots_.push_back(std::move(root));
}

// A trie of the phrases' first words: a common-prefix search finds every phrase whose first word
// is a prefix of a text word, which is what stems and regular endings need.
void Lexicon::IndexRoots() {
  marisa::Keyset keyset;
  for (const RootPhrase& root : roots_) keyset.push_back(root.words.front().c_str());
  first_words_.build(keyset);
  roots_by_first_word_.resize(first_words_.size());
  marisa::Agent agent;
  for (size_t index = 0; index < roots_.size(); ++index) {
    agent.set_query(roots_[index].words.front().c_str());
    if (!first_words_.lookup(agent)) continue;
    const RootPhrase& root = roots_[index];
    const char second = root.words.size() > 1 && root.adjacent[1] ? root.words[1].front() : 0;
    roots_by_first_word_[agent.key().id()].push_back({static_cast<int>(index), second});
  }
}

void Lexicon::Candidates(std::string_view word, std::string_view next_word, std::vector<const RootPhrase*>& out) const {
  out.clear();
  const char next_letter = next_word.empty() ? 0 : next_word.front();
  marisa::Agent agent;
  agent.set_query(word.data(), word.size());
  while (first_words_.common_prefix_search(agent)) {
    for (const RootRef& ref : roots_by_first_word_[agent.key().id()]) {
      if (ref.adjacent_second_letter == 0 || ref.adjacent_second_letter == next_letter) out.push_back(&roots_[ref.index]);
    }
  }
}

int Lexicon::AnchorId(const std::string& word, WordMatch match, std::unordered_map<std::string, int>& ids) {
  const std::string key = word + (match == WordMatch::kStem ? "~" : "_");
  const auto [found, added] = ids.emplace(key, static_cast<int>(anchor_words_.size()));
  if (added) anchor_words_.emplace_back(word, match);
  return found->second;
}

void Lexicon::CompileSynsets(std::vector<std::string>& problems) {
  // Synsets may name synsets declared before them, so they are compiled in file order; the map
  // keeps names sorted, which is close enough for the forward references dictionaries use.
  for (const auto& [name, members] : dictionary_.synsets) synset_index_[name] = static_cast<int>(synset_index_.size());
  synsets_.resize(synset_index_.size());
  for (const auto& [name, members] : dictionary_.synsets) {
    const int index = synset_index_[name];
    for (const std::string& member : members) {
      std::vector<RawToken> tokens = Tokenize(member);
      ElementSequence sequence;
      size_t at = 0;
      std::string problem;
      ElementReader reader(tokens, synset_index_);
      if (!reader.Read(at, sequence, false, problem) || sequence.empty()) {
        problems.push_back("synset " + name + ": member `" + member + "`: " + (problem.empty() ? "empty" : problem));
        continue;
      }
      bool self_reference = false;
      for (PatternElement& element : sequence) {
        self_reference |= element.synset == index;
        // A one-word synset member is neither stemmed nor given regular endings (manual 5.6);
        // in longer members the words follow the usual rules (SWISS_FRANC matches FRANCS).
        if (element.kind == PatternElement::Kind::kWord && sequence.size() == 1) element.match = WordMatch::kExactNoEnding;
      }
      if (self_reference) {
        problems.push_back("synset " + name + " names itself in `" + member + "`");
        continue;
      }
      synsets_[index].push_back(std::move(sequence));
    }
  }
}

void Lexicon::CompileVerbs(std::vector<std::string>& problems) {
  verbs_.resize(dictionary_.verbs.size());
  std::unordered_map<std::string, int> anchor_ids;
  for (size_t v = 0; v < dictionary_.verbs.size(); ++v) {
    const Verb& verb = dictionary_.verbs[v];
    verbs_[v].code = verb.code;
    for (const VerbPattern& pattern : verb.patterns) {
      const std::vector<RawToken> tokens = Tokenize(pattern.text);
      ElementSequence elements;
      size_t at = 0;
      std::string problem;
      ElementReader reader(tokens, synset_index_);
      if (!reader.Read(at, elements, false, problem)) {
        problems.push_back("line " + std::to_string(pattern.line) + ": " + problem);
        continue;
      }
      const auto star = std::find_if(elements.begin(), elements.end(), [](const PatternElement& e) { return e.kind == PatternElement::Kind::kVerb; });
      if (star == elements.end()) continue;
      CompiledPattern compiled;
      compiled.code = pattern.code;
      compiled.line = pattern.line;
      compiled.verb_adjacent_before = star->adjacent;
      compiled.lower.assign(elements.begin(), star);
      compiled.upper.assign(star + 1, elements.end());
      compiled.length = FixedLength(compiled.lower, synsets_) + FixedLength(compiled.upper, synsets_);
      compiled.designates_actors = DesignatesActors(compiled.lower) || DesignatesActors(compiled.upper);
      for (const ElementSequence* part : {&compiled.lower, &compiled.upper}) {
        for (const PatternElement& element : *part) {
          if (element.kind == PatternElement::Kind::kWord) compiled.anchors.push_back(AnchorId(element.word, element.match, anchor_ids));
        }
      }
      verbs_[v].patterns.push_back(std::move(compiled));
    }
    std::stable_sort(verbs_[v].patterns.begin(), verbs_[v].patterns.end(),
                     [](const CompiledPattern& a, const CompiledPattern& b) { return a.length > b.length; });
  }
}

}  // namespace lagebild::tabari
