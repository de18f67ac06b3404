// Turns raw bytes of unknown quality into well-formed, NFC-normalised UTF-8 laid out as
// paragraphs. This is where the document text is made; after it, the text never changes.
//
// What it does, in order:
//  1. Decoding: a UTF-16 byte order mark transcodes from UTF-16; bytes that are not UTF-8 and
//     contain no valid multi-byte sequence at all are decoded as windows-1252; otherwise each
//     invalid sequence becomes U+FFFD. Each repair adds a warning.
//  2. Characters: CR LF and CR become LF; other control characters, soft hyphens, zero-width
//     spaces and byte order marks are removed; Unicode space variants (no-break, thin, ideographic
//     …) become a plain space; U+2028/U+2029 become line/paragraph breaks.
//  3. Layout: spaces are collapsed and trimmed per line; blank lines separate paragraphs (exactly
//     one blank line between two paragraphs); an indented line starts a paragraph when only a
//     minority of lines are indented (wire copy).
//  4. Unicode NFC.
// Quotes, apostrophes and dashes are kept as written; FoldTypography gives a matching key.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "lagebild/document.h"

namespace lagebild {

std::string RepairText(std::string_view raw, std::vector<Diagnostic>& warnings);

// True when `bytes` look like a binary file rather than text (NUL bytes or many control
// characters in the first 64 KiB). UTF-16 with a byte order mark is text.
bool LooksBinary(std::string_view bytes);

// True when `text` (valid UTF-8) is in NFC for a reason seen without ICU: each code point lies
// below U+0300 (ASCII, Latin-1, Latin Extended: no combining mark among them) or among the
// dashes, quotes, bullets and currency signs of U+2010–U+2027, U+2030–U+205E and U+20A0–U+20C0.
// Every such character is its own NFC form and combines with nothing before it. False says
// nothing: ICU must look.
bool IsPlainlyNfc(std::string_view text);

}  // namespace lagebild
