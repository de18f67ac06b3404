#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "lagebild/output.h"
#include "segment/typography.h"

namespace lagebild {
namespace {

using nlohmann::json;

json OptionalString(const std::optional<std::string>& value) { return value ? json(*value) : json(nullptr); }

const char* TokenKindName(TokenKind kind) {
  switch (kind) {
    case TokenKind::kWord: return "word";
    case TokenKind::kNumber: return "number";
    case TokenKind::kOrdinal: return "ordinal";
    case TokenKind::kAbbreviation: return "abbreviation";
    case TokenKind::kInitial: return "initial";
    case TokenKind::kPunctuation: return "punctuation";
    case TokenKind::kQuote: return "quote";
    case TokenKind::kBracket: return "bracket";
    case TokenKind::kSymbol: return "symbol";
    case TokenKind::kClitic: return "clitic";
    case TokenKind::kUrl: return "url";
    case TokenKind::kListMarker: return "list_marker";
    case TokenKind::kOther: return "other";
  }
  return "other";
}

json DocJson(const Document& doc, const OutputOptions& options) {
  json out = {{"id", doc.meta.id},
              {"url", OptionalString(doc.meta.url)},
              {"lang", doc.lang},
              {"published", OptionalString(doc.meta.published)},
              {"title", OptionalString(doc.meta.title)},
              {"hash", fmt::format("{:016x}", doc.content_hash)}};
  json warnings = json::array();
  for (const Diagnostic& warning : doc.warnings) warnings.push_back(warning.message);
  out["warnings"] = std::move(warnings);
  if (!doc.meta.home_regions.empty()) out["home_regions"] = doc.meta.home_regions;
  if (options.with_text) out["text"] = doc.text;
  return out;
}

json SentencesJson(const Document& doc, const OutputOptions& options) {
  json sentences = json::array();
  for (const Sentence& sentence : doc.sentences) {
    json item = {{"begin", sentence.span.begin},
                 {"end", sentence.span.end},
                 {"lang", doc.paragraphs[sentence.paragraph].lang},
                 {"paragraph", sentence.paragraph}};
    if (options.with_tokens) {
      item["first_token"] = sentence.first_token;
      item["last_token"] = sentence.last_token;
    }
    sentences.push_back(std::move(item));
  }
  return sentences;
}

json TokensJson(const Document& doc) {
  json tokens = json::array();
  for (const Token& token : doc.tokens) {
    json item = {{"begin", token.span.begin}, {"end", token.span.end}, {"kind", TokenKindName(token.kind)}};
    const std::string_view surface = doc.Surface(token.span);
    if (std::string folded = FoldTypography(surface); folded != surface) item["norm"] = std::move(folded);
    tokens.push_back(std::move(item));
  }
  return tokens;
}

json NullIfEmpty(const std::string& value) { return value.empty() ? json(nullptr) : json(value); }

json EntitiesJson(const Document& doc) {
  json entities = json::array();
  for (const Entity& entity : doc.entities) {
    json item = {{"begin", entity.span.begin},
                 {"end", entity.span.end},
                 {"text", doc.Surface(entity.span)},
                 {"kind", EntityKindName(entity.kind)},
                 {"actor", NullIfEmpty(entity.code)},
                 {"actor_id", NullIfEmpty(entity.actor_id)},
                 {"country", NullIfEmpty(entity.country)},
                 {"sentence", entity.sentence},
                 {"source", EntitySourceName(entity.source)}};
    if (!entity.role.empty()) item["role"] = entity.role;
    if (!entity.sector.empty()) item["sector"] = entity.sector;
    if (entity.antecedent >= 0) item["antecedent"] = entity.antecedent;
    entities.push_back(std::move(item));
  }
  return entities;
}

json ActorJson(const Document& doc, int32_t index) {
  if (index < 0 || static_cast<size_t>(index) >= doc.entities.size()) return nullptr;
  const Entity& entity = doc.entities[index];
  return {{"code", NullIfEmpty(entity.code)},
          {"actor_id", NullIfEmpty(entity.actor_id)},
          {"text", doc.Surface(entity.span)},
          {"begin", entity.span.begin},
          {"end", entity.span.end},
          {"entity", index}};
}

json TimesJson(const Document& doc) {
  json times = json::array();
  for (const TimeExpression& time : doc.times) {
    times.push_back({{"begin", time.span.begin},
                     {"end", time.span.end},
                     {"text", doc.Surface(time.span)},
                     {"value", NullIfEmpty(time.value)},
                     {"type", TimeTypeName(time.type)},
                     {"mod", NullIfEmpty(time.mod)},
                     {"sentence", time.sentence}});
  }
  return times;
}

json PlaceJson(const Document& doc, const Place& place) {
  return {{"begin", place.span.begin},
          {"end", place.span.end},
          {"text", doc.Surface(place.span)},
          {"name", place.name},
          {"kind", PlaceKindName(place.kind)},
          {"country", NullIfEmpty(place.country)},
          {"admin1", NullIfEmpty(place.admin1)},
          {"lat", place.lat},
          {"lon", place.lon},
          {"geonames", place.geonames != 0 ? json(place.geonames) : json(nullptr)}};
}

json PlacesJson(const Document& doc) {
  json places = json::array();
  for (const Place& place : doc.places) {
    json entry = PlaceJson(doc, place);
    entry["sentence"] = place.sentence;
    places.push_back(std::move(entry));
  }
  return places;
}

json EventDateJson(const Event& event) { return NullIfEmpty(event.date); }

json EventPlaceJson(const Document& doc, const Event& event) {
  if (event.place < 0 || static_cast<size_t>(event.place) >= doc.places.size()) return nullptr;
  json place = PlaceJson(doc, doc.places[event.place]);
  place["index"] = event.place;
  return place;
}

json EventsJson(const Document& doc) {
  json events = json::array();
  for (const Event& event : doc.events) {
    json attribution = nullptr;
    if (event.attribution >= 0) {
      const Entity& speaker = doc.entities[event.attribution];
      attribution = {{"code", NullIfEmpty(speaker.code)}, {"text", doc.Surface(speaker.span)}, {"entity", event.attribution}};
    }
    events.push_back({{"sentence", event.sentence},
                      {"source", ActorJson(doc, event.source)},
                      {"target", ActorJson(doc, event.target)},
                      {"code", event.code},
                      {"root", event.code.substr(0, 2)},
                      {"quad_class", event.quad_class},
                      {"goldstein", event.goldstein},
                      {"plover", {{"type", NullIfEmpty(event.plover_type)}, {"mode", NullIfEmpty(event.plover_mode)}}},
                      {"modality", ModalityName(event.modality)},
                      {"attribution", std::move(attribution)},
                      {"date", EventDateJson(event)},
                      {"date_basis", DateBasisName(event.date_basis) ? json(DateBasisName(event.date_basis)) : json(nullptr)},
                      {"time", event.time >= 0 ? json(event.time) : json(nullptr)},
                      {"place", EventPlaceJson(doc, event)},
                      {"trigger", {{"text", doc.Surface(event.trigger)}, {"begin", event.trigger.begin}, {"end", event.trigger.end}}},
                      {"rule", event.rule}});
  }
  return events;
}

}  // namespace

const char* DateBasisName(DateBasis basis) {
  switch (basis) {
    case DateBasis::kText: return "text";
    case DateBasis::kPublication: return "published";
    case DateBasis::kNone: break;
  }
  return nullptr;
}

const char* TimeTypeName(TimeType type) {
  switch (type) {
    case TimeType::kDate: return "DATE";
    case TimeType::kTime: return "TIME";
    case TimeType::kDuration: return "DURATION";
    case TimeType::kSet: return "SET";
  }
  return "DATE";
}

const char* PlaceKindName(PlaceKind kind) {
  switch (kind) {
    case PlaceKind::kCity: return "city";
    case PlaceKind::kRegion: return "region";
    case PlaceKind::kCountry: return "country";
    case PlaceKind::kArea: return "area";
  }
  return "city";
}

const char* ModalityName(Modality modality) {
  switch (modality) {
    case Modality::kAsserted: return "asserted";
    case Modality::kPlanned: return "planned";
    case Modality::kPossible: return "possible";
    case Modality::kNegated: return "negated";
  }
  return "asserted";
}

const char* EntityKindName(EntityKind kind) {
  switch (kind) {
    case EntityKind::kPerson: return "person";
    case EntityKind::kOrganisation: return "organisation";
    case EntityKind::kCountry: return "country";
    case EntityKind::kCapital: return "capital";
    case EntityKind::kArmedGroup: return "armed-group";
    case EntityKind::kParty: return "party";
    case EntityKind::kMedia: return "media";
    case EntityKind::kAgent: return "agent";
  }
  return "organisation";
}

const char* EntitySourceName(EntitySource source) {
  switch (source) {
    case EntitySource::kDictionary: return "dictionary";
    case EntitySource::kCue: return "cue";
    case EntitySource::kCoreference: return "coreference";
    case EntitySource::kAgent: return "agent";
  }
  return "dictionary";
}

std::optional<OutputFormat> ParseOutputFormat(std::string_view name) {
  if (name == "json") return OutputFormat::kJson;
  if (name == "jsonl") return OutputFormat::kJsonl;
  if (name == "tsv") return OutputFormat::kTsv;
  if (name == "pretty") return OutputFormat::kPretty;
  return std::nullopt;
}

std::string ToJson(const Document& doc, const OutputOptions& options, int indent) {
  json out = {{"doc", DocJson(doc, options)}, {"sentences", SentencesJson(doc, options)}};
  if (options.with_tokens) out["tokens"] = TokensJson(doc);
  out["entities"] = EntitiesJson(doc);
  out["times"] = TimesJson(doc);
  out["places"] = PlacesJson(doc);
  out["events"] = EventsJson(doc);
  return out.dump(indent, ' ', false, json::error_handler_t::replace);
}

}  // namespace lagebild
