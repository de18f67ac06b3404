#include "compat/petrarch_coder.h"

#include <algorithm>
#include <cctype>
#include <charconv>

#include "compat/penn_tree.h"
#include "util/ascii.h"

namespace lagebild::petrarch {
namespace {

bool StartsWith(std::string_view text, std::string_view prefix) { return text.substr(0, prefix.size()) == prefix; }

// Pattern codes that give no event of their own: null "---", TABARI's complex "+++" and discard
// "###" (PETRARCH keeps discards in their own list); the verb's code applies instead.
bool IsNonEventCode(const std::string& code) { return code == "---" || code == "+++" || code == "###"; }

bool IsVerbOpen(const Item& item) { return item.kind == ItemKind::kOpen && StartsWith(item.text, "VB"); }

// The coding of one sentence's parse list.
class SentenceCoder {
 public:
  SentenceCoder(ParseList& list, const VerbIndex& verbs, const CoderOptions& options)
      : list_(list), verbs_(verbs), options_(options) {}

  std::vector<CodedEvent> Run() {
    const std::vector<Item>& items = list_.items;
    for (int k = 1; k + 2 < static_cast<int>(items.size()); ++k) {
      if (items[k].kind != ItemKind::kOpen || items[k].text != "VP" || !IsVerbOpen(items[k + 1])) continue;
      const int vp_end = MatchingClose(list_, k);
      if (vp_end < 0) continue;
      if (CodeVerbPhrase(k, vp_end)) k = vp_end;
    }
    return std::move(events_);
  }

 private:
  static constexpr int kParseStart = 1;

  // PETRARCH-1's check_passive: a VBN in the phrase, "BY" after it, and WAS/IS/BEEN before it.
  int PassiveVerb(int vp, int vp_end) const {
    const std::vector<Item>& items = list_.items;
    int vbn_close = -1;
    for (int i = vp + 3; i < vp_end; ++i) {
      if (items[i].kind == ItemKind::kOpen && items[i].text == "VBN") {
        for (int j = i; j < vp_end; ++j) {
          if (items[j].kind == ItemKind::kClose && items[j].text == "VBN") {
            vbn_close = j;
            break;
          }
        }
        break;
      }
    }
    if (vbn_close < 0) return -1;
    bool by = false;
    for (int i = vbn_close + 3; i < vp_end; ++i) by = by || (items[i].kind == ItemKind::kWord && items[i].text == "BY");
    if (!by) return -1;
    for (int i = vbn_close - 3; i > vp; --i) {
      if (items[i].kind == ItemKind::kClose && StartsWith(items[i].text, "VB")) {
        const std::string& aux = items[i - 1].text;
        if (aux == "WAS" || aux == "IS" || aux == "BEEN") return vbn_close - 1;
      }
    }
    return -1;
  }

  // Walks from `from` in `step` direction over non-words and skipped words, matching `words`;
  // returns the index of the last matched word or -1.
  int MatchWords(int from, int step, const std::vector<std::string>& words, int limit_low, int limit_high) const {
    int at = from;
    int last = -1;
    for (const std::string& word : words) {
      while (at > limit_low && at < limit_high &&
             (list_.items[at].kind != ItemKind::kWord || VerbIndex::IsSkipWord(list_.items[at].text))) {
        at += step;
      }
      if (at <= limit_low || at >= limit_high || list_.items[at].text != word) return -1;
      last = at;
      at += step;
    }
    return last;
  }

  // Chooses the verb sense: the longest multi-word verb that matches, else the single word.
  const VerbSense* ChooseSense(const std::vector<VerbSense>& senses, int verb, int vp_end, int& first,
                               int& last) const {
    const VerbSense* best = nullptr;
    size_t best_length = 0;
    for (const VerbSense& sense : senses) {
      int begin = verb, end = verb;
      if (!sense.after.empty()) {
        end = MatchWords(verb + 1, 1, sense.after, verb, vp_end);
        if (end < 0) continue;
      }
      if (!sense.before.empty()) {
        begin = MatchWords(verb - 1, -1, sense.before, kParseStart - 1, verb);
        if (begin < 0) continue;
      }
      const size_t length = 1 + sense.before.size() + sense.after.size();
      if (!best || length > best_length) {
        best = &sense;
        best_length = length;
        first = begin;
        last = end;
      }
    }
    return best;
  }

