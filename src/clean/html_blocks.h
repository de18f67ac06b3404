// An HTML page as a sequence of text blocks in reading order, each tied to the block-level
// element that holds it, with what boilerplate removal (main_text.h) judges by: how much of the
// text is link text, what kind of element it is, and the class/id/role hints of the elements
// around it ("nav", "share", "comments", "article-body", …).
#pragma once

#include <gumbo.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace lagebild {

// What an element's tag, class, id or role says about its content.
enum class RegionHint : uint8_t { kNone, kBoilerplate, kContent };

enum class BlockKind : uint8_t { kParagraph, kHeading, kListItem, kTableRow, kPreformatted, kOther };

// A block-level element (or the document root, index 0).
struct HtmlElementNode {
  int parent = -1;
  GumboTag tag = GUMBO_TAG_UNKNOWN;
  RegionHint hint = RegionHint::kNone;
  int depth = 0;
};

struct TextBlock {
  std::string text;        // whitespace collapsed; <br> as "\n"
  size_t link_bytes = 0;   // bytes of `text` inside <a href>
  int node = 0;            // the innermost block-level element holding the text
  BlockKind kind = BlockKind::kOther;
};

struct HtmlBlocks {
  std::vector<HtmlElementNode> nodes;
  std::vector<TextBlock> blocks;
};

// Collects the visible blocks under `root` (the gumbo document). Invisible elements (scripts,
// styles, templates, form controls) are left out; <head> is not visited. Iterative, so deep
// nesting cannot overflow the stack; below kMaxTrackedDepth block elements no longer open nodes.
HtmlBlocks CollectBlocks(const GumboNode* root);

// True when a text block has a letter or digit (blocks of only punctuation or symbols are noise).
bool HasWordCharacter(const std::string& text);

}  // namespace lagebild
