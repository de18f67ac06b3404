#include "eval/boilerplate_eval.h"

#include <simdjson.h>
#include <zlib.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <utility>

#include "clean/cleaner.h"

namespace lagebild {
namespace {

double Ratio(size_t part, size_t whole) { return whole == 0 ? 0.0 : static_cast<double>(part) / whole; }

// Collapses every run of whitespace (including no-break spaces) to one space and drops soft
// hyphens, which lagebild's text never has (text_repair.h).
std::string NormaliseSpaces(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xAD) {
      ++i;
      continue;
    }
    const bool nbsp = c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xA0;
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || nbsp) {
      if (nbsp) ++i;
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
    } else {
      out.push_back(static_cast<char>(c));
    }
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

bool ReadGzipFile(const std::filesystem::path& path, std::string& out) {
  gzFile file = gzopen(path.c_str(), "rb");
  if (file == nullptr) return false;
  char buffer[1 << 16];
  int got = 0;
  while ((got = gzread(file, buffer, sizeof buffer)) > 0) out.append(buffer, static_cast<size_t>(got));
  const bool ok = got == 0;
  gzclose(file);
  return ok;
}

bool ReadPage(const std::filesystem::path& html_dir, std::string_view name, std::string& html) {
  const std::filesystem::path gzipped = html_dir / (std::string(name) + ".gz");
  if (std::filesystem::exists(gzipped)) return ReadGzipFile(gzipped, html);
  std::ifstream in(html_dir / std::string(name), std::ios::binary);
  if (!in) return false;
  std::ostringstream content;
  content << in.rdbuf();
  html = content.str();
  return true;
}

// Scores one page's snippets against its extracted text.
void ScoreSnippets(std::string_view url, const std::string& text, simdjson::dom::element page,
                   const BoilerplateEvalOptions& options, BoilerplateEvaluation& result) {
  for (const char* key : {"with", "without"}) {
    const bool must_keep = key[4] == '\0';
    simdjson::dom::array snippets;
    if (page[key].get_array().get(snippets) != simdjson::SUCCESS) continue;
    for (simdjson::dom::element snippet : snippets) {
      std::string_view raw;
      if (snippet.get_string().get(raw) != simdjson::SUCCESS) continue;
      const bool found = text.find(NormaliseSpaces(raw)) != std::string::npos;
      SnippetScore& score = result.score;
      if (must_keep) {
        ++(found ? score.true_positives : score.false_negatives);
      } else {
        ++(found ? score.false_positives : score.true_negatives);
      }
      if (options.show_errors && found != must_keep) {
        result.errors.push_back(std::string(found ? "FP " : "FN ") + std::string(url) + ": " + std::string(raw));
      }
    }
  }
}

}  // namespace

double SnippetScore::Precision() const { return Ratio(true_positives, true_positives + false_positives); }
double SnippetScore::Recall() const { return Ratio(true_positives, true_positives + false_negatives); }
double SnippetScore::F1() const {
  const double p = Precision(), r = Recall();
  return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
}
double SnippetScore::Accuracy() const {
  return Ratio(true_positives + true_negatives, true_positives + true_negatives + false_positives + false_negatives);
}

Status EvaluateBoilerplate(const BoilerplateEvalOptions& options, BoilerplateEvaluation& result) {
  const std::filesystem::path dir(options.dir);
  const std::filesystem::path gold_path = dir / "evaldata-de.json";
  simdjson::dom::parser parser;
  simdjson::dom::object gold;
  if (parser.load(gold_path.string()).get_object().get(gold) != simdjson::SUCCESS) {
    return Status::Error("cannot read " + gold_path.string() + " as a JSON object");
  }
  const Cleaner cleaner(CleanOptions{.keep_boilerplate = options.keep_boilerplate});
  for (auto [url, page] : gold) {
    std::string_view file;
    RawDocument raw;
    if (page["file"].get_string().get(file) != simdjson::SUCCESS || !ReadPage(dir / "html", file, raw.content)) {
      ++result.unreadable;
      continue;
    }
    ++result.pages;
    raw.type = ContentType::kHtml;
    raw.meta.url = std::string(url);
    const Document doc = cleaner.Clean(std::move(raw));
    ScoreSnippets(url, NormaliseSpaces(doc.text), page, options, result);
  }
  return Status::Ok();
}

}  // namespace lagebild
