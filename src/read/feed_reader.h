// RSS 2.0, RSS 1.0 (RDF) and Atom feeds: one document per item or entry, its HTML content (the
// full content when the feed has it, else the description or summary) with the item's title,
// link and publication date. A feed that is not well-formed XML is one issue with its line.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "lagebild/reader.h"

namespace lagebild {

std::unique_ptr<Reader> MakeFeedReader(std::string name, std::string bytes);

// "Tue, 05 Sep 2023 10:00:00 GMT" (RFC 822, as RSS writes dates) or an ISO date (Atom, Dublin
// Core) → "2023-09-05"; nullopt when it is neither.
std::optional<std::string> FeedDate(std::string_view text);

}  // namespace lagebild