  SeqItem ToSeq(const Item& item) const {
    switch (item.kind) {
      case ItemKind::kNeOpen:
        return {SeqKind::kNeOpen, "", item.ne, item.nec};
      case ItemKind::kNeClose:
        return {SeqKind::kNeClose, "", item.ne, item.nec};
      case ItemKind::kNecOpen:
        return {SeqKind::kNecOpen, "", -1, item.nec};
      case ItemKind::kNecClose:
        return {SeqKind::kNecClose, "", -1, item.nec};
      default:
        return {SeqKind::kWord, item.text, item.ne, item.nec};
    }
  }

  // Words and entity marks before `from`, nearest first, back to the sentence start or a comma.
  std::vector<SeqItem> UpperSequence(int from) const {
    std::vector<SeqItem> sequence;
    for (int k = from; k >= kParseStart; --k) {
      const Item& item = list_.items[k];
      if (item.kind == ItemKind::kClose && item.text == ",") break;
      if (item.kind == ItemKind::kOpen || item.kind == ItemKind::kClose) continue;
      sequence.push_back(ToSeq(item));
    }
    return sequence;
  }

  std::vector<SeqItem> LowerSequence(int from, int end) const {
    std::vector<SeqItem> sequence;
    for (int k = from; k < end; ++k) {
      const Item& item = list_.items[k];
      if (item.kind == ItemKind::kOpen || item.kind == ItemKind::kClose) continue;
      sequence.push_back(ToSeq(item));
    }
    return sequence;
  }

  const std::string& EntityCode(int entity) const { return list_.entities[entity].code; }

  // The first compound or coded entity after the verb, else the first entity.
  Slot FindTarget(const std::vector<SeqItem>& lower) const {
    for (const SeqItem& item : lower) {
      if (item.kind == SeqKind::kNecOpen) return {-1, item.nec};
      if (item.kind == SeqKind::kNeOpen && EntityCode(item.ne) != "---") return {item.ne, -1};
    }
    for (const SeqItem& item : lower) {
      if (item.kind == SeqKind::kNeOpen) return {item.ne, -1};
    }
    return {};
  }

  // The nearest compound or coded entity before the verb whose code is not the target's, else
  // the nearest other entity. `upper` runs backwards, so an entity's closing mark comes first.
  Slot FindSource(const std::vector<SeqItem>& upper, const Slot& target) const {
    const std::string target_code = target.entity >= 0 ? EntityCode(target.entity) : "";
    for (const SeqItem& item : upper) {
      if (item.kind == SeqKind::kNecClose && item.nec != target.compound) return {-1, item.nec};
      if (item.kind == SeqKind::kNeClose && item.nec < 0 && EntityCode(item.ne) != "---" &&
          EntityCode(item.ne) != target_code) {
        return {item.ne, -1};
      }
    }
    for (const SeqItem& item : upper) {
      if (item.kind == SeqKind::kNeClose && item.ne != target.entity &&
          (EntityCode(item.ne) == "---" || EntityCode(item.ne) != target_code)) {
        return item.nec >= 0 ? Slot{-1, item.nec} : Slot{item.ne, -1};
      }
    }
    return {};
  }

  // The opening item of the phrase that encloses item `at`, or -1.
  int EnclosingOpen(int at) const {
    int depth = 0;
    for (int k = at - 1; k >= 0; --k) {
      const ItemKind kind = list_.items[k].kind;
      if (kind == ItemKind::kClose || kind == ItemKind::kNeClose || kind == ItemKind::kNecClose) ++depth;
      if (kind == ItemKind::kOpen || kind == ItemKind::kNeOpen || kind == ItemKind::kNecOpen) {
        if (depth == 0) return k;
        --depth;
      }
    }
    return -1;
  }

  // The first coded entity (or compound) in items [begin, end) whose code is not the target's.
  Slot FirstCoded(int begin, int end, const Slot& target) const {
    const std::string target_code = target.entity >= 0 ? EntityCode(target.entity) : "";
    for (int k = begin; k < end; ++k) {
      const Item& item = list_.items[k];
      if (item.kind != ItemKind::kNeOpen || EntityCode(item.ne) == "---") continue;
      if (item.nec >= 0) {
        if (item.nec != target.compound) return {-1, item.nec};
      } else if (EntityCode(item.ne) != target_code) {
        return {item.ne, -1};
      }
    }
    return {};
  }

