// Guesses the input format from a file name and the first bytes of its content.
#pragma once

#include <string_view>

#include "lagebild/reader.h"

namespace lagebild {

// From the extension only; kAuto when the name says nothing.
InputFormat FormatFromFileName(std::string_view path);
// From the content: "WARC/1." (plain or gzip-compressed) is WARC; '<' with <rss, <feed or
// <rdf:RDF near the start is a feed, with an HTML tag HTML; '{' is JSON Lines; else text.
InputFormat FormatFromContent(std::string_view head);

}  // namespace lagebild
