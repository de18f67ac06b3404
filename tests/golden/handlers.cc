// Case kinds of the golden runner. Later stages add theirs here (entities, times, places, events).
#include <algorithm>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "lagebild/output.h"
#include "lagebild/pipeline.h"
#include "resources/section_lines.h"

namespace lagebild::golden {

using Handler = std::function<std::vector<std::string>(const Pipeline&, const Document&)>;

namespace {

std::vector<std::string> SentenceLines(const Pipeline&, const Document& doc) {
  std::vector<std::string> lines;
  for (const Sentence& sentence : doc.sentences) lines.emplace_back(doc.Surface(sentence.span));
  return lines;
}

std::vector<std::string> TokenLines(const Pipeline&, const Document& doc) {
  std::vector<std::string> lines;
  for (const Sentence& sentence : doc.sentences) {
    std::string line;
    for (uint32_t i = sentence.first_token; i < sentence.last_token; ++i) {
      if (!line.empty()) line += ' ';
      line += doc.Surface(doc.tokens[i].span);
    }
    lines.push_back(std::move(line));
  }
  return lines;
}

// One line per paragraph of the document text: for HTML input, the main text as cleaned.
std::vector<std::string> ParagraphLines(const Pipeline&, const Document& doc) {
  std::vector<std::string> lines;
  for (const Paragraph& paragraph : doc.paragraphs) lines.emplace_back(doc.Surface(paragraph.span));
  if (lines.empty()) lines.push_back("none");
  return lines;
}

std::string OrDash(const std::string& value) { return value.empty() ? "-" : value; }

// One line per entity: text, kind, code, actor id.
std::vector<std::string> EntityLines(const Pipeline&, const Document& doc) {
  std::vector<std::string> lines;
  for (const Entity& entity : doc.entities) {
    lines.push_back(std::string(doc.Surface(entity.span)) + '\t' + EntityKindName(entity.kind) + '\t' +
                    OrDash(entity.code) + '\t' + OrDash(entity.actor_id));
  }
  return lines;
}

// Meetings and talks are symmetric: either direction is right (docs/golden-tests.md).
bool IsSymmetric(const std::string& code) { return code.rfind("04", 0) == 0; }

// The canonical form of event lines: symmetric events with the smaller code first, `by=` kept,
// fields the engine does not fill yet dropped, lines sorted and unique; no events is `none`.
std::vector<std::string> CanonicalEvents(const std::vector<std::string>& lines) {
  std::vector<std::string> canonical;
  for (const std::string& line : lines) {
    if (line == "none") continue;
    std::vector<std::string> fields = SplitToStrings(line, '\t');
    if (fields.size() < 4) {
      canonical.push_back(line);
      continue;
    }
    if (IsSymmetric(fields[2]) && fields[1] < fields[0]) std::swap(fields[0], fields[1]);
    std::string out = fields[0] + '\t' + fields[1] + '\t' + fields[2] + '\t' + fields[3];
    for (size_t i = 4; i < fields.size(); ++i) {
      if (fields[i].rfind("by=", 0) == 0) out += '\t' + fields[i];
    }
    canonical.push_back(std::move(out));
  }
  std::sort(canonical.begin(), canonical.end());
  canonical.erase(std::unique(canonical.begin(), canonical.end()), canonical.end());
  if (canonical.empty()) canonical.push_back("none");
  return canonical;
}

// Grounding lines in a canonical order: symmetric events with the smaller code first, sorted.
std::vector<std::string> CanonicalGrounding(const std::vector<std::string>& lines) {
  std::vector<std::string> canonical;
  for (const std::string& line : lines) {
    std::vector<std::string> fields = SplitToStrings(line, '\t');
    if (fields.size() >= 3 && IsSymmetric(fields[2]) && fields[1] < fields[0]) std::swap(fields[0], fields[1]);
    std::string out;
    for (size_t i = 0; i < fields.size(); ++i) out += (i ? "\t" : "") + fields[i];
    canonical.push_back(std::move(out));
  }
  std::sort(canonical.begin(), canonical.end());
  canonical.erase(std::unique(canonical.begin(), canonical.end()), canonical.end());
  return canonical;
}

// One line per event: source code, target code, CAMEO code, modality, and by=CODE when the
// sentence attributes it to a speaker.
std::vector<std::string> EventLines(const Pipeline&, const Document& doc) {
  std::vector<std::string> lines;
  for (const Event& event : doc.events) {
    std::string line = OrDash(doc.entities[event.source].code) + '\t' + OrDash(doc.entities[event.target].code) + '\t' +
                       event.code + '\t' + ModalityName(event.modality);
    if (event.attribution >= 0) line += "\tby=" + OrDash(doc.entities[event.attribution].code);
    lines.push_back(std::move(line));
  }
  return CanonicalEvents(lines);
}

// One line per time expression in text order: text, TIMEX3 value (`null` when unresolved).
std::vector<std::string> TimeLines(const Pipeline&, const Document& doc) {
  std::vector<std::string> lines;
  for (const TimeExpression& time : doc.times) {
    lines.push_back(std::string(doc.Surface(time.span)) + '\t' + (time.value.empty() ? "null" : time.value));
  }
  if (lines.empty()) lines.push_back("none");
  return lines;
}

// Where a place is: "Vladivostok, RUS" for cities, regions and areas, "RUS" for a country.
std::string WhereOf(const Place& place) {
  if (place.kind == PlaceKind::kCountry) return place.country;
  return place.name + ", " + (place.country.empty() ? "-" : place.country);
}

// One line per place in text order: text, kind, where.
std::vector<std::string> PlaceLines(const Pipeline&, const Document& doc) {
  std::vector<std::string> lines;
  for (const Place& place : doc.places) {
    lines.push_back(std::string(doc.Surface(place.span)) + '\t' + PlaceKindName(place.kind) + '\t' + WhereOf(place));
  }
  if (lines.empty()) lines.push_back("none");
  return lines;
}

// One line per event: source, target, CAMEO code, date (`published` when the publication date
// stands in, `-` when none) and place (`-` when none).
std::vector<std::string> GroundingLines(const Pipeline&, const Document& doc) {
  std::vector<std::string> lines;
  for (const Event& event : doc.events) {
    std::string source = OrDash(doc.entities[event.source].code), target = OrDash(doc.entities[event.target].code);
    if (IsSymmetric(event.code) && target < source) std::swap(source, target);
    const std::string date = event.date_basis == DateBasis::kPublication ? "published" : OrDash(event.date);
    const std::string place = event.place >= 0 ? WhereOf(doc.places[event.place]) : "-";
    lines.push_back(source + '\t' + target + '\t' + event.code + '\t' + date + '\t' + place);
  }
  std::sort(lines.begin(), lines.end());
  lines.erase(std::unique(lines.begin(), lines.end()), lines.end());
  if (lines.empty()) lines.push_back("none");
  return lines;
}

}  // namespace

std::map<std::string, Handler> Handlers() {
  return {
      {"maintext", ParagraphLines},
      {"sentences", SentenceLines},
      {"tokens", TokenLines},
      {"entities", EntityLines},
      {"events", EventLines},
      {"times", TimeLines},
      {"places", PlaceLines},
      {"grounding", GroundingLines},
  };
}

std::vector<std::string> ExpectedLines(const std::string& kind, const std::vector<std::string>& expected) {
  if (kind == "events") return CanonicalEvents(expected);
  if (kind == "grounding") return CanonicalGrounding(expected);
  return expected;
}

}  // namespace lagebild::golden
