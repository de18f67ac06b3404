#include "clean/html_blocks.h"

#include <array>
#include <cctype>
#include <cstring>
#include <string_view>

namespace lagebild {
namespace {

// Block elements deeper than this no longer open nodes: their text joins the enclosing block.
// Real pages stay far below it.
constexpr int kMaxTrackedDepth = 512;

bool IsInvisibleTag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_HEAD: case GUMBO_TAG_SVG: case GUMBO_TAG_MATH: case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_OBJECT: case GUMBO_TAG_EMBED: case GUMBO_TAG_CANVAS: case GUMBO_TAG_SELECT:
    case GUMBO_TAG_OPTION: case GUMBO_TAG_DATALIST: case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_INPUT: case GUMBO_TAG_LABEL:
      return true;
    default:
      return false;
  }
}

bool IsBlockTag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3:
    case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_LI: case GUMBO_TAG_UL:
    case GUMBO_TAG_OL: case GUMBO_TAG_DL: case GUMBO_TAG_DT: case GUMBO_TAG_DD:
    case GUMBO_TAG_TABLE: case GUMBO_TAG_TR: case GUMBO_TAG_SECTION: case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_HEADER: case GUMBO_TAG_FOOTER: case GUMBO_TAG_NAV: case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_MAIN: case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_PRE: case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_HR: case GUMBO_TAG_ADDRESS: case GUMBO_TAG_FORM:
    case GUMBO_TAG_FIELDSET: case GUMBO_TAG_CAPTION: case GUMBO_TAG_BODY: case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_SUMMARY: case GUMBO_TAG_CENTER: case GUMBO_TAG_MENU:
      return true;
    default:
      return false;
  }
}

BlockKind KindOf(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P: case GUMBO_TAG_BLOCKQUOTE: return BlockKind::kParagraph;
    case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5:
    case GUMBO_TAG_H6: return BlockKind::kHeading;
    case GUMBO_TAG_LI: case GUMBO_TAG_DT: case GUMBO_TAG_DD: return BlockKind::kListItem;
    case GUMBO_TAG_TR: return BlockKind::kTableRow;
    case GUMBO_TAG_PRE: return BlockKind::kPreformatted;
    default: return BlockKind::kOther;
  }
}

const char* Attribute(const GumboElement& element, const char* name) {
  const GumboAttribute* attribute = gumbo_get_attribute(&element.attributes, name);
  return attribute != nullptr ? attribute->value : nullptr;
}

// Words of class and id values that mark page furniture, matched against whole lower-case
// alphanumeric tokens ("main-nav" → main, nav).
constexpr std::array<std::string_view, 58> kBoilerplateTokens = {
    "nav", "navi", "navigation", "navbar", "menu", "menubar", "mainmenu", "submenu", "footer", "sidebar",
    "aside", "breadcrumb", "breadcrumbs", "comment", "comments", "kommentar", "kommentare", "share", "sharing",
    "social", "socials", "shariff", "related", "recommended", "recommendations", "newsletter", "subscribe",
    "cookie", "cookies", "consent", "banner", "advert", "advertisement", "ad", "ads", "werbung", "anzeige",
    "promo", "sponsored", "popup", "modal", "login", "signup", "pagination", "pager", "tags", "tagcloud",
    "widget", "widgets", "toolbar", "byline", "meta", "author", "dateline", "timestamp", "copyright",
    "disclaimer", "skip"};
constexpr std::array<std::string_view, 12> kContentTokens = {
    "article", "articlebody", "content", "entry", "post", "story", "text", "main", "artikel", "beitrag", "inhalt",
    "richtext"};
// Whole class names that hide an element from sighted readers ("field--label-hidden" does not).
constexpr std::array<std::string_view, 12> kHiddenClasses = {
    "hidden",        "sr-only", "visually-hidden", "visuallyhidden", "screen-reader-text", "screenreader-only",
    "invisible",     "d-none",  "is-hidden",       "u-hidden",       "element-invisible",  "hide"};

template <size_t N>
bool Contains(const std::array<std::string_view, N>& words, std::string_view token) {
  for (std::string_view word : words) {
    if (word == token) return true;
  }
  return false;
}

