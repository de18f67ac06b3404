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
  for (size_t i = 0; i < doc.sentences.size(); ++i) {
    const Sentence& sentence = doc.sentences[i];
    out << TsvField(doc.meta.id) << "\tsentence\t" << i << '\t' << sentence.span.begin << '\t'
        << sentence.span.end << '\t' << doc.paragraphs[sentence.paragraph].lang << '\t'
        << TsvField(doc.Surface(sentence.span)) << '\n';
  }
}

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
  out << '\n';
}

}  // namespace lagebild
