#include "clean/html_text.h"

#include <gumbo.h>
#include <strings.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>
#include <string_view>
#include <utility>

namespace lagebild {
namespace {

// Nesting deeper than this is flattened: text below it is still collected, but block structure
// is no longer tracked. Real pages stay far below it.
constexpr size_t kMaxTrackedDepth = 512;

// gumbo's tree construction is quadratic in the nesting depth; pages that open more elements
// than this without closing them are reduced to text without a parse (see StripTags).
constexpr size_t kMaxParseDepth = 4096;

bool IsInvisible(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_HEAD: case GUMBO_TAG_SVG: case GUMBO_TAG_MATH: case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_OBJECT: case GUMBO_TAG_EMBED: case GUMBO_TAG_CANVAS: case GUMBO_TAG_SELECT:
    case GUMBO_TAG_OPTION: case GUMBO_TAG_DATALIST: case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_BUTTON:
      return true;
    default:
      return false;
  }
}

bool IsBlock(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3:
    case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_LI: case GUMBO_TAG_UL:
    case GUMBO_TAG_OL: case GUMBO_TAG_DL: case GUMBO_TAG_DT: case GUMBO_TAG_DD:
    case GUMBO_TAG_TABLE: case GUMBO_TAG_TR: case GUMBO_TAG_SECTION: case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_HEADER: case GUMBO_TAG_FOOTER: case GUMBO_TAG_NAV: case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_MAIN: case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_PRE: case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_HR: case GUMBO_TAG_ADDRESS: case GUMBO_TAG_FORM:
    case GUMBO_TAG_FIELDSET: case GUMBO_TAG_CAPTION: case GUMBO_TAG_BODY: case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_SUMMARY:
      return true;
    default:
      return false;
  }
}

const char* Attribute(const GumboElement& element, const char* name) {
  const GumboAttribute* attribute = gumbo_get_attribute(&element.attributes, name);
  return attribute != nullptr ? attribute->value : nullptr;
}

// Appends text with HTML whitespace collapsed to single spaces.
void AppendInline(std::string_view text, std::string& out) {
  for (char c : text) {
    const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
    if (space) {
      if (!out.empty() && out.back() != ' ' && out.back() != '\n') out.push_back(' ');
    } else {
      out.push_back(c);
    }
  }
}

void AppendBreak(const char* separator, std::string& out) {
  while (!out.empty() && out.back() == ' ') out.pop_back();
  if (!out.empty()) out += separator;
}

