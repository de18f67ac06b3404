// The text of an HTML page with its paragraph structure, plus the metadata the page states about
// itself. By default only the main text (main_text.h): navigation, teaser lists, comment forms,
// share bars and footers go. Never shown are scripts, styles, templates, the head, hidden
// elements and form controls.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "clean/json_ld.h"
#include "lagebild/document.h"

namespace lagebild {

struct HtmlText {
  std::string text;  // block elements separated by blank lines, <br> as line breaks
  std::optional<std::string> title;
  std::optional<std::string> published;  // raw value of a publication-date meta tag
  std::optional<std::string> url;        // canonical URL
  JsonLdArticle json_ld;                 // from <script type="application/ld+json"> blocks
};

struct HtmlTextOptions {
  bool main_text_only = true;  // false: every visible block
};

// Never fails: malformed HTML is parsed the way browsers do. Pathologically deep nesting is
// handled without recursion.
HtmlText ExtractHtmlText(std::string_view html, const HtmlTextOptions& options, std::vector<Diagnostic>& warnings);

}  // namespace lagebild