  // The subject of the clause of the verb phrase at `vp`: climbing through verb phrases to the
  // clause (S…), its last noun phrase before the verb phrase; the first coded entity in it.
  Slot SubjectSource(int vp, const Slot& target) const {
    int child = vp;
    while (true) {
      const int parent = EnclosingOpen(child);
      if (parent < 0 || list_.items[parent].kind != ItemKind::kOpen) return {};
      const std::string& label = list_.items[parent].text;
      if (label == "VP") {
        child = parent;
        continue;
      }
      if (!StartsWith(label, "S") || StartsWith(label, "SBAR")) return {};
      int subject = -1;
      for (int k = parent + 1; k < child && k >= 0;) {
        const Item& item = list_.items[k];
        const bool noun = item.kind == ItemKind::kNeOpen || item.kind == ItemKind::kNecOpen ||
                          (item.kind == ItemKind::kOpen && item.text == "NP");
        if (noun) subject = k;
        const int close = MatchingClose(list_, k);
        if (close < 0) break;
        k = close + 1;
      }
      if (subject < 0) return {};
      return FirstCoded(subject, MatchingClose(list_, subject), target);
    }
  }

  // The code of an entity for output: its code, or its words in quotes for new actors.
  void AddEntityCode(int entity, std::vector<std::string>& codes) const {
    const Entity& e = list_.entities[entity];
    if (e.code != "---") {
      codes.push_back(e.code);
    } else if (options_.new_actor_length > 0) {
      if (static_cast<int>(e.words.size()) <= options_.new_actor_length) {
        std::string text;
        for (const std::string& word : e.words) text += (text.empty() ? "" : " ") + word;
        codes.push_back("\"" + text + "\"");
      } else {
        codes.push_back("---");
      }
    }
  }

  std::vector<std::string> SlotCodes(const Slot& slot) const {
    std::vector<std::string> codes;
    if (slot.compound >= 0) {
      for (const Item& item : list_.items) {
        if (item.kind == ItemKind::kNeOpen && item.nec == slot.compound) AddEntityCode(item.ne, codes);
      }
    } else if (slot.entity >= 0) {
      AddEntityCode(slot.entity, codes);
    }
    if (codes.empty()) codes.push_back("---");
    // "A/B" codes stand for both actors.
    std::vector<std::string> expanded;
    for (const std::string& code : codes) {
      size_t begin = 0;
      while (true) {
        const size_t slash = code.find('/', begin);
        expanded.push_back(code.substr(begin, slash == std::string::npos ? std::string::npos : slash - begin));
        if (slash == std::string::npos) break;
        begin = slash + 1;
      }
    }
    return expanded;
  }

  void AddEvents(const std::vector<std::string>& sources, const std::vector<std::string>& targets,
                 const std::string& code, bool passive) {
    for (const std::string& source : sources) {
      for (const std::string& target : targets) {
        if (source == target) continue;
        CodedEvent event = passive ? CodedEvent{target, source, code} : CodedEvent{source, target, code};
        if (options_.require_dyad && (event.source == "---" || event.target == "---")) continue;
        if (std::find(events_.begin(), events_.end(), event) == events_.end()) events_.push_back(std::move(event));
      }
    }
  }

  void MakeEvents(const Slot& source, const Slot& target, const std::string& code, bool passive) {
    std::vector<std::string> sources = SlotCodes(source);
    std::vector<std::string> targets = SlotCodes(target);
    const size_t colon = code.find(':');
    if (colon == std::string::npos) return AddEvents(sources, targets, code, passive);
    if (sources[0] == "---" || targets[0] == "---") {
      if (targets[0] == "---") {
        targets = sources;
      } else {
        sources = targets;
      }
    }
    AddEvents(sources, targets, code.substr(0, colon), passive);
    AddEvents(targets, sources, code.substr(colon + 1), passive);
  }

