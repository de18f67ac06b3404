#include "eval/timex_eval.h"

#include <fmt/format.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <utility>

#include "eval/text_alignment.h"
#include "util/file_content.h"
#include "util/iso_date.h"

namespace lagebild {
namespace {

namespace fs = std::filesystem;

constexpr size_t kContextBytes = 50;     // text shown on each side of an error
constexpr size_t kMaxEntityLength = 12;  // "&#x10FFFF;"

// ---- markup ----

void AppendUtf8(UChar32 c, std::string& out) {
  char bytes[U8_MAX_LENGTH];
  int32_t length = 0;
  UBool error = false;
  U8_APPEND(bytes, length, U8_MAX_LENGTH, c, error);
  if (!error) out.append(bytes, length);
}

// Decodes the entity starting at text[pos] == '&' into `out` and returns the bytes it takes;
// a '&' that starts no known entity is copied as it is (1 byte).
size_t AppendEntity(std::string_view text, size_t pos, std::string& out) {
  const size_t semicolon = text.substr(pos, kMaxEntityLength).find(';');
  const std::string_view name = semicolon == std::string_view::npos ? "" : text.substr(pos + 1, semicolon - 1);
  static constexpr std::pair<std::string_view, char> kNamed[] = {
      {"amp", '&'}, {"lt", '<'}, {"gt", '>'}, {"quot", '"'}, {"apos", '\''}};
  for (const auto& [entity, c] : kNamed) {
    if (name == entity) {
      out += c;
      return semicolon + 1;
    }
  }
  if (name.size() >= 2 && name[0] == '#') {
    const bool hex = name[1] == 'x' || name[1] == 'X';
    const std::string digits(name.substr(hex ? 2 : 1));
    char* end = nullptr;
    const long c = digits.empty() ? -1 : std::strtol(digits.c_str(), &end, hex ? 16 : 10);
    if (c > 0 && c <= 0x10FFFF && end != nullptr && *end == '\0') {
      AppendUtf8(static_cast<UChar32>(c), out);
      return semicolon + 1;
    }
  }
  out += '&';
  return 1;
}

std::string DecodeEntities(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size();) {
    if (text[i] == '&') {
      i += AppendEntity(text, i, out);
    } else {
      out += text[i++];
    }
  }
  return out;
}

bool IsNameChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == ':' || c == '.';
}

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// A tag, from what lies between '<' and '>'.
struct Tag {
  std::string_view name;
  std::string_view attributes;
  bool closing = false;
  bool self_closing = false;
};

Tag ParseTag(std::string_view inside) {
  Tag tag;
  if (!inside.empty() && inside[0] == '/') {
    tag.closing = true;
    inside.remove_prefix(1);
  }
  if (!inside.empty() && inside.back() == '/') {
    tag.self_closing = true;
    inside.remove_suffix(1);
  }
  size_t name_end = 0;
  while (name_end < inside.size() && IsNameChar(inside[name_end])) ++name_end;
  tag.name = inside.substr(0, name_end);
  tag.attributes = inside.substr(name_end);
  return tag;
}

// The decoded value of attribute `name` in the attribute text of a tag; nullopt when absent.
std::optional<std::string> Attribute(std::string_view attributes, std::string_view name) {
  size_t i = 0;
  auto skip_space = [&] {
    while (i < attributes.size() && IsSpace(attributes[i])) ++i;
  };
  while (true) {
    skip_space();
    const size_t name_begin = i;
    while (i < attributes.size() && IsNameChar(attributes[i])) ++i;
    const std::string_view key = attributes.substr(name_begin, i - name_begin);
    skip_space();
    if (key.empty() || i >= attributes.size() || attributes[i] != '=') return std::nullopt;
    ++i;
    skip_space();
    if (i >= attributes.size() || (attributes[i] != '"' && attributes[i] != '\'')) return std::nullopt;
    const size_t close = attributes.find(attributes[i], i + 1);
    if (close == std::string_view::npos) return std::nullopt;
    if (key == name) return DecodeEntities(attributes.substr(i + 1, close - i - 1));
    i = close + 1;
  }
}

