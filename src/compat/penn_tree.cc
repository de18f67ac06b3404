#include "compat/penn_tree.h"

#include <cctype>

namespace lagebild::petrarch {
namespace {

bool IsSpace(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }

// A token ends at whitespace or a bracket.
std::string_view ReadToken(std::string_view text, size_t& pos) {
  const size_t begin = pos;
  while (pos < text.size() && !IsSpace(text[pos]) && text[pos] != '(' && text[pos] != ')') ++pos;
  return text.substr(begin, pos - begin);
}

void SkipSpace(std::string_view text, size_t& pos) {
  while (pos < text.size() && IsSpace(text[pos])) ++pos;
}

Status Fail(Tree& tree, std::string_view what, size_t pos) {
  tree.nodes.clear();
  return Status::Error(std::string(what) + " at byte " + std::to_string(pos));
}

}  // namespace

Status ReadPennTree(std::string_view text, Tree& tree, int max_depth) {
  tree.nodes.clear();
  std::vector<int> open;  // stack of open node indices
  size_t pos = 0;
  SkipSpace(text, pos);
  if (pos >= text.size()) return Fail(tree, "empty parse tree", pos);
  while (pos < text.size()) {
    const char c = text[pos];
    if (IsSpace(c)) {
      ++pos;
    } else if (c == '(') {
      if (open.empty() && !tree.nodes.empty()) return Fail(tree, "text after the end of the tree", pos);
      if (static_cast<int>(open.size()) >= max_depth) return Fail(tree, "tree nested too deeply", pos);
      ++pos;
      SkipSpace(text, pos);
      TreeNode node;
      node.label = std::string(ReadToken(text, pos));
      node.parent = open.empty() ? -1 : open.back();
      const int index = static_cast<int>(tree.nodes.size());
      if (node.parent >= 0) tree.nodes[node.parent].children.push_back(index);
      tree.nodes.push_back(std::move(node));
      open.push_back(index);
    } else if (c == ')') {
      if (open.empty()) return Fail(tree, "unbalanced ')'", pos);
      TreeNode& node = tree.nodes[open.back()];
      if (node.label.empty() && node.children.empty()) return Fail(tree, "empty brackets", pos);
      open.pop_back();
      ++pos;
    } else {
      if (open.empty()) return Fail(tree, "text outside brackets", pos);
      TreeNode& node = tree.nodes[open.back()];
      const std::string_view word = ReadToken(text, pos);
      if (!node.children.empty() || !node.word.empty()) return Fail(tree, "word beside a phrase", pos);
      if (node.label.empty()) return Fail(tree, "word without a tag", pos);
      node.word = std::string(word);
    }
  }
  if (!open.empty()) return Fail(tree, "unbalanced '(' (missing ')')", pos);
  return Status::Ok();
}

std::vector<std::string> LeafWords(const Tree& tree, int node) {
  std::vector<std::string> words;
  if (node < 0 || node >= static_cast<int>(tree.nodes.size())) return words;
  std::vector<int> stack{node};
  while (!stack.empty()) {
    const int current = stack.back();
    stack.pop_back();
    const TreeNode& n = tree.nodes[current];
    if (!n.word.empty()) words.push_back(n.word);
    for (auto it = n.children.rbegin(); it != n.children.rend(); ++it) stack.push_back(*it);
  }
  return words;
}

}  // namespace lagebild::petrarch
