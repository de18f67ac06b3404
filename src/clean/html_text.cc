#include "clean/html_text.h"

#include "clean/html_blocks.h"
#include "clean/main_text.h"
#include "read/charset.h"

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

// gumbo's tree construction is quadratic in the nesting depth; pages that open more elements
// than this without closing them are reduced to text without a parse (see StripTags).
constexpr size_t kMaxParseDepth = 4096;

const char* Attribute(const GumboElement& element, const char* name) {
  const GumboAttribute* attribute = gumbo_get_attribute(&element.attributes, name);
  return attribute != nullptr ? attribute->value : nullptr;
}

std::string CollapseSpaces(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f') {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
    } else {
      out.push_back(c);
    }
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// The text of an element's own text children, whitespace collapsed.
std::string TextContent(const GumboNode* node) {
  std::string out;
  if (node->type != GUMBO_NODE_ELEMENT) return out;
  const GumboVector& children = node->v.element.children;
  for (unsigned i = 0; i < children.length; ++i) {
    const auto* child = static_cast<const GumboNode*>(children.data[i]);
    if (child->type == GUMBO_NODE_TEXT || child->type == GUMBO_NODE_WHITESPACE) {
      out += child->v.text.text;
    }
  }
  return CollapseSpaces(out);
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

// Reads metadata from every element: <head> holds most, but pages put <meta itemprop> and
// canonical links in <body> too.
void ReadMetadata(const GumboNode* root, HtmlText& result) {
  std::vector<const GumboNode*> stack{root};
  while (!stack.empty()) {
    const GumboNode* node = stack.back();
    stack.pop_back();
    if (node->type == GUMBO_NODE_ELEMENT) ReadHeadElement(node, result);
    if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_DOCUMENT) continue;
    const GumboVector& children =
        node->type == GUMBO_NODE_DOCUMENT ? node->v.document.children : node->v.element.children;
    for (unsigned i = children.length; i-- > 0;) stack.push_back(static_cast<const GumboNode*>(children.data[i]));
  }
}

// The blocks joined as paragraphs: all of them, or the main text's.
std::string JoinBlocks(const HtmlBlocks& page, bool main_text_only) {
  std::vector<bool> keep;
  if (main_text_only) keep = SelectMainText(page);
  std::string text;
  for (size_t i = 0; i < page.blocks.size(); ++i) {
    if (main_text_only && !keep[i]) continue;
    if (!text.empty()) text += "\n\n";
    text += page.blocks[i].text;
  }
  return text;
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

HtmlText ExtractHtmlText(std::string_view bytes, const HtmlTextOptions& options, std::vector<Diagnostic>& warnings) {
  HtmlText result;
  std::string decoded(bytes);  // gumbo reads UTF-8 only: a page in the charset it declares is converted
  const std::string charset = DeclaredHtmlCharset(bytes);
  if (!charset.empty() && !RecodeToUtf8(charset, decoded)) {
    warnings.push_back({"HTML declares an unknown charset, " + charset + "; read as UTF-8"});
  }
  const std::string_view html = decoded;
  if (const size_t depth = EstimateNestingDepth(html); depth > kMaxParseDepth) {
    warnings.push_back({"HTML nested " + std::to_string(depth) + " levels deep; tags stripped without parsing"});
    result.text = StripTags(html);
    return result;
  }
  GumboOptions parse_options = kGumboDefaultOptions;
  parse_options.max_errors = 0;
  GumboOutput* output = gumbo_parse_with_options(&parse_options, html.data(), html.size());
  if (output == nullptr) {
    warnings.push_back({"HTML could not be parsed; no text extracted"});
    return result;
  }
  ReadMetadata(output->document, result);
  result.text = JoinBlocks(CollectBlocks(output->document), options.main_text_only);
  gumbo_destroy_output(&parse_options, output);
  return result;
}

}  // namespace lagebild
