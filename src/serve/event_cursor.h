// The opaque `cursor` of /api/events: the sort key and id of the last event of a page, so that
// the next page starts strictly after it — stable under inserts, without OFFSET's cost.
#pragma once

#include <cstdint>
#include <string>

#include "serve/event_filters.h"

namespace lagebild::serve {

struct EventCursor {
  SqlValue key;
  int64_t id = 0;
};

std::string EncodeCursor(const EventCursor& cursor);
// Throws ApiError(400) naming `cursor` for anything EncodeCursor did not make.
EventCursor DecodeCursor(const std::string& text);

}  // namespace lagebild::serve