// A '<' that starts a tag, a comment or a declaration rather than being text.
bool StartsMarkup(std::string_view text, size_t pos) {
  if (pos + 1 >= text.size()) return false;
  const char next = text[pos + 1];
  return std::isalpha(static_cast<unsigned char>(next)) || next == '/' || next == '!' || next == '?';
}

// The content of the first <element …>…</element> of `content`, as [begin, end) offsets.
std::optional<std::pair<size_t, size_t>> ElementContent(std::string_view content, std::string_view element) {
  const std::string open = fmt::format("<{}", element), close = fmt::format("</{}>", element);
  for (size_t pos = content.find(open); pos != std::string_view::npos; pos = content.find(open, pos + 1)) {
    const size_t after = pos + open.size();
    if (after >= content.size() || (content[after] != '>' && !IsSpace(content[after]))) continue;
    const size_t begin = content.find('>', after);
    if (begin == std::string_view::npos) return std::nullopt;
    const size_t end = content.find(close, begin);
    if (end == std::string_view::npos) return std::nullopt;
    return std::make_pair(begin + 1, end);
  }
  return std::nullopt;
}

size_t LineAt(std::string_view content, size_t pos) {
  return 1 + std::count(content.begin(), content.begin() + static_cast<std::ptrdiff_t>(pos), '\n');
}

// Walks content[begin, end): text (entities decoded) goes to doc.text, the outermost `element`s
// to doc.timexes, other tags and comments are dropped.
class MarkupWalk {
 public:
  MarkupWalk(std::string_view content, TimexFormat format, TimexDocument& doc)
      : content_(content),
        element_(format == TimexFormat::kTimeMl ? "TIMEX3" : "TIMEX2"),
        value_attribute_(format == TimexFormat::kTimeMl ? "value" : "val"),
        doc_(doc) {}

  Status Run(size_t begin, size_t end) {
    for (size_t i = begin; i < end;) {
      if (content_[i] == '&') {
        i += AppendEntity(content_.substr(0, end), i, doc_.text);
      } else if (content_[i] != '<' || !StartsMarkup(content_.substr(0, end), i)) {
        doc_.text += content_[i++];
      } else {
        const std::string_view terminator = content_.substr(i, 4) == "<!--" ? "-->" : ">";
        const size_t close = content_.substr(0, end).find(terminator, i);
        if (close == std::string_view::npos) return Error(i, "a tag without its end");
        const Status status = OnTag(i, ParseTag(content_.substr(i + 1, close - i - 1)));
        if (!status.ok()) return status;
        i = close + terminator.size();
      }
    }
    if (depth_ > 0) return Error(open_at_, "<" + element_ + "> not closed before </TEXT>");
    return Status::Ok();
  }

 private:
  Status OnTag(size_t pos, const Tag& tag) {
    if (tag.name != element_ || tag.self_closing) return Status::Ok();
    if (!tag.closing) {
      if (depth_++ == 0) {
        open_at_ = pos;
        open_ = TimexAnnotation();
        open_.span.begin = static_cast<uint32_t>(doc_.text.size());
        open_.value = Attribute(tag.attributes, value_attribute_).value_or("");
        open_.type = Attribute(tag.attributes, "type").value_or("");
      }
      return Status::Ok();
    }
    if (depth_ == 0) return Error(pos, "</" + element_ + "> without <" + element_ + ">");
    if (--depth_ == 0) {
      open_.span.end = static_cast<uint32_t>(doc_.text.size());
      doc_.timexes.push_back(std::move(open_));
    }
    return Status::Ok();
  }

  Status Error(size_t pos, const std::string& message) const {
    return Status::Error(fmt::format("line {}: {}", LineAt(content_, pos), message));
  }

  std::string_view content_;
  std::string element_;
  std::string value_attribute_;
  TimexDocument& doc_;
  int depth_ = 0;
  size_t open_at_ = 0;  // where the outermost open element began
  TimexAnnotation open_;
};

