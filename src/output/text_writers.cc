// The TSV and the human-readable formats.
#include <fmt/format.h>

#include <ostream>

#include "lagebild/output.h"
#include "segment/char_class.h"

namespace lagebild {
namespace {

constexpr size_t kPrettyTextColumns = 96;

// Tabs and line breaks would break a TSV row.
std::string TsvField(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (c == '\t') out += "\\t";
    else if (c == '\n') out += "\\n";
    else if (c == '\\') out += "\\\\";
    else out.push_back(c);
  }
  return out;
}

// Shortens to at most `columns` code points, ending in "…" when cut.
std::string Shorten(std::string_view text, size_t columns) {
  uint32_t pos = 0;
  size_t count = 0;
  while (pos < text.size() && count < columns) {
    pos = chars::DecodeAt(text, pos).next;
    ++count;
  }
  if (pos >= text.size()) return std::string(text);
  return std::string(text.substr(0, pos)) + "\u2026";
}

// An event's date for the text formats: the value, "~value" for the publication date standing
// in, "-" for none.
std::string DateOf(const Event& event) {
  if (event.date.empty()) return "-";
  return event.date_basis == DateBasis::kPublication ? "~" + event.date : event.date;
}

std::string OneLine(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c == '\n') c = ' ';
  }
  return out;
}

}  // namespace

std::string TsvHeader() { return "doc_id\ttype\tindex\tbegin\tend\tlabel\ttext\n"; }

void WriteTsv(std::ostream& out, const Document& doc) {
  for (size_t i = 0; i < doc.entities.size(); ++i) {
    const Entity& entity = doc.entities[i];
    out << TsvField(doc.meta.id) << "\tentity\t" << i << '\t' << entity.span.begin << '\t' << entity.span.end << '\t'
        << EntityKindName(entity.kind) << ':' << (entity.code.empty() ? "-" : entity.code) << ':'
        << (entity.actor_id.empty() ? "-" : entity.actor_id) << '\t' << TsvField(doc.Surface(entity.span)) << '\n';
  }
  for (size_t i = 0; i < doc.events.size(); ++i) {
    const Event& event = doc.events[i];
    const Entity& source = doc.entities[event.source];
    const Entity& target = doc.entities[event.target];
    out << TsvField(doc.meta.id) << "\tevent\t" << i << '\t' << event.trigger.begin << '\t' << event.trigger.end << '\t'
        << source.code << ':' << target.code << ':' << event.code << ':' << ModalityName(event.modality) << ':'
        << (event.attribution >= 0 ? doc.entities[event.attribution].code : "-") << ':' << DateOf(event) << ':'
        << (event.place >= 0 ? TsvField(doc.places[event.place].name) : "-") << '\t' << TsvField(doc.Surface(event.trigger))
        << '\n';
  }
  for (size_t i = 0; i < doc.times.size(); ++i) {
    const TimeExpression& time = doc.times[i];
    out << TsvField(doc.meta.id) << "\ttime\t" << i << '\t' << time.span.begin << '\t' << time.span.end << '\t'
        << TimeTypeName(time.type) << ':' << (time.value.empty() ? "-" : time.value) << '\t'
        << TsvField(doc.Surface(time.span)) << '\n';
  }
  for (size_t i = 0; i < doc.places.size(); ++i) {
    const Place& place = doc.places[i];
    out << TsvField(doc.meta.id) << "\tplace\t" << i << '\t' << place.span.begin << '\t' << place.span.end << '\t'
        << PlaceKindName(place.kind) << ':' << TsvField(place.name) << ':' << (place.country.empty() ? "-" : place.country)
        << '\t' << TsvField(doc.Surface(place.span)) << '\n';
  }
  for (size_t i = 0; i < doc.sentences.size(); ++i) {
    const Sentence& sentence = doc.sentences[i];
    out << TsvField(doc.meta.id) << "\tsentence\t" << i << '\t' << sentence.span.begin << '\t'
        << sentence.span.end << '\t' << doc.paragraphs[sentence.paragraph].lang << '\t'
        << TsvField(doc.Surface(sentence.span)) << '\n';
  }
}

