#include "compat/petrarch_verbs.h"

#include <algorithm>
#include <array>
#include <string_view>

namespace lagebild::petrarch {
namespace {

std::vector<std::string> SplitOn(std::string_view text, char separator) {
  std::vector<std::string> parts;
  size_t begin = 0;
  while (begin <= text.size()) {
    size_t end = text.find(separator, begin);
    if (end == std::string_view::npos) end = text.size();
    if (end > begin) parts.emplace_back(text.substr(begin, end - begin));
    begin = end + 1;
  }
  return parts;
}

// Matches one side of a pattern against a sequence by depth-first search with gaps.
class SideMatcher {
 public:
  SideMatcher(const std::vector<PatternToken>& tokens, const std::vector<SeqItem>& sequence, bool upper,
              const std::map<std::string, std::vector<std::vector<std::string>>>& synsets)
      : tokens_(tokens), sequence_(sequence), upper_(upper), synsets_(synsets) {}

  bool Run() { return Step(0, 0); }
  Slot source, target;

 private:
  static constexpr int kBudget = 20000;

  bool IsWord(size_t pos) const { return sequence_[pos].kind == SeqKind::kWord; }

  // A word that a `_` join may not skip: any word before the verb; after it, not the articles,
  // pronouns and numbers that PETRARCH passes over.
  bool Blocks(size_t pos) const { return IsWord(pos) && (upper_ || !VerbIndex::IsSkipWord(sequence_[pos].word)); }

  // The position after `phrase` matched from `pos` over visible words, or 0 when it does not match.
  size_t PhraseEnd(const std::vector<std::string>& phrase, size_t pos) const {
    size_t at = pos;
    for (size_t k = 0; k < phrase.size(); ++k) {
      while (at < sequence_.size() && !IsWord(at)) ++at;
      const std::string& want = upper_ ? phrase[phrase.size() - 1 - k] : phrase[k];
      if (at >= sequence_.size() || sequence_[at].word != want) return 0;
      ++at;
    }
    return at;
  }

  // The position after the end of the entity that `pos` is in, in the direction of reading.
  size_t AfterEntity(size_t pos) const {
    const SeqKind end = upper_ ? SeqKind::kNeOpen : SeqKind::kNeClose;
    for (size_t at = pos; at < sequence_.size(); ++at) {
      if (sequence_[at].kind == end && sequence_[at].ne == sequence_[pos].ne) return at + 1;
    }
    return sequence_.size();
  }

  bool WithSlot(Slot& slot, Slot value, size_t t, size_t pos) {
    const Slot saved = slot;
    slot = value;
    if (Step(t + 1, pos)) return true;
    slot = saved;
    return false;
  }

  bool Step(size_t t, size_t start) {
    if (t == tokens_.size()) return true;
    if (++steps_ > kBudget) return false;
    const PatternToken& token = tokens_[t];
    bool skipped_word = false;
    for (size_t pos = start; pos < sequence_.size(); ++pos) {
      if (token.joined && skipped_word) break;  // `_`: nothing may come between
      if (!IsWord(pos)) continue;
      skipped_word = skipped_word || Blocks(pos);
      const SeqItem& item = sequence_[pos];
      switch (token.kind) {
        case PatternTokenKind::kWord:
          if (item.word == token.text && Step(t + 1, pos + 1)) return true;
          break;
        case PatternTokenKind::kSynset: {
          const auto found = synsets_.find(token.text);
          if (found == synsets_.end()) return false;
          for (const auto& phrase : found->second) {
            const size_t end = PhraseEnd(phrase, pos);
            if (end > 0 && Step(t + 1, end)) return true;
          }
          break;
        }
        case PatternTokenKind::kSource:
          if (item.ne >= 0 && WithSlot(source, {item.ne, -1}, t, pos)) return true;
          break;
        case PatternTokenKind::kTarget:
          if (item.ne >= 0 && WithSlot(target, {item.ne, -1}, t, pos)) return true;
          break;
        case PatternTokenKind::kSkipActor:
          if (item.ne >= 0 && Step(t + 1, AfterEntity(pos))) return true;
          break;
        case PatternTokenKind::kCompound:
          // Before the verb the compound is both source and target (events among its members);
          // after the verb it is the target.
          if (item.nec >= 0) {
            const Slot saved_source = source;
            if (upper_) source = {-1, item.nec};
            if (WithSlot(target, {-1, item.nec}, t, pos)) return true;
            source = saved_source;
          }
          break;
      }
    }
    return false;
  }

