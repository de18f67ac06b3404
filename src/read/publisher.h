// The publisher of a document: the host of its URL without "www." ("thetowntalk.com"), the key
// under which the store counts sources and the place stage learns home regions.
#pragma once

#include <string>

#include "lagebild/document.h"

namespace lagebild {

// Lower-case host of meta.url without a leading "www." and without a port; empty without a URL.
std::string PublisherOf(const DocumentMeta& meta);

}  // namespace lagebild
