// Case kinds of the golden runner. Later stages add theirs here (entities, times, places, events).
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "lagebild/output.h"
#include "lagebild/pipeline.h"

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

}  // namespace

std::map<std::string, Handler> Handlers() {
  return {
      {"sentences", SentenceLines},
      {"tokens", TokenLines},
      {"entities", EntityLines},
  };
}

}  // namespace lagebild::golden
