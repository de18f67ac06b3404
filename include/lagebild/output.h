// Writers for the output contract (DESIGN.md): JSON, JSON Lines, TSV and a readable table.
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <string_view>

#include "lagebild/document.h"

namespace lagebild {

enum class OutputFormat { kJson, kJsonl, kTsv, kPretty };

// "json", "jsonl", "tsv", "pretty"; nullopt for anything else.
std::optional<OutputFormat> ParseOutputFormat(std::string_view name);

struct OutputOptions {
  bool with_text = false;    // add doc.text, the cleaned text all offsets refer to
  bool with_tokens = false;  // add the token list and each sentence's token range
};

// One document as a JSON object; `indent` < 0 gives one compact line.
std::string ToJson(const Document& doc, const OutputOptions& options, int indent = -1);

// Column header of the TSV format, and one document's rows (one per annotation).
std::string TsvHeader();
void WriteTsv(std::ostream& out, const Document& doc);

// Names used in the output for entity kinds and sources.
const char* EntityKindName(EntityKind kind);
const char* EntitySourceName(EntitySource source);
const char* ModalityName(Modality modality);
const char* DateBasisName(DateBasis basis);  // text, published; nullptr for none
const char* TimeTypeName(TimeType type);     // DATE, TIME, DURATION, SET
const char* PlaceKindName(PlaceKind kind);   // city, region, country, area

// A human-readable table of what was found.
void WritePretty(std::ostream& out, const Document& doc);

}  // namespace lagebild
