// Documents too long to analyse at once. The analysis keeps every token, entity and candidate of
// a document in memory (about a hundred times its text) and resolves references across all of
// it, so a text of 100 MB — a dump fed as one file, a log, a book — would need gigabytes. Such a
// text is handed on in parts of at most `max_part_bytes`, each cut at a paragraph break if there
// is one in its second half, else at a line break, the end of a sentence, a space, or the last
// whole UTF-8 character. Each part is a document of its own ("long.txt#part-2"), nothing is
// dropped, and the reader warns once how the document was parted. HTML is passed on whole: its
// text is only known after cleaning.
#pragma once

#include <cstddef>
#include <memory>
#include <string_view>

#include "lagebild/reader.h"

namespace lagebild {

constexpr size_t kMaxDocumentPartBytes = size_t{2} << 20;

std::unique_ptr<Reader> SplitLongDocuments(std::unique_ptr<Reader> reader, size_t max_part_bytes = kMaxDocumentPartBytes);

// Where the first part of `text` ends (its length) when parts are at most `max_part_bytes` long.
size_t PartEnd(std::string_view text, size_t max_part_bytes);

}  // namespace lagebild
