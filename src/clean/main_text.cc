#include "clean/main_text.h"

#include <algorithm>
#include <cstddef>
#include <iterator>

#include "clean/furniture_text.h"

namespace lagebild {
namespace {

// A prose block has at least this many characters …
constexpr size_t kMinProseChars = 50;
// … and at most this share of them in links.
constexpr double kMaxProseLinkDensity = 0.33;
// Kept blocks inside the article may have more link text, but not mostly.
constexpr double kMaxKeptLinkDensity = 0.5;
// A furniture mark is believed unless the region holds more than this share of the page's prose.
constexpr double kMaxFurnitureProseShare = 0.5;
// What a byte of furniture text costs the region around it, against a byte of prose. Below 1: a
// share bar or an advertisement inside the article should not split it in two.
constexpr double kFurnitureCost = 0.3;

size_t CharCount(const std::string& text) {
  size_t chars = 0;
  for (char c : text) chars += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return chars;
}

double LinkDensity(size_t link_bytes, size_t text_bytes) {
  return text_bytes == 0 ? 0.0 : static_cast<double>(link_bytes) / static_cast<double>(text_bytes);
}

bool LooksLikeProse(const TextBlock& block) {
  return block.kind != BlockKind::kHeading && CharCount(block.text) >= kMinProseChars &&
         LinkDensity(block.link_bytes, block.text.size()) <= kMaxProseLinkDensity;
}

// What one page's analysis needs per block-level node.
struct NodeFacts {
  size_t prose_bytes = 0;  // over the whole subtree
  bool furniture = false;  // the node or an ancestor is believed to be page furniture
  double balance = 0;      // prose bytes minus link and furniture bytes, over the subtree
};

class MainTextSelector {
 public:
  explicit MainTextSelector(const HtmlBlocks& page) : page_(page), facts_(page.nodes.size()) {}

  std::vector<bool> Select(MainTextTrace* trace) {
    SumProse();
    MarkFurniture();
    const int article = DensestSubtree();
    if (trace != nullptr) Trace(article, *trace);
    std::vector<bool> keep = article > 0 ? KeepArticle(article) : KeepAllButFurniture();
    DropEmptySections(keep);
    return keep;
  }

 private:
  void Trace(int article, MainTextTrace& trace) const {
    trace.article = article;
    for (const NodeFacts& facts : facts_) {
      trace.balances.push_back(facts.balance);
      trace.furniture.push_back(facts.furniture);
    }
  }

  int Parent(int node) const { return page_.nodes[static_cast<size_t>(node)].parent; }
  NodeFacts& FactsOf(int node) { return facts_[static_cast<size_t>(node)]; }
  const NodeFacts& FactsOf(int node) const { return facts_[static_cast<size_t>(node)]; }

  // Prose bytes of each node's subtree (children come after their parents).
  void SumProse() {
    for (const TextBlock& block : page_.blocks) {
      if (LooksLikeProse(block)) FactsOf(block.node).prose_bytes += block.text.size();
    }
    for (int node = static_cast<int>(page_.nodes.size()) - 1; node > 0; --node) {
      FactsOf(Parent(node)).prose_bytes += FactsOf(node).prose_bytes;
    }
  }

  void MarkFurniture() {
    const double page_prose = static_cast<double>(facts_[0].prose_bytes);
    for (int node = 1; node < static_cast<int>(page_.nodes.size()); ++node) {
      const bool marked = page_.nodes[static_cast<size_t>(node)].hint == RegionHint::kBoilerplate &&
                          static_cast<double>(FactsOf(node).prose_bytes) <= kMaxFurnitureProseShare * page_prose;
      FactsOf(node).furniture = marked || FactsOf(Parent(node)).furniture;
    }
  }

  // What a block adds to the regions around it: its prose, less its links and furniture.
  double BalanceOf(const TextBlock& block) const {
    if (FactsOf(block.node).furniture) return -kFurnitureCost * static_cast<double>(block.text.size());
    if (LooksLikeProse(block)) return static_cast<double>(block.text.size() - block.link_bytes);
    return -static_cast<double>(block.link_bytes);
  }

  // The subtree with the most prose net of link text and furniture; 0 when none has any.
  int DensestSubtree() {
    for (const TextBlock& block : page_.blocks) FactsOf(block.node).balance += BalanceOf(block);
    for (int node = static_cast<int>(page_.nodes.size()) - 1; node > 0; --node) {
      FactsOf(Parent(node)).balance += FactsOf(node).balance;
    }
    int best = 0;
    for (int node = 1; node < static_cast<int>(page_.nodes.size()); ++node) {
      if (FactsOf(node).balance > FactsOf(best).balance) best = node;
    }
    return FactsOf(best).balance > 0 ? best : 0;
  }

  bool Keepable(const TextBlock& block) const {
    return !FactsOf(block.node).furniture && HasWordCharacter(block.text) &&
           LinkDensity(block.link_bytes, block.text.size()) <= kMaxKeptLinkDensity &&
           !LooksLikeFurnitureLine(block.text);
  }

  std::vector<bool> KeepArticle(int article) const {
    std::vector<bool> in_article(page_.nodes.size(), false);
    for (int node = 1; node < static_cast<int>(page_.nodes.size()); ++node) {
      in_article[static_cast<size_t>(node)] = node == article || in_article[static_cast<size_t>(Parent(node))];
    }
    std::vector<bool> keep(page_.blocks.size(), false);
    for (size_t i = 0; i < page_.blocks.size(); ++i) {
      const TextBlock& block = page_.blocks[i];
      keep[i] = in_article[static_cast<size_t>(block.node)] && Keepable(block);
    }
    return keep;
  }

  std::vector<bool> KeepAllButFurniture() const {
    std::vector<bool> keep(page_.blocks.size(), false);
    for (size_t i = 0; i < page_.blocks.size(); ++i) keep[i] = Keepable(page_.blocks[i]);
    return keep;
  }

  int HeadingLevel(const TextBlock& block) const {
    return static_cast<int>(page_.nodes[static_cast<size_t>(block.node)].tag) - static_cast<int>(GUMBO_TAG_H1) + 1;
  }

  // A heading whose section lost all its text (a teaser list's "Auch interessant") goes too. A
  // section runs to the next heading of the same or a higher level; sub-sections count.
  void DropEmptySections(std::vector<bool>& keep) const {
    constexpr int kLevels = 6;
    bool content_after[kLevels + 1] = {};  // [level]: content before the next heading of level <= it
    for (size_t i = page_.blocks.size(); i-- > 0;) {
      if (!keep[i]) continue;
      if (page_.blocks[i].kind != BlockKind::kHeading) {
        std::fill(std::begin(content_after), std::end(content_after), true);
        continue;
      }
      const int level = std::clamp(HeadingLevel(page_.blocks[i]), 1, kLevels);
      keep[i] = content_after[level];
      std::fill(content_after + level, content_after + kLevels + 1, false);
    }
  }

  const HtmlBlocks& page_;
  std::vector<NodeFacts> facts_;
};

}  // namespace

std::vector<bool> SelectMainText(const HtmlBlocks& page, MainTextTrace* trace) {
  return MainTextSelector(page).Select(trace);
}

}  // namespace lagebild
