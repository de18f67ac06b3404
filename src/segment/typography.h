// A matching key for text as articles write it: typographic variants folded to one plain form,
// so that dictionaries match "Iran’s", "Iran's" and "Iran`s" alike, or "US‐Beamte" (U+2010) and
// "US-Beamte". The document text itself is never changed, so offsets stay valid; stages compare
// folded keys and report the original spans.
//
// Folds: apostrophes and single quotes → ', double quotes and guillemets → ", hyphens, dashes
// and minus → -, ellipsis → ..., and Unicode compatibility forms (ligatures, full-width Latin,
// superscript digits) by NFKC. Case is kept.
#pragma once

#include <string>
#include <string_view>

namespace lagebild {

std::string FoldTypography(std::string_view text);

// Whether FoldTypography leaves `text` as it is because there is nothing to fold: ASCII without
// the backtick, and the Latin-1 letters U+00C0–U+00FF ("Österreich", "Müller"), which have no
// typographic variant and are their own NFKC form. (Other text may come out unchanged too, but
// only after the work.)
bool HasNothingToFold(std::string_view text);

}  // namespace lagebild