  const std::vector<PatternToken>& tokens_;
  const std::vector<SeqItem>& sequence_;
  bool upper_;
  const std::map<std::string, std::vector<std::vector<std::string>>>& synsets_;
  int steps_ = 0;
};

}  // namespace

bool VerbIndex::IsSkipWord(const std::string& word) {
  static constexpr std::array<std::string_view, 30> kWords = {
      "THE",  "A",     "AN",   "IT",      "HE",       "THEY",    "HER",     "HAS",      "HAD",    "HAVE",
      "SOME", "FEW",   "THAT", "HUNDRED", "THOUSAND", "MILLION", "BILLION", "TRILLION", "DOZEN",  "ONE",
      "TWO",  "THREE", "FOUR", "FIVE",    "SIX",      "SEVEN",   "EIGHT",   "NINE",     "DOLLAR", "DUCAT"};
  if (word.empty()) return false;
  if (std::find(kWords.begin(), kWords.end(), word) != kWords.end()) return true;
  size_t digits = (word[0] == '-' || word[0] == '+') ? 1 : 0;
  if (digits == word.size()) return false;
  return word.find_first_not_of("0123456789", digits) == std::string::npos;
}

VerbIndex::VerbIndex(const Dictionaries& dictionaries) {
  for (const Synset& set : dictionaries.synsets) {
    auto& phrases = synsets_[set.name];
    phrases.clear();  // a redefinition replaces the set
    for (const std::string& member : set.members) {
      if (member[0] == '&') {
        ExpandSynset(member, phrases);
      } else {
        phrases.push_back(SplitOn(member, ' '));
      }
    }
  }
  patterns_.resize(dictionaries.verb_blocks.size());
  for (size_t b = 0; b < dictionaries.verb_blocks.size(); ++b) {
    const VerbBlock& block = dictionaries.verb_blocks[b];
    for (const VerbEntry& entry : block.verbs) AddVerb(entry, static_cast<int>(b));
    for (const VerbPattern& pattern : block.patterns) patterns_[b].push_back(&pattern);
    std::stable_sort(patterns_[b].begin(), patterns_[b].end(), [](const VerbPattern* a, const VerbPattern* b) {
      if (a->lower.size() != b->lower.size()) return a->lower.size() > b->lower.size();
      return a->upper.size() > b->upper.size();
    });
  }
}

// An embedded set was defined earlier, so its phrases are already expanded.
void VerbIndex::ExpandSynset(const std::string& name, std::vector<std::vector<std::string>>& out) const {
  const auto found = synsets_.find(name);
  if (found == synsets_.end() || &found->second == &out) return;  // a set cannot hold itself
  out.insert(out.end(), found->second.begin(), found->second.end());
}

void VerbIndex::AddVerb(const VerbEntry& entry, int block) {
  const bool multi_word = entry.phrase.find('_') != std::string::npos || entry.phrase.find('+') != std::string::npos;
  if (!multi_word) {
    AddForm(entry.phrase, block, entry.code);
    if (!entry.forms.empty()) {
      for (const std::string& form : entry.forms) AddForm(form, block, entry.code);
    } else {
      for (const std::string& form : RegularVerbForms(entry.phrase)) AddForm(form, block, entry.code);
    }
    return;
  }
  AddForm(entry.phrase, block, entry.code);
  if (!entry.forms.empty()) {
    for (const std::string& form : entry.forms) AddForm(form, block, entry.code);
    return;
  }
  // Regular forms of the word marked with `+`.
  std::vector<std::string> words = SplitOn(entry.phrase, '_');
  for (size_t i = 0; i < words.size(); ++i) {
    if (words[i].empty() || words[i][0] != '+') continue;
    for (const std::string& form : RegularVerbForms(words[i].substr(1))) {
      std::string phrase;
      for (size_t j = 0; j < words.size(); ++j) phrase += (j ? "_" : "") + (j == i ? "+" + form : words[j]);
      AddForm(phrase, block, entry.code);
    }
  }
}

void VerbIndex::AddForm(const std::string& phrase, int block, const std::string& code) {
  VerbSense sense;
  sense.block = block;
  sense.code = code;
  std::string verb;
  const std::vector<std::string> words = SplitOn(phrase, '_');
  int verb_at = words.size() == 1 ? 0 : -1;
  for (size_t i = 0; i < words.size(); ++i) {
    if (!words[i].empty() && words[i][0] == '+') verb_at = static_cast<int>(i);
  }
  if (verb_at < 0) return;
  verb = words[verb_at][0] == '+' ? words[verb_at].substr(1) : words[verb_at];
  if (verb.empty()) return;
  for (int i = verb_at - 1; i >= 0; --i) sense.before.push_back(words[i]);
  for (size_t i = verb_at + 1; i < words.size(); ++i) sense.after.push_back(words[i]);
  std::vector<VerbSense>& senses = senses_[verb];
  // A later entry with the same shape replaces an earlier one, as in PETRARCH.
  for (VerbSense& existing : senses) {
    if (existing.before == sense.before && existing.after == sense.after) {
      existing = sense;
      return;
    }
  }
  senses.push_back(std::move(sense));
}

const std::vector<VerbSense>* VerbIndex::Find(const std::string& word) const {
  const auto found = senses_.find(word);
  return found == senses_.end() ? nullptr : &found->second;
}

PatternMatch VerbIndex::Match(int block, const std::vector<SeqItem>& upper, const std::vector<SeqItem>& lower) const {
  PatternMatch result;
  if (block < 0 || block >= static_cast<int>(patterns_.size())) return result;
  for (const VerbPattern* pattern : patterns_[block]) {
    SideMatcher low(pattern->lower, lower, false, synsets_);
    if (!low.Run()) continue;
    // The upper sequence runs from the verb backwards, so the upper tokens do too; a token's
    // join then ties it to the token after it in the sentence (or to the verb).
    const std::vector<PatternToken>& forward = pattern->upper;
    std::vector<PatternToken> reversed(forward.rbegin(), forward.rend());
    for (size_t j = 0; j < reversed.size(); ++j) {
      reversed[j].joined = j == 0 ? pattern->upper_touches_verb : forward[forward.size() - j].joined;
    }
    SideMatcher up(reversed, upper, true, synsets_);
    if (!up.Run()) continue;
    result.pattern = pattern;
    result.source = !low.source.empty() ? low.source : up.source;
    result.target = !low.target.empty() ? low.target : up.target;
    return result;
  }
  return result;
}

}  // namespace lagebild::petrarch