std::string TextContent(const GumboNode* node) {
  std::string out;
  if (node->type != GUMBO_NODE_ELEMENT) return out;
  const GumboVector& children = node->v.element.children;
  for (unsigned i = 0; i < children.length; ++i) {
    const auto* child = static_cast<const GumboNode*>(children.data[i]);
    if (child->type == GUMBO_NODE_TEXT || child->type == GUMBO_NODE_WHITESPACE) {
      AppendInline(child->v.text.text, out);
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

constexpr std::array<const char*, 6> kPublishedMetaNames = {
    "article:published_time", "datePublished", "date", "pubdate", "DC.date.issued", "dcterms.created"};

// A script's text as written (gumbo keeps it as one text node): JSON must not be collapsed.
std::string_view ScriptText(const GumboNode* node) {
  const GumboVector& children = node->v.element.children;
  if (children.length == 0) return {};
  const auto* child = static_cast<const GumboNode*>(children.data[0]);
  return child->type == GUMBO_NODE_TEXT ? std::string_view(child->v.text.text) : std::string_view();
}

// Reads <title>, canonical URL, publication date and JSON-LD from <head> elements (and from the
// same elements in the body, where pages put them too).
void ReadHeadElement(const GumboNode* node, HtmlText& result) {
  const GumboElement& element = node->v.element;
  if (element.tag == GUMBO_TAG_SCRIPT) {
    const char* type = Attribute(element, "type");
    if (type != nullptr && strcasecmp(type, "application/ld+json") == 0) ReadJsonLdArticle(ScriptText(node), result.json_ld);
  } else if (element.tag == GUMBO_TAG_TITLE && !result.title) {
    std::string title = TextContent(node);
    if (!title.empty()) result.title = std::move(title);
  } else if (element.tag == GUMBO_TAG_LINK) {
    const char* rel = Attribute(element, "rel");
    const char* href = Attribute(element, "href");
    if (rel && href && std::strcmp(rel, "canonical") == 0) result.url = href;
  } else if (element.tag == GUMBO_TAG_META) {
    const char* key = Attribute(element, "property");
    if (key == nullptr) key = Attribute(element, "name");
    if (key == nullptr) key = Attribute(element, "itemprop");
    const char* content = Attribute(element, "content");
    if (key == nullptr || content == nullptr) return;
    if (!result.url && std::strcmp(key, "og:url") == 0) result.url = content;
    for (const char* name : kPublishedMetaNames) {
      if (!result.published && std::strcmp(key, name) == 0) result.published = content;
    }
  }
}

void ReadHead(const GumboNode* head, HtmlText& result) {
  const GumboVector& children = head->v.element.children;
  for (unsigned i = 0; i < children.length; ++i) {
    const auto* child = static_cast<const GumboNode*>(children.data[i]);
    if (child->type == GUMBO_NODE_ELEMENT) ReadHeadElement(child, result);
  }
}

struct Visit {
  const GumboNode* node;
  bool closing;  // second visit after the children, to close a block
};

void CollectText(const GumboNode* root, HtmlText& result) {
  std::vector<Visit> stack{{root, false}};
  while (!stack.empty()) {
    const Visit visit = stack.back();
    stack.pop_back();
    const GumboNode* node = visit.node;
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE ||
        node->type == GUMBO_NODE_CDATA) {
      AppendInline(node->v.text.text, result.text);
      continue;
    }
    if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_DOCUMENT) continue;
    if (visit.closing) {
      AppendBreak("\n\n", result.text);
      continue;
    }
    if (node->type == GUMBO_NODE_ELEMENT) {
      const GumboTag tag = node->v.element.tag;
      if (tag == GUMBO_TAG_HEAD) {
        ReadHead(node, result);
        continue;
      }
      ReadHeadElement(node, result);
      if (tag == GUMBO_TAG_BR) {
        AppendBreak("\n", result.text);
        continue;
      }
      if (tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH) AppendInline(" ", result.text);
      if (IsInvisible(tag)) continue;
      if (IsBlock(tag) && stack.size() < kMaxTrackedDepth) {
        AppendBreak("\n\n", result.text);
        stack.push_back({node, true});
      }
    }
    const GumboVector& children =
        node->type == GUMBO_NODE_DOCUMENT ? node->v.document.children : node->v.element.children;
    for (unsigned i = children.length; i-- > 0;) {
      stack.push_back({static_cast<const GumboNode*>(children.data[i]), false});
    }
  }
}

// An upper bound on the element nesting: opening tags minus closing tags, at its highest.
size_t EstimateNestingDepth(std::string_view html) {
  size_t depth = 0, deepest = 0;
  for (size_t i = html.find('<'); i != std::string_view::npos && i + 1 < html.size(); i = html.find('<', i + 1)) {
    const char next = html[i + 1];
    if (next == '/') {
      if (depth > 0) --depth;
    } else if (std::isalpha(static_cast<unsigned char>(next))) {
      deepest = std::max(deepest, ++depth);
    }
  }
  return deepest;
}

bool StartsWithCaseless(std::string_view text, size_t pos, std::string_view prefix) {
  if (text.size() - pos < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(text[pos + i])) != prefix[i]) return false;
  }
  return true;
}

// Text of a page too deeply nested to parse: tags become spaces, script and style contents go,
// and the few entities that matter for reading are decoded. Paragraph structure is lost.
std::string StripTags(std::string_view html) {
  std::string out;
  out.reserve(html.size() / 2);
  size_t i = 0;
  while (i < html.size()) {
    if (html[i] != '<') {
      const size_t next = std::min(html.find('<', i), html.size());
      out.append(html.substr(i, next - i));
      i = next;
      continue;
    }
    for (std::string_view hidden : {std::string_view("script"), std::string_view("style")}) {
      if (StartsWithCaseless(html, i + 1, hidden)) {
        const size_t close = html.find(std::string("</") + std::string(hidden), i + 1);
        i = close == std::string_view::npos ? html.size() : close;
      }
    }
    const size_t end = html.find('>', i);
    i = end == std::string_view::npos ? html.size() : end + 1;
    out.push_back(' ');
  }
  for (auto [entity, replacement] : {std::pair{"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""},
                                     {"&nbsp;", " "}}) {
    for (size_t at = out.find(entity); at != std::string::npos; at = out.find(entity, at + 1)) {
      out.replace(at, std::strlen(entity), replacement);
    }
  }
  return out;
}

}  // namespace

HtmlText ExtractHtmlText(std::string_view html, std::vector<Diagnostic>& warnings) {
  HtmlText result;
  if (const size_t depth = EstimateNestingDepth(html); depth > kMaxParseDepth) {
    warnings.push_back({"HTML nested " + std::to_string(depth) + " levels deep; tags stripped without parsing"});
    result.text = StripTags(html);
    return result;
  }
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;
  GumboOutput* output = gumbo_parse_with_options(&options, html.data(), html.size());
  if (output == nullptr) {
    warnings.push_back({"HTML could not be parsed; no text extracted"});
    return result;
  }
  CollectText(output->document, result);
  gumbo_destroy_output(&options, output);
  return result;
}

}  // namespace lagebild
