// Reader of Penn Treebank bracketed parse trees, the input PETRARCH codes from:
//
//   (ROOT (S (NP (NNP Arnor)) (VP (VBD restored) (NP (NNS ties))) (. .)))
//
// A phrase is `(LABEL child child …)`; a leaf is `(TAG word)`. Whitespace and line breaks are
// free. The reader never throws and never recurses: malformed input (unbalanced brackets, a
// missing label, text outside brackets, nesting deeper than `max_depth`) gives an error status
// naming the byte offset, and `tree` is left empty.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "lagebild/status.h"

namespace lagebild::petrarch {

struct TreeNode {
  std::string label;  // "NP", "VBD"; "" for an unlabelled outer bracket
  std::string word;   // the word of a leaf (a preterminal), "" for phrases
  int parent = -1;
  std::vector<int> children;  // node indices, in order

  bool IsLeaf() const { return children.empty() && !word.empty(); }
};

// Nodes in pre-order; nodes[0] is the root when the tree is not empty.
struct Tree {
  std::vector<TreeNode> nodes;

  bool empty() const { return nodes.empty(); }
};

inline constexpr int kDefaultMaxTreeDepth = 400;

Status ReadPennTree(std::string_view text, Tree& tree, int max_depth = kDefaultMaxTreeDepth);

// The words of the leaves under `node`, in order.
std::vector<std::string> LeafWords(const Tree& tree, int node);

}  // namespace lagebild::petrarch