// The value of the first TIMEX tag in `region`, else its text without tags.
std::string FirstTimexValue(std::string_view region, TimexFormat format) {
  const bool timeml = format == TimexFormat::kTimeMl;
  std::string text;
  for (size_t i = 0; i < region.size();) {
    const size_t open = region.find('<', i);
    text += DecodeEntities(region.substr(i, open == std::string_view::npos ? open : open - i));
    const size_t close = open == std::string_view::npos ? open : region.find('>', open);
    if (close == std::string_view::npos) break;
    const Tag tag = ParseTag(region.substr(open + 1, close - open - 1));
    if (!tag.closing && tag.name == (timeml ? "TIMEX3" : "TIMEX2")) {
      if (auto value = Attribute(tag.attributes, timeml ? "value" : "val")) return *value;
    }
    i = close + 1;
  }
  const size_t first = text.find_first_not_of(" \t\r\n");
  return first == std::string::npos ? "" : text.substr(first);
}

// The document creation time as YYYY-MM-DD, or empty.
std::string CreationTime(std::string_view content, TimexFormat format) {
  const auto region = ElementContent(content, format == TimexFormat::kTimeMl ? "DCT" : "DATETIME");
  if (!region) return "";
  const std::string value = FirstTimexValue(content.substr(region->first, region->second - region->first), format);
  return ParseIsoDate(value).value_or("");
}

// ---- scoring and reporting ----

bool Overlaps(Span a, Span b) { return a.begin < b.end && b.begin < a.end; }

uint32_t Overlap(Span a, Span b) { return std::min(a.end, b.end) - std::max(a.begin, b.begin); }

bool ValueMatches(const TimexAnnotation& gold, const TimexAnnotation& predicted) {
  return !predicted.value.empty() && predicted.value == gold.value;
}

size_t CodePointStart(std::string_view text, size_t pos) {
  while (pos > 0 && pos < text.size() && (static_cast<unsigned char>(text[pos]) & 0xC0) == 0x80) --pos;
  return pos;
}

// "…text before [expression] text after…" on one line.
std::string Context(std::string_view text, Span span) {
  const size_t begin = CodePointStart(text, span.begin > kContextBytes ? span.begin - kContextBytes : 0);
  const size_t end = CodePointStart(text, std::min<size_t>(text.size(), span.end + kContextBytes));
  std::string out = std::string(text.substr(begin, span.begin - begin)) + "[" + std::string(span.In(text)) + "]" +
                    std::string(text.substr(span.end, end - span.end));
  std::replace_if(out.begin(), out.end(), [](char c) { return IsSpace(c); }, ' ');
  return (begin > 0 ? "…" : "") + out + (end < text.size() ? "…" : "");
}

std::string Shown(const std::string& value) { return value.empty() ? "(no value)" : value; }

const char* TypeName(TimeType type) {
  switch (type) {
    case TimeType::kDate: return "DATE";
    case TimeType::kTime: return "TIME";
    case TimeType::kDuration: return "DURATION";
    case TimeType::kSet: return "SET";
  }
  return "";
}

void SortByPosition(std::vector<TimexAnnotation>& timexes) {
  std::stable_sort(timexes.begin(), timexes.end(), [](const TimexAnnotation& a, const TimexAnnotation& b) {
    return std::pair(a.span.begin, a.span.end) < std::pair(b.span.begin, b.span.end);
  });
}

// ---- evaluation ----

std::vector<TimexAnnotation> OntoGold(std::string_view from_text, std::vector<TimexAnnotation> timexes,
                                      const TimexDocument& gold, std::vector<std::string>& problems) {
  std::vector<std::string> unmapped;
  std::vector<TimexAnnotation> mapped = AlignTimexes(from_text, std::move(timexes), gold.text, unmapped);
  for (const std::string& message : unmapped) problems.push_back(gold.name + ": predicted " + message);
  return mapped;
}

}  // namespace