namespace {

void WritePrettyTimesAndPlaces(std::ostream& out, const Document& doc) {
  out << fmt::format("\n  Times ({})\n  {:<4} {:<34} {:<9} {}\n", doc.times.size(), "s#", "text", "type", "value");
  for (const TimeExpression& time : doc.times) {
    out << fmt::format("  {:<4} {:<34} {:<9} {}\n", time.sentence, Shorten(OneLine(doc.Surface(time.span)), 33),
                       TimeTypeName(time.type), time.value.empty() ? "(no publication date)" : time.value);
  }
  out << fmt::format("\n  Places ({})\n  {:<4} {:<24} {:<8} {:<28} {}\n", doc.places.size(), "s#", "text", "kind", "name",
                     "country, lat, lon");
  for (const Place& place : doc.places) {
    out << fmt::format("  {:<4} {:<24} {:<8} {:<28} {} {:.3f} {:.3f}\n", place.sentence,
                       Shorten(OneLine(doc.Surface(place.span)), 23), PlaceKindName(place.kind), Shorten(place.name, 27),
                       place.country.empty() ? "-" : place.country, place.lat, place.lon);
  }
}

void WritePrettyEvents(std::ostream& out, const Document& doc) {
  out << fmt::format("\n  Events ({}; a date with ~ is the publication date standing in)\n  {:<4} {:<24} {:<24} {:<5} {:<9} {:<9} {:<12} {:<16} {}\n",
                     doc.events.size(), "s#", "source", "target", "code", "modality", "said by", "date", "place", "trigger");
  for (const Event& event : doc.events) {
    const Entity& source = doc.entities[event.source];
    const Entity& target = doc.entities[event.target];
    out << fmt::format("  {:<4} {:<24} {:<24} {:<5} {:<9} {:<9} {:<12} {:<16} {}\n", event.sentence,
                       Shorten(source.code + " " + OneLine(doc.Surface(source.span)), 23),
                       Shorten(target.code + " " + OneLine(doc.Surface(target.span)), 23), event.code,
                       ModalityName(event.modality), event.attribution >= 0 ? doc.entities[event.attribution].code : "-",
                       Shorten(DateOf(event), 11), event.place >= 0 ? Shorten(doc.places[event.place].name, 15) : "-",
                       OneLine(doc.Surface(event.trigger)));
  }
}

}  // namespace

void WritePretty(std::ostream& out, const Document& doc) {
  out << fmt::format("Document  {}\n", doc.meta.id);
  out << fmt::format("  language {}   published {}   {} bytes   {} paragraphs   {} sentences   {} tokens\n",
                     doc.lang, doc.meta.published.value_or("unknown"), doc.text.size(),
                     doc.paragraphs.size(), doc.sentences.size(), doc.tokens.size());
  if (doc.meta.title) out << fmt::format("  title    {}\n", *doc.meta.title);
  for (const Diagnostic& warning : doc.warnings) out << fmt::format("  warning  {}\n", warning.message);
  out << "\n  #    lang  sentence\n";
  for (size_t i = 0; i < doc.sentences.size(); ++i) {
    const Sentence& sentence = doc.sentences[i];
    out << fmt::format("  {:<4} {:<5} {}\n", i, doc.paragraphs[sentence.paragraph].lang,
                       Shorten(OneLine(doc.Surface(sentence.span)), kPrettyTextColumns));
  }
  out << fmt::format("\n  Actors ({})\n  {:<4} {:<34} {:<12} {:<11} {:<24} {}\n", doc.entities.size(), "s#", "text",
                     "kind", "code", "actor", "how");
  for (const Entity& entity : doc.entities) {
    out << fmt::format("  {:<4} {:<34} {:<12} {:<11} {:<24} {}{}\n", entity.sentence,
                       Shorten(OneLine(doc.Surface(entity.span)), 33), EntityKindName(entity.kind),
                       entity.code.empty() ? "?" : entity.code, entity.actor_id.empty() ? "-" : entity.actor_id,
                       EntitySourceName(entity.source), entity.role.empty() ? "" : " (" + entity.role + ")");
  }
  WritePrettyTimesAndPlaces(out, doc);
  WritePrettyEvents(out, doc);
  out << '\n';
}

}  // namespace lagebild
