#include "clean/html_text.h"

#include <gumbo.h>

#include <array>
#include <cstring>
#include <string_view>
#include <utility>

namespace lagebild {
namespace {

// Nesting deeper than this is flattened: text below it is still collected, but block structure
// is no longer tracked. Real pages stay far below it.
constexpr size_t kMaxTrackedDepth = 512;

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

// Reads <title>, canonical URL and publication date from <head> elements.
void ReadHeadElement(const GumboNode* node, HtmlText& result) {
  const GumboElement& element = node->v.element;
  if (element.tag == GUMBO_TAG_TITLE && !result.title) {
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

}  // namespace

HtmlText ExtractHtmlText(std::string_view html, std::vector<Diagnostic>& warnings) {
  HtmlText result;
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