  // Codes the verb phrase opened at `vp`; true when its verb gave a code (the phrase is done).
  bool CodeVerbPhrase(int vp, int vp_end) {
    const int passive_verb = PassiveVerb(vp, vp_end);
    const bool passive = passive_verb >= 0;
    const int verb = passive ? passive_verb : vp + 2;
    if (list_.items[verb].kind != ItemKind::kWord) return false;
    const std::vector<VerbSense>* senses = verbs_.Find(list_.items[verb].text);
    if (!senses) return false;
    int first = verb, last = verb;
    const VerbSense* sense = ChooseSense(*senses, verb, vp_end, first, last);
    if (!sense) return false;
    const std::vector<SeqItem> upper = UpperSequence(first - 1);
    const std::vector<SeqItem> lower = LowerSequence(last + 1, vp_end);
    const PatternMatch match = verbs_.Match(sense->block, upper, lower);
    std::string code;
    Slot source, target;
    if (match.pattern && !IsNonEventCode(match.pattern->code)) {
      code = match.pattern->code;
      source = match.source;
      target = match.target;
    } else if (sense->code != "---") {
      code = sense->code;
    }
    if (code.empty()) return false;
    if (target.empty()) target = FindTarget(lower);
    if (target.empty()) return true;
    if (source.empty()) source = SubjectSource(vp, target);
    if (source.empty()) source = FindSource(upper, target);
    if (!source.empty()) MakeEvents(source, target, code, passive);
    return true;
  }

  ParseList& list_;
  const VerbIndex& verbs_;
  const CoderOptions& options_;
  std::vector<CodedEvent> events_;
};

// Far beyond any real sentence; keeps the coder's quadratic walks bounded on hostile input.
constexpr size_t kMaxTreeNodes = 5000;

bool ParseInt(std::string_view text, int& value) {
  const auto result = std::from_chars(text.data(), text.data() + text.size(), value);
  return result.ec == std::errc() && result.ptr == text.data() + text.size();
}

}  // namespace

bool ApplyConfigOption(std::string_view option, std::string_view value, CoderOptions& options) {
  const std::string name = AsciiLower(option);
  if (name == "require_dyad") {
    options.require_dyad = AsciiLower(value).find("false") == std::string::npos;
    return true;
  }
  if (name == "stop_on_error") return true;
  int number = 0;
  if (!ParseInt(value, number)) return false;
  if (name == "new_actor_length")
    options.new_actor_length = number;
  else if (name == "comma_min")
    options.commas.min = number;
  else if (name == "comma_max")
    options.commas.max = number;
  else if (name == "comma_bmin")
    options.commas.bmin = number;
  else if (name == "comma_bmax")
    options.commas.bmax = number;
  else if (name == "comma_emin")
    options.commas.emin = number;
  else if (name == "comma_emax")
    options.commas.emax = number;
  else
    return false;
  return true;
}

Coder::Coder(const Dictionaries& dictionaries)
    : dictionaries_(dictionaries), actors_(dictionaries), verbs_(dictionaries) {}

bool Coder::FindDiscard(std::string_view text, bool& story, std::string& phrase) const {
  std::string words = " ";
  bool space = true;
  for (char c : text) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      if (!space) words += ' ';
      space = true;
    } else {
      words += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      space = false;
    }
  }
  words += ' ';
  for (const bool story_level : {true, false}) {
    for (const Discard& discard : dictionaries_.discards) {
      if (discard.story != story_level) continue;
      const std::string needle = " " + discard.phrase;
      for (size_t at = words.find(needle); at != std::string::npos; at = words.find(needle, at + 1)) {
        const char next = words[at + needle.size()];
        if (discard.exact_end && std::isalnum(static_cast<unsigned char>(next))) continue;
        story = story_level;
        phrase = discard.phrase;
        return true;
      }
    }
  }
  return false;
}

SentenceResult Coder::Code(std::string_view text, std::string_view parse, int date, const CoderOptions& options) const {
  SentenceResult result;
  bool story = false;
  std::string phrase;
  if (FindDiscard(text, story, phrase)) {
    result.outcome = story ? SentenceOutcome::kStoryDiscard : SentenceOutcome::kSentenceDiscard;
    result.message = "discard phrase " + phrase;
    return result;
  }
  Tree tree;
  if (const Status status = ReadPennTree(parse, tree); !status.ok()) {
    result.outcome = SentenceOutcome::kBadParse;
    result.message = status.message();
    return result;
  }
  if (tree.nodes.size() > kMaxTreeNodes) {
    result.outcome = SentenceOutcome::kBadParse;
    result.message = "parse tree too large for one sentence";
    return result;
  }
  ParseList list = BuildParseList(tree);
  if (list.dateline) {
    result.outcome = SentenceOutcome::kDateline;
    result.message = "dateline";
    return result;
  }
  DeleteCommaClauses(options.commas, list);
  for (Entity& entity : list.entities) entity.code = actors_.Code(entity.words, date);
  result.events = SentenceCoder(list, verbs_, options).Run();
  return result;
}

}  // namespace lagebild::petrarch