std::vector<TimexAnnotation> SplitRange(std::string_view text, const TimexAnnotation& range) {
  const size_t slash = range.value.find('/');
  if (slash == std::string::npos || range.value[0] == 'P') return {range};
  const std::string_view surface = range.span.In(text);
  for (std::string_view link : {" bis zum ", " bis ", " und ", " to ", " through ", " and ", "–", "-"}) {
    const size_t at = surface.find(link);
    if (at == std::string_view::npos || at == 0 || at + link.size() >= surface.size()) continue;
    TimexAnnotation from{{range.span.begin, static_cast<uint32_t>(range.span.begin + at)}, range.value.substr(0, slash), range.type};
    TimexAnnotation to{{static_cast<uint32_t>(range.span.begin + at + link.size()), range.span.end}, range.value.substr(slash + 1), range.type};
    return {from, to};
  }
  return {range};
}

namespace {

std::vector<TimexAnnotation> RunPipeline(const Pipeline& pipeline, const TimexDocument& gold, const fs::path& path,
                                         const std::string& lang, std::vector<std::string>& problems) {
  RawDocument raw;
  raw.meta.id = gold.name;
  raw.meta.source = path.string();
  raw.meta.published = gold.dct;
  raw.meta.lang = lang;
  // WikiWarsDE: history articles, whose relative dates follow the narrative, not the page date.
  if (gold.format == TimexFormat::kTimex2) raw.meta.time_reference = TimeReference::kNarrative;
  raw.content = gold.text;
  const Document doc = pipeline.Process(std::move(raw));
  std::vector<TimexAnnotation> predicted;
  for (const TimeExpression& time : doc.times) {
    for (TimexAnnotation& part : SplitRange(doc.text, {time.span, time.value, TypeName(time.type)})) predicted.push_back(part);
  }
  return OntoGold(doc.text, std::move(predicted), gold, problems);
}

std::vector<TimexAnnotation> ReadSystemFile(const fs::path& path, const TimexDocument& gold,
                                            std::vector<std::string>& problems) {
  std::string content;
  if (!fs::is_regular_file(path) || !ReadFileContent(path.string(), content)) {
    problems.push_back(fmt::format("{}: no system file; counted as predicting nothing", path.string()));
    return {};
  }
  TimexDocument system;
  system.name = gold.name;
  const Status status = ParseTimexDocument(content, DetectTimexFormat(content).value_or(gold.format), system);
  if (!status.ok()) {
    problems.push_back(fmt::format("{}: {}; counted as predicting nothing", path.string(), status.message()));
    return {};
  }
  return OntoGold(system.text, std::move(system.timexes), gold, problems);
}

// Reads and parses one gold file; false (with a problem) when it is to be skipped.
bool ReadGoldFile(const fs::path& path, TimexDocument& gold, std::vector<std::string>& problems) {
  std::string content;
  if (!ReadFileContent(path.string(), content)) {
    problems.push_back(path.string() + ": cannot read; skipped");
    return false;
  }
  const std::optional<TimexFormat> format = DetectTimexFormat(content);
  if (!format) {
    problems.push_back(path.string() + ": no TIMEX3 or TIMEX2 annotation; skipped");
    return false;
  }
  gold.name = path.filename().string();
  const Status status = ParseTimexDocument(content, *format, gold);
  if (!status.ok()) {
    problems.push_back(fmt::format("{}: {}; skipped", path.string(), status.message()));
    return false;
  }
  if (gold.dct.empty()) {
    problems.push_back(path.string() + ": no document creation time (<DCT>, <DATETIME>); skipped");
    return false;
  }
  return true;
}

bool IsGoldFileName(const fs::path& path) {
  const std::string extension = path.extension().string();
  return extension == ".tml" || extension == ".sgm" || extension == ".xml";
}

Status CollectGoldFiles(const std::vector<std::string>& paths, std::vector<fs::path>& files) {
  for (const std::string& path : paths) {
    std::error_code error;
    if (fs::is_regular_file(path, error)) {
      files.emplace_back(path);
      continue;
    }
    if (!fs::is_directory(path, error)) return Status::Error(path + ": no such file or directory");
    std::vector<fs::path> found;
    for (const fs::directory_entry& entry : fs::directory_iterator(path, error)) {
      if (entry.is_regular_file() && IsGoldFileName(entry.path())) found.push_back(entry.path());
    }
    if (error) return Status::Error(path + ": " + error.message());
    std::sort(found.begin(), found.end());
    files.insert(files.end(), found.begin(), found.end());
  }
  if (files.empty()) return Status::Error("no gold files (.tml, .sgm, .xml) in the given paths");
  return Status::Ok();
}

}  // namespace

