// Page furniture recognised by its words, for blocks no markup gives away: teaser headings
// ("Auch interessant", "You may also like"), share and comment prompts, picture credits
// ("Foto: dpa"), and lines that only date the page ("Aktualisiert: 03.04.2020, 14:35 Uhr").
#pragma once

#include <string_view>

namespace lagebild {

// A short block (at most kMaxFurnitureLineChars) that starts with a furniture phrase, as a whole
// word, or says nothing but a date, a time and the words around them.
bool LooksLikeFurnitureLine(std::string_view block);

inline constexpr size_t kMaxFurnitureLineChars = 100;

}  // namespace lagebild
