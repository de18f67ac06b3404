// Boilerplate removal: which blocks of a page (html_blocks.h) are its main text.
//
// The approach, our own, in the tradition of readability and jusText:
//  1. A block is "prose" when it has at least 50 characters, at most a third of them link text.
//  2. Regions that tag, ARIA role, class or id mark as page furniture (nav, footer, aside,
//     figcaption, comments, share bars, …) are furniture, unless such a region holds more than
//     half of the page's prose, when the mark is a mistake ("has-sidebar" on a wrapper).
//  3. The article is the element whose subtree has the most prose net of its link text and
//     (at a lower cost) its furniture text: a densest subtree, found in one bottom-up pass.
//  4. Inside it, blocks that are mostly link text (teasers, "Auch interessant"), furniture, or
//     furniture lines by their words (furniture_text.h), and headings left with nothing under
//     them, are dropped.
//  5. A page without any prose (a short note, a list) keeps every block that is not furniture.
#pragma once

#include <vector>

#include "clean/html_blocks.h"

namespace lagebild {

// Why the selection came out as it did, for debugging and `--explain` output.
struct MainTextTrace {
  int article = 0;              // the best container's node, 0 when none scored
  std::vector<double> balances;  // per node: prose bytes less link and furniture bytes
  std::vector<bool> furniture;  // per node
};

// For each block of `page`, whether it belongs to the main text.
std::vector<bool> SelectMainText(const HtmlBlocks& page, MainTextTrace* trace = nullptr);

}  // namespace lagebild
