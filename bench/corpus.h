// Loaders for the benchmark corpora in ../shared/data/corpora (read-only; never copied into the
// project). Each returns raw documents ready for the pipeline, or an empty vector when the
// corpus is not there.
#pragma once

#include <string>
#include <vector>

#include "lagebild/reader.h"

namespace lagebild::bench {

// The folder holding the corpora: $LAGEBILD_CORPORA, else ../shared/data/corpora relative to
// the source tree.
std::string CorporaDir();

// Reuters-21578 (English wire copy, SGML in .sgm.gz): title, dateline and body of each story.
std::vector<RawDocument> LoadReuters(const std::string& corpora_dir);
// 10kGNAD test split (German, Der Standard): `label;'text'` per line.
std::vector<RawDocument> LoadGnad(const std::string& corpora_dir);
// AG News test split (English snippets): title and description.
std::vector<RawDocument> LoadAgNews(const std::string& corpora_dir);

// By name: "reuters", "gnad", "agnews".
std::vector<RawDocument> LoadCorpus(const std::string& name, const std::string& corpora_dir);

}  // namespace lagebild::bench
