// Export layouts for stored events (docs/cli.md "lagebild export"): the GDELT 2.0 Events (61
// columns) and Mentions (16 columns) tables, tab-separated without a header as GDELT ships them;
// CSV with a header; JSON Lines.
#pragma once

#include <string>
#include <string_view>

#include "store/store.h"

namespace lagebild {

inline constexpr size_t kGdeltEventColumns = 61;
inline constexpr size_t kGdeltMentionColumns = 16;

std::string GdeltEventLine(const StoredEvent& event);
std::string GdeltMentionLine(const StoredMention& mention);

std::string CsvEventHeader();
std::string CsvEventLine(const StoredEvent& event);
std::string JsonEventLine(const StoredEvent& event);
// A readable table for a terminal: id, actors, code, modality, date, counts, place.
std::string TableEventHeader();
std::string TableEventLine(const StoredEvent& event);

// "2023-09-05T10:11:12Z" → "20230905101112"; "" for anything shorter.
std::string GdeltTimestamp(std::string_view iso);

}  // namespace lagebild
