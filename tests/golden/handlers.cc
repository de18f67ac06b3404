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

}  // namespace

std::map<std::string, Handler> Handlers() {
  return {
      {"sentences", SentenceLines},
      {"tokens", TokenLines},
      {"entities", EntityLines},
      {"events", EventLines},
  };
}

std::vector<std::string> ExpectedLines(const std::string& kind, const std::vector<std::string>& expected) {
  return kind == "events" ? CanonicalEvents(expected) : expected;
}

}  // namespace lagebild::golden
