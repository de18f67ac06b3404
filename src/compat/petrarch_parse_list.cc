#include "compat/petrarch_parse_list.h"

#include <algorithm>
#include <cctype>
#include <set>

namespace lagebild::petrarch {
namespace {

bool StartsWith(const std::string& text, std::string_view prefix) { return text.rfind(prefix, 0) == 0; }

bool IsClauseLabel(const std::string& label) { return label == "VP" || StartsWith(label, "S"); }
bool IsNounLabel(const std::string& label) { return StartsWith(label, "N"); }

std::string UpperWord(const std::string& word) {
  std::string out = word;
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

// Walks the tree and writes the item list; holds the compound marks.
class Builder {
 public:
  explicit Builder(const Tree& tree) : tree_(tree) {}

  ParseList Build() {
    MarkCompounds();
    if (!tree_.empty()) Node(0);
    list_.dateline = IsDateline();
    return std::move(list_);
  }

 private:
  const TreeNode& N(int node) const { return tree_.nodes[node]; }

  // Pre-order descendants of `node` (itself included), not entering SBARs below `node`.
  std::vector<int> Descendants(int node, bool skip_sbar = true) const {
    std::vector<int> out;
    std::vector<int> stack{node};
    while (!stack.empty()) {
      const int current = stack.back();
      stack.pop_back();
      out.push_back(current);
      if (skip_sbar && current != node && N(current).label == "SBAR") continue;
      const auto& children = N(current).children;
      for (auto it = children.rbegin(); it != children.rend(); ++it) stack.push_back(*it);
    }
    return out;
  }

  bool Contains(int node, std::string_view label) const {
    for (int d : Descendants(node)) {
      if (d != node && N(d).label == label) return true;
    }
    return false;
  }

  // A CC's phrase is a compound NP when it holds no clause, no other CC and two or more nouns.
  void MarkCompounds() {
    for (size_t i = 0; i < tree_.nodes.size(); ++i) {
      if (N(static_cast<int>(i)).label != "CC" || N(static_cast<int>(i)).parent < 0) continue;
      const int phrase = N(static_cast<int>(i)).parent;
      const std::vector<int> inside = Descendants(phrase, false);
      int ccs = 0, nouns = 0;
      bool clause = false;
      for (int d : inside) {
        if (d != phrase && IsClauseLabel(N(d).label)) clause = true;
        if (N(d).label == "CC") ++ccs;
        if (IsNounLabel(N(d).label)) ++nouns;
      }
      if (clause || ccs > 1 || N(phrase).label != "NP" || nouns < 3) continue;
      compound_.insert(phrase);
    }
  }

  void Open(const std::string& label) { list_.items.push_back({ItemKind::kOpen, label}); }
  void Close(const std::string& label) { list_.items.push_back({ItemKind::kClose, label}); }

  void Node(int node) {
    const TreeNode& n = N(node);
    if (n.IsLeaf()) {
      Open(n.label);
      list_.items.push_back({ItemKind::kWord, UpperWord(n.word)});
      Close(n.label);
      return;
    }
    if (compound_.count(node)) return EmitEntity({node}, -1);
    if (n.label == "NP" && NounPhrase(node)) return;
    Open(n.label);
    for (int child : n.children) Node(child);
    Close(n.label);
  }

  // Words under `node` with their tree nodes, skipping those under `skip`.
  std::vector<std::pair<int, std::string>> Words(int node, int skip = -1) const {
    std::vector<std::pair<int, std::string>> words;
    for (int d : Descendants(node, false)) {
      if (N(d).IsLeaf() && !Under(d, skip)) words.emplace_back(d, UpperWord(N(d).word));
    }
    return words;
  }

  bool Under(int node, int ancestor) const {
    for (int current = node; current >= 0 && ancestor >= 0; current = N(current).parent) {
      if (current == ancestor) return true;
    }
    return false;
  }

  // Turns an NP into an entity when PETRARCH would; false leaves it a phrase.
  bool NounPhrase(int node) {
    std::vector<int> parts;  // the nodes whose words make the entity, in order
    int drop = -1;           // a possessive leaf left out
    const std::vector<int> inside = Descendants(node);
    const auto first_with = [&](std::string_view label) {
      for (int d : inside) {
        if (d != node && N(d).label == label) return d;
      }
      return -1;
    };
    if (const int pos = first_with("POS"); pos >= 0) {
      parts = {node};
      drop = pos;
    } else if (const int pp = first_with("PP"); pp >= 0) {
      if (!PrepositionParts(pp, parts)) return false;
    } else {
      for (int d : inside) {
        if (d != node && (N(d).label == "NP" || compound_.count(d))) return false;
      }
      parts = {node};
    }
    EmitEntity(parts, drop);
    return true;
  }

  // (NP (NP A) (PP (IN of) (NP B))) → parts A, of, B; false when the shape differs.
  bool PrepositionParts(int pp, std::vector<int>& parts) const {
    const int phrase = N(pp).parent;
    if (phrase < 0 || N(phrase).label != "NP" || N(phrase).children.empty()) return false;
    const int head = N(phrase).children[0];
    if (N(head).label != "NP" && !compound_.count(head)) return false;
    int preposition = -1;
    for (int d : Descendants(pp)) {
      if (N(d).label == "IN" && N(d).IsLeaf()) {
        preposition = d;
        break;
      }
    }
    if (preposition < 0) return false;
    int object = -1;
    for (int d : Descendants(pp)) {
      if (d != pp && (N(d).label == "NP" || compound_.count(d))) {
        object = d;
        break;
      }
    }
    if (object < 0 || Contains(object, "PP")) return false;
    parts = {head, preposition, object};
    return true;
  }

  // The outermost compound between `leaf` and `top` (inclusive), or -1.
  int OutermostCompound(int leaf, int top) const {
    int found = -1;
    for (int current = leaf; current >= 0; current = N(current).parent) {
      if (compound_.count(current)) found = current;
      if (current == top) break;
    }
    return found;
  }

  // The members of a compound: one word list per NP or noun inside, each with the adjectives
  // that come before the first noun.
  std::vector<std::vector<std::string>> CompoundMembers(int node) const {
    std::vector<std::vector<std::string>> members;
    std::vector<std::string> adjectives;
    std::vector<int> stack(N(node).children.rbegin(), N(node).children.rend());
    while (!stack.empty()) {
      const int current = stack.back();
      stack.pop_back();
      const std::string& label = N(current).label;
      if (label == "NP" || StartsWith(label, "NN")) {
        std::vector<std::string> words = adjectives;
        for (const auto& [leaf, word] : Words(current)) words.push_back(word);
        members.push_back(std::move(words));
        continue;
      }
      if (members.empty() && label == "JJ" && N(current).IsLeaf()) adjectives.push_back(UpperWord(N(current).word));
      stack.insert(stack.end(), N(current).children.rbegin(), N(current).children.rend());
    }
    return members;
  }

  // Writes the entity made of the words of `parts` (without `drop`). Compounds inside make a
  // compound entity: one member per combination of their members, with the other words around.
  void EmitEntity(const std::vector<int>& parts, int drop) {
    constexpr size_t kMaxMembers = 64;
    std::vector<std::vector<std::string>> combinations{{}};
    std::set<int> used;
    bool compound = false;
    for (int part : parts) {
      for (const auto& [leaf, word] : Words(part, drop)) {
        const int inner = OutermostCompound(leaf, part);
        std::vector<std::vector<std::string>> members;
        if (inner >= 0 && used.count(inner)) continue;
        if (inner >= 0) {
          used.insert(inner);
          members = CompoundMembers(inner);
        }
        if (members.empty() || combinations.size() * members.size() > kMaxMembers) {
          for (auto& combination : combinations) combination.push_back(word);
          continue;
        }
        compound = true;
        std::vector<std::vector<std::string>> next;
        for (const auto& combination : combinations) {
          for (const auto& member : members) {
            next.push_back(combination);
            next.back().insert(next.back().end(), member.begin(), member.end());
          }
        }
        combinations = std::move(next);
      }
    }
    if (!compound) return AddEntity(combinations[0], -1);
    const int index = list_.compounds++;
    list_.items.push_back({ItemKind::kNecOpen, "NEC", -1, index});
    for (const auto& words : combinations) AddEntity(words, index);
    list_.items.push_back({ItemKind::kNecClose, "NEC", -1, index});
  }

  void AddEntity(const std::vector<std::string>& words, int compound) {
    const int index = static_cast<int>(list_.entities.size());
    list_.entities.push_back({words, "---", compound});
    list_.items.push_back({ItemKind::kNeOpen, "NE", index, compound});
    for (const std::string& word : words) list_.items.push_back({ItemKind::kWord, word, index, compound});
    list_.items.push_back({ItemKind::kNeClose, "NE", index, compound});
  }

  // TreeBank marks a dateline as a compound noun phrase opening the sentence.
  bool IsDateline() const {
    std::vector<ItemKind> kinds;
    for (const Item& item : list_.items) {
      if (item.kind == ItemKind::kOpen || item.kind == ItemKind::kNeOpen || item.kind == ItemKind::kNecOpen) {
        kinds.push_back(item.kind);
        if (kinds.size() == 3) break;
      }
    }
    return kinds.size() == 3 && kinds[1] == ItemKind::kNeOpen && kinds[2] == ItemKind::kNecOpen;
  }

  const Tree& tree_;
  std::set<int> compound_;
  ParseList list_;
};

bool IsOpening(ItemKind kind) {
  return kind == ItemKind::kOpen || kind == ItemKind::kNeOpen || kind == ItemKind::kNecOpen;
}
bool IsClosing(ItemKind kind) {
  return kind == ItemKind::kClose || kind == ItemKind::kNeClose || kind == ItemKind::kNecClose;
}

bool IsComma(const Item& item, ItemKind kind) { return item.kind == kind && item.text == ","; }

int CountWords(const ParseList& list, int low, int high) {
  int count = 0;
  for (int i = std::max(low, 0); i < high && i < static_cast<int>(list.items.size()); ++i) {
    const Item& item = list.items[i];
    if (item.kind == ItemKind::kWord && !item.text.empty() && std::isalpha(static_cast<unsigned char>(item.text[0]))) {
      ++count;
    }
  }
  return count;
}

// The matching closing item of every opening item (-1 for others and unmatched ones).
std::vector<int> MatchingCloses(const ParseList& list) {
  std::vector<int> closes(list.items.size(), -1);
  std::vector<int> open;
  for (size_t i = 0; i < list.items.size(); ++i) {
    if (IsOpening(list.items[i].kind)) open.push_back(static_cast<int>(i));
    if (IsClosing(list.items[i].kind) && !open.empty()) {
      closes[open.back()] = static_cast<int>(i);
      open.pop_back();
    }
  }
  return closes;
}

// Removes the complete phrases lying in [low, high).
void DeletePhrases(ParseList& list, int low, int high) {
  const std::vector<int> closes = MatchingCloses(list);
  std::vector<bool> remove(list.items.size(), false);
  for (int i = std::max(low, 0); i < high; ++i) {
    const int close = closes[i];
    if (close < 0 || close >= high) continue;
    std::fill(remove.begin() + i, remove.begin() + close + 1, true);
    i = close;
  }
  std::vector<Item> kept;
  for (size_t i = 0; i < list.items.size(); ++i) {
    if (!remove[i]) kept.push_back(std::move(list.items[i]));
  }
  list.items = std::move(kept);
}

int FindComma(const ParseList& list, int from) {
  for (int i = std::max(from, 0); i < static_cast<int>(list.items.size()); ++i) {
    if (IsComma(list.items[i], ItemKind::kOpen)) return i;
  }
  return -1;
}

// The opening of the sentence-final punctuation: the item before the last non-closing item.
int FindEnd(const ParseList& list) {
  int k = static_cast<int>(list.items.size()) - 1;
  while (k >= 2 && IsClosing(list.items[k].kind)) --k;
  return k - 1;
}

int LastCommaBefore(const ParseList& list, int end) {
  for (int k = end - 1; k >= 2; --k) {
    if (IsComma(list.items[k], ItemKind::kOpen)) return k;
  }
  return -1;
}

}  // namespace

ParseList BuildParseList(const Tree& tree) { return Builder(tree).Build(); }

int MatchingClose(const ParseList& list, int open) {
  int depth = 0;
  for (int i = open; i < static_cast<int>(list.items.size()); ++i) {
    if (IsOpening(list.items[i].kind)) ++depth;
    if (IsClosing(list.items[i].kind) && --depth == 0) return i;
  }
  return -1;
}

void DeleteCommaClauses(const CommaOptions& options, ParseList& list) {
  constexpr int kStart = 2;  // after (ROOT (S
  if (FindComma(list, 0) < 0) return;
  if (options.bmax != 0) {
    const int comma = FindComma(list, 0);
    const int count = CountWords(list, kStart, comma);
    if (count >= options.bmin && count <= options.bmax) DeletePhrases(list, kStart, comma);
  }
  if (options.emax != 0) {
    const int end = FindEnd(list);
    const int comma = LastCommaBefore(list, end);
    if (comma >= 0) {
      const int count = CountWords(list, comma, static_cast<int>(list.items.size()));
      if (count >= options.emin && count <= options.emax) DeletePhrases(list, comma + 3, end);
    }
  }
  if (options.max != 0) {
    int first = FindComma(list, 0);
    while (first >= 0) {
      const int second = FindComma(list, first + 1);
      if (second < 0) break;
      const int count = CountWords(list, first + 2, second);
      if (count >= options.min && count <= options.max) {
        const size_t before = list.items.size();
        DeletePhrases(list, first, second);
        first = second - static_cast<int>(before - list.items.size());
      } else {
        first = second;
      }
    }
  }
  // A comma left with no words before it (or after it) goes too.
  if (const int comma = FindComma(list, 0); comma >= 0 && CountWords(list, kStart, comma) == 0) {
    list.items.erase(list.items.begin() + comma, list.items.begin() + std::min<int>(comma + 3, list.items.size()));
  }
  const int end = FindEnd(list);
  if (const int comma = LastCommaBefore(list, end); comma >= 0 && CountWords(list, comma + 1, end) == 0) {
    list.items.erase(list.items.begin() + comma, list.items.begin() + std::min<int>(comma + 3, list.items.size()));
  }
}

}  // namespace lagebild::petrarch
