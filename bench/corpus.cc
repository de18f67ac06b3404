#include "corpus.h"

#include <zlib.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>

namespace lagebild::bench {
namespace {

std::string ReadGzip(const std::string& path) {
  std::string out;
  gzFile file = gzopen(path.c_str(), "rb");
  if (file == nullptr) return out;
  char buffer[1 << 16];
  int got;
  while ((got = gzread(file, buffer, sizeof buffer)) > 0) out.append(buffer, static_cast<size_t>(got));
  gzclose(file);
  return out;
}

// The text between <tag> and </tag> inside `block`, or empty.
std::string_view Element(std::string_view block, std::string_view tag) {
  const std::string open = "<" + std::string(tag) + ">";
  const std::string close = "</" + std::string(tag) + ">";
  const size_t begin = block.find(open);
  if (begin == std::string_view::npos) return {};
  const size_t content = begin + open.size();
  const size_t end = block.find(close, content);
  return end == std::string_view::npos ? std::string_view() : block.substr(content, end - content);
}

// Reuters SGML escapes: &lt; &gt; &amp; and numeric control characters such as &#3;.
std::string UnescapeSgml(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '&') {
      out.push_back(text[i]);
      continue;
    }
    const size_t semicolon = text.find(';', i);
    if (semicolon == std::string_view::npos || semicolon - i > 6) {
      out.push_back('&');
      continue;
    }
    const std::string_view entity = text.substr(i + 1, semicolon - i - 1);
    if (entity == "lt") out.push_back('<');
    else if (entity == "gt") out.push_back('>');
    else if (entity == "amp") out.push_back('&');
    else if (!entity.empty() && entity[0] == '#') { /* control characters carry no text */ }
    else out.append(text.substr(i, semicolon - i + 1));
    i = semicolon;
  }
  return out;
}

}  // namespace

std::string CorporaDir() {
  if (const char* dir = std::getenv("LAGEBILD_CORPORA"); dir != nullptr && *dir) return dir;
  return std::string(LAGEBILD_SOURCE_DIR) + "/../shared/data/corpora";
}

std::vector<RawDocument> LoadReuters(const std::string& corpora_dir) {
  std::vector<RawDocument> docs;
  const std::filesystem::path dir = std::filesystem::path(corpora_dir) / "reuters21578";
  if (!std::filesystem::is_directory(dir)) return docs;
  std::vector<std::string> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().string().ends_with(".sgm.gz")) files.push_back(entry.path().string());
  }
  std::sort(files.begin(), files.end());
  for (const std::string& file : files) {
    const std::string sgml = ReadGzip(file);
    size_t pos = 0;
    while ((pos = sgml.find("<REUTERS", pos)) != std::string::npos) {
      const size_t end = sgml.find("</REUTERS>", pos);
      if (end == std::string::npos) break;
      const std::string_view block(sgml.data() + pos, end - pos);
      pos = end;
      const std::string_view body = Element(block, "BODY");
      if (body.empty()) continue;
      RawDocument doc;
      doc.meta.id = "reuters:" + std::to_string(docs.size());

      doc.content = UnescapeSgml(Element(block, "TITLE")) + "\n\n" + UnescapeSgml(Element(block, "DATELINE")) +
                    UnescapeSgml(body);
      docs.push_back(std::move(doc));
    }
  }
  return docs;
}

std::vector<RawDocument> LoadGnad(const std::string& corpora_dir) {
  std::vector<RawDocument> docs;
  std::ifstream in(corpora_dir + "/10kGNAD/test.csv");
  std::string line;
  while (std::getline(in, line)) {
    const size_t separator = line.find(';');
    if (separator == std::string::npos) continue;
    std::string text = line.substr(separator + 1);
    if (text.size() >= 2 && text.front() == '\'' && text.back() == '\'') text = text.substr(1, text.size() - 2);
    RawDocument doc;
    doc.meta.id = "10kgnad:" + std::to_string(docs.size());

    doc.content = std::move(text);
    docs.push_back(std::move(doc));
  }
  return docs;
}

std::vector<RawDocument> LoadAgNews(const std::string& corpora_dir) {
  std::vector<RawDocument> docs;
  std::ifstream in(corpora_dir + "/agnews/test.csv");
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    // label,"title","description" with doubled quotes inside fields; keep it simple: drop the
    // label and the CSV quoting.
    const size_t comma = line.find(',');
    if (comma == std::string::npos) continue;
    std::string text;
    for (size_t i = comma + 1; i < line.size(); ++i) {
      if (line[i] == '"') continue;
      text.push_back(line[i] == ',' && i > 0 && line[i - 1] == '"' ? '\n' : line[i]);
    }
    RawDocument doc;
    doc.meta.id = "agnews:" + std::to_string(docs.size());

    doc.content = std::move(text);
    docs.push_back(std::move(doc));
  }
  return docs;
}

std::vector<RawDocument> LoadCorpus(const std::string& name, const std::string& corpora_dir) {
  if (name == "reuters") return LoadReuters(corpora_dir);
  if (name == "gnad") return LoadGnad(corpora_dir);
  if (name == "agnews") return LoadAgNews(corpora_dir);
  return {};
}

}  // namespace lagebild::bench
