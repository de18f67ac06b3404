// Reading the documents of the input files one after another, shared by `extract` and `ingest`.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "lagebild/reader.h"

namespace lagebild::cli {

// The files to read for the given paths: a folder stands for every regular file under it (in
// name order, hidden ones skipped); files and "-" stay as they are. A path that does not exist
// stays too, so that reading it reports the problem; so does a URL.
std::vector<std::string> ExpandFolders(const std::vector<std::string>& paths);

// What the command line says about documents whose source does not: --lang (unless "auto")
// wins, --published fills a missing date (a WARC record's fetch date is not missing).
void ApplyMetaOverrides(const std::string& lang, const std::string& published, DocumentMeta& meta);

// Reads the documents of every file in turn ("-" is standard input; an http:// or https:// URL
// is fetched and read as its content says: a feed, a page, a WARC file). With `report`, read
// problems are printed to stderr as they come and make the result true ("some input failed");
// without, they are ignored (a first pass whose second pass reports them).
bool ForEachDocument(const std::vector<std::string>& files, InputFormat input_format, bool report,
                     const std::function<void(RawDocument&&)>& visit);

}  // namespace lagebild::cli