std::optional<TimexFormat> DetectTimexFormat(std::string_view content) {
  if (content.find("<TimeML") != std::string_view::npos || content.find("<TIMEX3") != std::string_view::npos) {
    return TimexFormat::kTimeMl;
  }
  if (content.find("<TIMEX2") != std::string_view::npos) return TimexFormat::kTimex2;
  return std::nullopt;
}

Status ParseTimexDocument(std::string_view content, TimexFormat format, TimexDocument& doc) {
  doc.format = format;
  doc.text.clear();
  doc.timexes.clear();
  const auto region = ElementContent(content, "TEXT");
  if (!region) return Status::Error("no <TEXT>…</TEXT>");
  doc.dct = CreationTime(content, format);
  return MarkupWalk(content, format, doc).Run(region->first, region->second);
}

std::vector<TimexAnnotation> AlignTimexes(std::string_view from_text, std::vector<TimexAnnotation> timexes,
                                          std::string_view to_text, std::vector<std::string>& unmapped) {
  if (from_text == to_text) return timexes;
  const TextAlignment alignment(from_text, to_text);
  std::vector<TimexAnnotation> mapped;
  for (TimexAnnotation& timex : timexes) {
    const std::optional<Span> span = alignment.ToOriginal(timex.span);
    if (!span) {
      unmapped.push_back(fmt::format("'{}' ({}) has no counterpart in the gold text; not scored",
                                     timex.span.In(from_text), timex.value));
      continue;
    }
    timex.span = *span;
    mapped.push_back(std::move(timex));
  }
  SortByPosition(mapped);
  return mapped;
}

TimexPairing MatchTimexes(const std::vector<TimexAnnotation>& gold, const std::vector<TimexAnnotation>& predicted) {
  TimexPairing pairing{std::vector<int32_t>(gold.size(), -1), std::vector<int32_t>(predicted.size(), -1)};
  auto pair = [&](size_t g, size_t p) {
    pairing.gold_to_predicted[g] = static_cast<int32_t>(p);
    pairing.predicted_to_gold[p] = static_cast<int32_t>(g);
  };
  for (size_t g = 0; g < gold.size(); ++g) {
    for (size_t p = 0; p < predicted.size(); ++p) {
      if (pairing.predicted_to_gold[p] < 0 && predicted[p].span == gold[g].span) {
        pair(g, p);
        break;
      }
    }
  }
  for (size_t g = 0; g < gold.size(); ++g) {
    if (pairing.gold_to_predicted[g] >= 0) continue;
    int32_t best = -1;
    for (size_t p = 0; p < predicted.size(); ++p) {
      if (pairing.predicted_to_gold[p] >= 0 || !Overlaps(gold[g].span, predicted[p].span)) continue;
      if (best < 0 || Overlap(gold[g].span, predicted[p].span) > Overlap(gold[g].span, predicted[best].span)) {
        best = static_cast<int32_t>(p);
      }
    }
    if (best >= 0) pair(g, static_cast<size_t>(best));
  }
  return pairing;
}