// Splits a class or id value into lower-case alphanumeric tokens and reports what they hint at.
struct TokenHints {
  bool boilerplate = false, content = false;
};

void AddTokenHints(const char* value, TokenHints& hints) {
  if (value == nullptr) return;
  std::string token;
  for (const char* c = value;; ++c) {
    if (*c != '\0' && std::isalnum(static_cast<unsigned char>(*c))) {
      token.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(*c))));
      continue;
    }
    if (!token.empty()) {
      hints.boilerplate |= Contains(kBoilerplateTokens, token);
      hints.content |= Contains(kContentTokens, token);
      token.clear();
    }
    if (*c == '\0') break;
  }
}

bool IsHidden(const GumboElement& element) {
  if (gumbo_get_attribute(&element.attributes, "hidden") != nullptr) return true;
  const char* aria_hidden = Attribute(element, "aria-hidden");
  if (aria_hidden != nullptr && std::strcmp(aria_hidden, "true") == 0) return true;
  const char* style = Attribute(element, "style");
  if (style != nullptr) {
    std::string compact;
    for (const char* c = style; *c != '\0'; ++c) {
      if (*c != ' ') compact.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(*c))));
    }
    if (compact.find("display:none") != std::string::npos || compact.find("visibility:hidden") != std::string::npos) {
      return true;
    }
  }
  return false;
}

bool HasHiddenClass(const GumboElement& element) {
  const char* classes = Attribute(element, "class");
  if (classes == nullptr) return false;
  std::string_view rest(classes);
  while (!rest.empty()) {
    const size_t space = rest.find_first_of(" \t\n\r\f");
    if (Contains(kHiddenClasses, rest.substr(0, space))) return true;
    if (space == std::string_view::npos) break;
    rest.remove_prefix(space + 1);
  }
  return false;
}

RegionHint RoleHint(const char* role) {
  if (role == nullptr) return RegionHint::kNone;
  for (const char* boilerplate : {"navigation", "banner", "contentinfo", "complementary", "search", "dialog", "menu",
                                  "menubar", "alert", "toolbar"}) {
    if (std::strcmp(role, boilerplate) == 0) return RegionHint::kBoilerplate;
  }
  if (std::strcmp(role, "main") == 0 || std::strcmp(role, "article") == 0) return RegionHint::kContent;
  return RegionHint::kNone;
}

RegionHint TagHint(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_NAV: case GUMBO_TAG_ASIDE: case GUMBO_TAG_FOOTER: case GUMBO_TAG_FORM: case GUMBO_TAG_MENU:
    case GUMBO_TAG_FIGCAPTION:
      return RegionHint::kBoilerplate;
    case GUMBO_TAG_ARTICLE: case GUMBO_TAG_MAIN:
      return RegionHint::kContent;
    default:
      return RegionHint::kNone;
  }
}

RegionHint HintOf(const GumboElement& element) {
  if (RegionHint by_tag = TagHint(element.tag); by_tag != RegionHint::kNone) return by_tag;
  if (RegionHint by_role = RoleHint(Attribute(element, "role")); by_role != RegionHint::kNone) return by_role;
  const char* itemprop = Attribute(element, "itemprop");
  if (itemprop != nullptr && std::strcmp(itemprop, "articleBody") == 0) return RegionHint::kContent;
  TokenHints hints;
  AddTokenHints(Attribute(element, "class"), hints);
  AddTokenHints(Attribute(element, "id"), hints);
  if (hints.boilerplate) return RegionHint::kBoilerplate;
  return hints.content ? RegionHint::kContent : RegionHint::kNone;
}

// Appends text with HTML whitespace collapsed to single spaces.
size_t AppendInline(std::string_view text, std::string& out) {
  const size_t before = out.size();
  for (char c : text) {
    const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
    if (space) {
      if (!out.empty() && out.back() != ' ' && out.back() != '\n') out.push_back(' ');
    } else {
      out.push_back(c);
    }
  }
  return out.size() - before;
}

enum class VisitKind : uint8_t { kOpen, kCloseBlock, kCloseLink };

