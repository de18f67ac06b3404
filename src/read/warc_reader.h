// WARC and WARC.gz files (Common Crawl News and other web archives): one HTML document per
// `response` record whose HTTP status is 200 and whose payload is text/html or
// application/xhtml+xml. The document gets the record's WARC-Target-URI as its URL and its
// WARC-Date as the fetch date, which stands in for the publication date when the page states none.
// The HTTP body is decoded (chunked, gzip, deflate) and converted to UTF-8 from the charset the
// HTTP header or else the page declares.
//
// Other records (request, metadata, warcinfo, revisit, other media types, other statuses) are
// skipped without an issue. The file is streamed: memory stays at about one record however large
// the file (warc_record.h has the limits and what happens to malformed records).
#pragma once

#include <memory>
#include <string>

#include "lagebild/reader.h"
#include "read/byte_source.h"

namespace lagebild {

// `head`: bytes already read from the start of `source` by the format sniffer.
std::unique_ptr<Reader> MakeWarcReader(std::string name, std::unique_ptr<ByteSource> source, std::string head = {});

}  // namespace lagebild