void ScoreTimexes(const std::vector<TimexAnnotation>& gold, const std::vector<TimexAnnotation>& predicted,
                  bool by_type, TimexScores& scores) {
  for (TypeScore* score : {&scores.strict, &scores.relaxed, &scores.value}) {
    score->gold += gold.size();
    score->predicted += predicted.size();
  }
  if (by_type) {
    for (const TimexAnnotation& timex : gold) ++scores.value_by_type[timex.type].gold;
    for (const TimexAnnotation& timex : predicted) {
      if (!timex.type.empty()) ++scores.value_by_type[timex.type].predicted;
    }
  }
  const TimexPairing pairing = MatchTimexes(gold, predicted);
  for (size_t g = 0; g < gold.size(); ++g) {
    if (pairing.gold_to_predicted[g] < 0) continue;
    const TimexAnnotation& match = predicted[pairing.gold_to_predicted[g]];
    ++scores.relaxed.correct;
    if (match.span == gold[g].span) ++scores.strict.correct;
    if (!ValueMatches(gold[g], match)) continue;
    ++scores.value.correct;
    if (by_type && match.type == gold[g].type) ++scores.value_by_type[gold[g].type].correct;
  }
}

std::vector<std::string> DescribeTimexErrors(const TimexDocument& gold, const std::vector<TimexAnnotation>& predicted) {
  const TimexPairing pairing = MatchTimexes(gold.timexes, predicted);
  std::vector<std::pair<uint32_t, std::string>> errors;  // by position in the text
  const std::string_view text = gold.text;
  for (size_t p = 0; p < predicted.size(); ++p) {
    if (pairing.predicted_to_gold[p] >= 0) continue;
    const TimexAnnotation& timex = predicted[p];
    errors.emplace_back(timex.span.begin, fmt::format("FP    {}  '{}' {}  | {}", gold.name, timex.span.In(text),
                                                      Shown(timex.value), Context(text, timex.span)));
  }
  for (size_t g = 0; g < gold.timexes.size(); ++g) {
    const TimexAnnotation& timex = gold.timexes[g];
    const int32_t p = pairing.gold_to_predicted[g];
    if (p < 0) {
      errors.emplace_back(timex.span.begin, fmt::format("MISS  {}  '{}' {}  | {}", gold.name, timex.span.In(text),
                                                        Shown(timex.value), Context(text, timex.span)));
    } else if (!ValueMatches(timex, predicted[p])) {
      errors.emplace_back(timex.span.begin,
                          fmt::format("VALUE {}  '{}' gold {}, got {} for '{}'  | {}", gold.name, timex.span.In(text),
                                      Shown(timex.value), Shown(predicted[p].value), predicted[p].span.In(text),
                                      Context(text, timex.span)));
    }
  }
  std::stable_sort(errors.begin(), errors.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<std::string> lines;
  for (auto& [position, line] : errors) lines.push_back(std::move(line));
  return lines;
}

std::string GuessTimexLanguage(std::string_view path) {
  std::string lower(path);
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
  for (const char* english : {"tempeval", "timebank", "aquaint"}) {
    if (lower.find(english) != std::string::npos) return "en";
  }
  return "de";
}

Status EvaluateTimex(const Pipeline* pipeline, const TimexEvalOptions& options, TimexEvaluation& result) {
  if (pipeline == nullptr && options.system_dir.empty()) return Status::Error("neither a pipeline nor system files");
  std::vector<fs::path> files;
  if (Status status = CollectGoldFiles(options.paths, files); !status.ok()) return status;
  if (options.limit > 0 && files.size() > options.limit) files.resize(options.limit);
  for (const fs::path& path : files) {
    TimexDocument gold;
    if (!ReadGoldFile(path, gold, result.problems)) continue;
    const std::string lang = options.lang.empty() ? GuessTimexLanguage(path.string()) : options.lang;
    const std::vector<TimexAnnotation> predicted =
        options.system_dir.empty() ? RunPipeline(*pipeline, gold, path, lang, result.problems)
                                   : ReadSystemFile(fs::path(options.system_dir) / path.filename(), gold, result.problems);
    ScoreTimexes(gold.timexes, predicted, gold.format == TimexFormat::kTimeMl, result.scores);
    if (options.collect_errors) {
      for (std::string& error : DescribeTimexErrors(gold, predicted)) result.errors.push_back(std::move(error));
    }
    ++result.documents;
  }
  if (result.documents == 0) return Status::Error("none of the gold files could be read");
  return Status::Ok();
}

}  // namespace lagebild