struct Visit {
  const GumboNode* node;
  VisitKind kind;
  int parent_node;  // the block node that was current when this element opened
};

class BlockCollector {
 public:
  explicit BlockCollector(HtmlBlocks& out) : out_(out) { out_.nodes.push_back({}); }

  void Run(const GumboNode* root) {
    stack_.push_back({root, VisitKind::kOpen, 0});
    while (!stack_.empty()) {
      const Visit visit = stack_.back();
      stack_.pop_back();
      if (visit.kind == VisitKind::kCloseBlock) {
        Flush();
        current_ = visit.parent_node;
      } else if (visit.kind == VisitKind::kCloseLink) {
        --link_depth_;
      } else {
        Open(visit.node);
      }
    }
    Flush();
  }

 private:
  void Open(const GumboNode* node) {
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE || node->type == GUMBO_NODE_CDATA) {
      const size_t added = AppendInline(node->v.text.text, text_);
      if (link_depth_ > 0) link_bytes_ += added;
      return;
    }
    if (node->type == GUMBO_NODE_DOCUMENT) {
      PushChildren(node->v.document.children);
      return;
    }
    if (node->type != GUMBO_NODE_ELEMENT) return;
    const GumboElement& element = node->v.element;
    if (IsInvisibleTag(element.tag) || IsHidden(element) || HasHiddenClass(element)) return;
    if (element.tag == GUMBO_TAG_BR) {
      TrimTrailingSpace();
      if (!text_.empty()) text_.push_back('\n');
      return;
    }
    if (element.tag == GUMBO_TAG_TD || element.tag == GUMBO_TAG_TH) AppendInline(" ", text_);
    if (IsBlockTag(element.tag) && out_.nodes[static_cast<size_t>(current_)].depth < kMaxTrackedDepth) {
      OpenBlock(element);
    } else if (element.tag == GUMBO_TAG_A && Attribute(element, "href") != nullptr) {
      ++link_depth_;
      stack_.push_back({node, VisitKind::kCloseLink, current_});
    }
    PushChildren(element.children);
  }

  void OpenBlock(const GumboElement& element) {
    Flush();
    const int parent = current_;
    HtmlElementNode node{parent, element.tag, HintOf(element), out_.nodes[static_cast<size_t>(parent)].depth + 1};
    out_.nodes.push_back(node);
    current_ = static_cast<int>(out_.nodes.size() - 1);
    stack_.push_back({nullptr, VisitKind::kCloseBlock, parent});
  }

  void PushChildren(const GumboVector& children) {
    for (unsigned i = children.length; i-- > 0;) {
      stack_.push_back({static_cast<const GumboNode*>(children.data[i]), VisitKind::kOpen, current_});
    }
  }

  void TrimTrailingSpace() {
    while (!text_.empty() && text_.back() == ' ') {
      text_.pop_back();
      if (link_bytes_ > 0 && link_depth_ > 0) --link_bytes_;
    }
  }

  void Flush() {
    TrimTrailingSpace();
    while (!text_.empty() && text_.back() == '\n') text_.pop_back();
    size_t start = 0;
    while (start < text_.size() && (text_[start] == ' ' || text_[start] == '\n')) ++start;
    if (start < text_.size()) {
      TextBlock block;
      block.text = text_.substr(start);
      block.link_bytes = std::min(link_bytes_, block.text.size());
      block.node = current_;
      block.kind = KindOf(out_.nodes[static_cast<size_t>(current_)].tag);
      out_.blocks.push_back(std::move(block));
    }
    text_.clear();
    link_bytes_ = 0;
  }

  HtmlBlocks& out_;
  std::vector<Visit> stack_;
  std::string text_;
  size_t link_bytes_ = 0;
  int link_depth_ = 0;
  int current_ = 0;
};

}  // namespace

HtmlBlocks CollectBlocks(const GumboNode* root) {
  HtmlBlocks blocks;
  BlockCollector(blocks).Run(root);
  return blocks;
}

bool HasWordCharacter(const std::string& text) {
  for (char c : text) {
    if (std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80) return true;
  }
  return false;
}

}  // namespace lagebild
