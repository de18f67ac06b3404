// Visible text of an HTML page with its paragraph structure, plus the metadata the page states
// about itself. Boilerplate removal (navigation, teasers, comment forms) is a later stage; this
// keeps all visible text and drops only what is never shown (scripts, styles, templates, head).
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

// Never fails: malformed HTML is parsed the way browsers do. Pathologically deep nesting is
// handled without recursion.
HtmlText ExtractHtmlText(std::string_view html, std::vector<Diagnostic>& warnings);

}  // namespace lagebild
