// Documents in the output contract of `lagebild extract --format json` (DESIGN.md), for the API:
// a stored document re-analysed at its publication date (GET /api/documents/{id}), and text
// posted for analysis (POST /api/analyze) or for storing (POST /api/documents). The cleaned text
// is at the top level as `text`; all offsets are bytes into it.
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>

#include "lagebild/pipeline.h"
#include "lagebild/reader.h"
#include "serve/read_pool.h"

namespace lagebild::serve {

// The contract of one processed document, with `text`.
nlohmann::json ContractJson(const Document& doc);

// The stored document `id` run through `pipeline` again, with `doc.source`, `doc.story_id` and
// `event_ids` (each contract event's stored event id, or null). Throws ApiError(404) for an
// unknown id.
nlohmann::json StoredDocumentView(ReadConnection& db, const Pipeline& pipeline, int64_t id);

// The body of POST /api/analyze, {"text", "published", "lang", "html"}, as a raw document.
// Throws ApiError(400) naming the field that is wrong.
RawDocument AnalyzeRequest(const std::string& body);

// The body of POST /api/documents, one JSON Lines input object, as a raw document. Throws
// ApiError(400) with the reader's message.
RawDocument DocumentRequest(const std::string& body);

}  // namespace lagebild::serve
