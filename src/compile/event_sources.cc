#include "compile/event_sources.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <sstream>
#include <unordered_map>

#include "compile/package_sources.h"
#include "compile/source_lines.h"
#include "compile/verb_forms.h"
#include "events/event_lexicon.h"
#include "events/pattern.h"
#include "resources/static_string_set.h"
#include "util/lower_case.h"

namespace lagebild {
namespace {

struct CameoCode {
  std::string goldstein, quad_class, plover_type, plover_mode;
};

struct PatternLine {
  std::string where;  // file:line
  std::string code, frame;
};

struct TriggerBlock {
  TriggerKind kind = TriggerKind::kVerb;
  std::string lemma;  // as written: "treffen", "call on", "Treffen"
  std::string file_stem;
  std::string where;
  std::vector<PatternLine> patterns;
};

std::string StripComment(const std::string& line) {
  const size_t hash = line.find(" #");
  return TrimSpaces(hash == std::string::npos ? line : line.substr(0, hash));
}

void ReadCameoCodes(const std::string& path, std::map<std::string, CameoCode>& codes, std::string& section,
                    std::vector<std::string>& problems) {
  const Status status = ForEachSourceLine(path, [&](int number, const std::string& line) {
    std::vector<std::string> fields;
    std::istringstream row(line);
    for (std::string field; std::getline(row, field, '\t');) fields.push_back(field);
    if (fields.size() != 5 || !IsPatternCodeShape(fields[0]) || fields[0].find('*') != std::string::npos ||
        fields[2].size() != 1 || fields[2][0] < '1' || fields[2][0] > '4') {
      problems.push_back(AtLine(path, number) + "expected `code<TAB>goldstein<TAB>quad class 1-4<TAB>PLOVER type<TAB>mode`");
      return Status::Ok();
    }
    codes[fields[0]] = {fields[1], fields[2], fields[3], fields[4]};
    section += line + '\n';
    return Status::Ok();
  });
  if (!status.ok()) AppendProblems(status, problems);
}

void ReadPatternFile(const std::string& path, TriggerKind expected_kind, std::vector<TriggerBlock>& blocks,
                     std::vector<std::string>& problems) {
  const std::string stem = std::filesystem::path(path).stem().string();
  TriggerBlock* block = nullptr;
  const Status status = ForEachSourceLine(path, [&](int number, const std::string& raw) {
    const std::string line = StripComment(raw);
    if (line.empty()) return Status::Ok();
    if (line.rfind("verb ", 0) == 0 || line.rfind("noun ", 0) == 0) {
      const TriggerKind kind = line[0] == 'v' ? TriggerKind::kVerb : TriggerKind::kNoun;
      if (kind != expected_kind) {
        problems.push_back(AtLine(path, number) + (kind == TriggerKind::kVerb ? "a verb block in a noun file" : "a noun block in a verb file"));
      }
      blocks.push_back({kind, TrimSpaces(line.substr(5)), stem, AtLine(path, number), {}});
      block = &blocks.back();
      return Status::Ok();
    }
    if (block == nullptr) {
      problems.push_back(AtLine(path, number) + "a pattern before the first `verb` or `noun` block");
      return Status::Ok();
    }
    const size_t space = line.find_first_of(" \t");
    block->patterns.push_back({AtLine(path, number), line.substr(0, space),
                               space == std::string::npos ? "" : TrimSpaces(line.substr(space))});
    return Status::Ok();
  });
  if (!status.ok()) AppendProblems(status, problems);
}

// Frame words: "category: items" with indented continuation lines.
void ReadFrameWords(const std::string& path, std::map<std::string, std::vector<std::string>>& categories,
                    std::vector<std::string>& problems) {
  std::string current;
  const Status status = ForEachSourceLine(path, [&](int number, const std::string& line) {
    const size_t colon = line.find(':');
    std::string items = line;
    if (colon != std::string::npos && line.find(' ') > colon) {
      current = line.substr(0, colon);
      items = line.substr(colon + 1);
      if (!IsFrameCategory(current)) problems.push_back(AtLine(path, number) + "unknown category `" + current + "`");
      categories[current];
    } else if (current.empty()) {
      problems.push_back(AtLine(path, number) + "expected `category: words`");
      return Status::Ok();
    }
    for (const std::string& word : SplitWords(items)) categories[current].push_back(word);
    return Status::Ok();
  });
  if (!status.ok()) AppendProblems(status, problems);
}

void ReadClasses(const std::string& path, std::map<std::string, std::vector<std::string>>& classes, std::string& section,
                 std::vector<std::string>& problems) {
  std::string current;
  const Status status = ForEachSourceLine(path, [&](int number, const std::string& line) {
    std::vector<std::string> words = SplitWords(line);
    if (!words.empty() && words[0][0] == '$') {
      current = words[0].substr(1);
      if (classes.contains(current)) problems.push_back(AtLine(path, number) + "class $" + current + " defined twice");
      words.erase(words.begin());
      classes[current];
    } else if (current.empty()) {
      problems.push_back(AtLine(path, number) + "expected `$NAME words…`");
      return Status::Ok();
    }
    for (std::string& word : words) classes[current].push_back(LowerCase(word));
    return Status::Ok();
  });
  if (!status.ok()) AppendProblems(status, problems);
  for (const auto& [name, words] : classes) {
    section += name;
    for (const std::string& word : words) section += '\t' + word;
    section += '\n';
  }
}

void CheckPattern(const TriggerBlock& block, const PatternLine& pattern, const std::string& lang,
                  const std::map<std::string, CameoCode>& codes, const std::map<std::string, std::vector<std::string>>& classes,
                  std::vector<std::string>& problems) {
  if (!IsPatternCodeShape(pattern.code)) {
    problems.push_back(pattern.where + "'" + pattern.code + "' is not a CAMEO code (2–4 digits, or 02*/03*/10*/12*/13*)");
    return;
  }
  if (pattern.code.back() == '*') {
    const std::string root = pattern.code.substr(0, 2);
    if (root != "02" && root != "03" && root != "10" && root != "12" && root != "13") {
      problems.push_back(pattern.where + "a request code must be 02*, 03*, 10*, 12* or 13*");
    }
  } else if (!codes.contains(pattern.code)) {
    problems.push_back(pattern.where + "unknown CAMEO code " + pattern.code);
  }
  std::vector<FrameElement> elements;
  if (Status status = ParseFrame(pattern.frame, lang, elements); !status.ok()) {
    problems.push_back(pattern.where + status.message());
    return;
  }
  for (const FrameElement& element : elements) {
    if (element.kind == ElementKind::kClass && !classes.contains(element.class_name)) {
      problems.push_back(pattern.where + "unknown class $" + element.class_name);
    }
  }
  if (block.kind == TriggerKind::kNoun && std::none_of(elements.begin(), elements.end(), [](const FrameElement& e) {
        return e.kind == ElementKind::kTarget || e.kind == ElementKind::kBetween;
      })) {
    problems.push_back(pattern.where + "a noun pattern needs a target (T or zwischen/between S und/and T)");
  }
}

struct FormLine {
  std::string form, lemma, kind, particle;
  bool operator<(const FormLine& other) const {
    return std::tie(form, lemma, kind, particle) < std::tie(other.form, other.lemma, other.kind, other.particle);
  }
};

class FormCollector {
 public:
  FormCollector(const std::string& lang, const GermanVerbForms* german_verbs, const GermanNounForms* german_nouns,
                const EnglishVerbForms* english_verbs)
      : lang_(lang), german_verbs_(german_verbs), german_nouns_(german_nouns), english_verbs_(english_verbs) {}

  // Adds the forms of a verb lemma (for English the head word of a phrasal verb).
  void AddVerb(const std::string& lemma, size_t& by_rule) {
    if (!verbs_done_.insert(lemma).second) return;
    std::vector<VerbForm> forms;
    if (lang_ == "de" && german_verbs_ != nullptr) {
      bool known = false;
      forms = german_verbs_->FormsOf(lemma, known);
      by_rule += !known;
    } else if (english_verbs_ != nullptr) {
      forms = english_verbs_->FormsOf(lemma);
    }
    for (const VerbForm& form : forms) {
      lines_.insert({form.form, lemma, VerbFormKindName(form.kind), form.particle.empty() ? "-" : form.particle});
    }
  }

  void AddNoun(const std::string& lemma) {
    std::vector<std::string> forms;
    if (lang_ == "de" && german_nouns_ != nullptr) {
      forms = german_nouns_->FormsOf(lemma);
    } else {
      forms = {lemma, EnglishPlural(lemma)};
    }
    for (const std::string& form : forms) lines_.insert({LowerCase(form), lemma, "noun", "-"});
  }

  std::string Serialize() const {
    std::string out;
    for (const FormLine& line : lines_) out += line.form + '\t' + line.lemma + '\t' + line.kind + '\t' + line.particle + '\n';
    return out;
  }

 private:
  std::string lang_;
  const GermanVerbForms* german_verbs_;
  const GermanNounForms* german_nouns_;
  const EnglishVerbForms* english_verbs_;
  std::set<std::string> verbs_done_;
  std::set<FormLine> lines_;
};

std::vector<std::string> PatternFiles(const std::string& dir, const std::string& prefix) {
  std::vector<std::string> files = FilesBelow(dir, ".txt");
  std::erase_if(files, [&](const std::string& file) {
    return std::filesystem::path(file).filename().string().rfind(prefix, 0) != 0;
  });
  return files;
}

std::string SerializeBlocks(const std::vector<TriggerBlock>& blocks, const std::string& lang) {
  std::string out;
  for (const TriggerBlock& block : blocks) {
    const std::vector<std::string> words = SplitWords(block.lemma);
    std::string particles;
    for (size_t i = 1; i < words.size(); ++i) particles += (i > 1 ? " " : "") + words[i];
    const std::string head = block.kind == TriggerKind::kVerb ? words[0] : block.lemma;
    for (size_t i = 0; i < block.patterns.size(); ++i) {
      const PatternLine& pattern = block.patterns[i];
      out += std::string(block.kind == TriggerKind::kVerb ? "verb" : "noun") + '\t' + head + '\t' +
             (particles.empty() ? "-" : particles) + '\t' + lang + "/" + block.file_stem + ":" + block.lemma + ":" +
             std::to_string(i + 1) + '\t' + pattern.code + '\t' + pattern.frame + '\n';
    }
  }
  return out;
}

void ReadLanguage(const CompileOptions& options, const std::string& lang, const std::map<std::string, CameoCode>& codes,
                  const GermanVerbForms* german_verbs, const GermanNounForms* german_nouns,
                  const EnglishVerbForms* english_verbs, std::vector<std::pair<std::string, std::string>>& sections,
                  std::vector<std::string>& problems, EventSourceCounts& counts) {
  const std::string dir = options.data_dir + "/" + lang + "/patterns";
  std::map<std::string, std::vector<std::string>> classes;
  std::string classes_section;
  if (std::filesystem::exists(dir + "/classes.txt")) ReadClasses(dir + "/classes.txt", classes, classes_section, problems);

  std::vector<TriggerBlock> blocks;
  for (const std::string& file : PatternFiles(dir, "verbs")) ReadPatternFile(file, TriggerKind::kVerb, blocks, problems);
  for (const std::string& file : PatternFiles(dir, "nouns")) ReadPatternFile(file, TriggerKind::kNoun, blocks, problems);

  FormCollector forms(lang, german_verbs, german_nouns, english_verbs);
  std::map<std::string, std::string> first_block;
  for (const TriggerBlock& block : blocks) {
    const std::string key = (block.kind == TriggerKind::kVerb ? "verb " : "noun ") + block.lemma;
    if (auto [seen, inserted] = first_block.emplace(key, block.where); !inserted) {
      problems.push_back(block.where + "`" + key + "` already has a block at " + seen->second);
    }
    if (block.patterns.empty()) problems.push_back(block.where + "a block without patterns");
    for (const PatternLine& pattern : block.patterns) CheckPattern(block, pattern, lang, codes, classes, problems);
    counts.patterns += block.patterns.size();
    if (block.kind == TriggerKind::kVerb) {
      ++counts.verb_lemmas;
      forms.AddVerb(SplitWords(block.lemma)[0], counts.lemmas_inflected_by_rule);
    } else {
      ++counts.noun_lemmas;
      forms.AddNoun(block.lemma);
    }
  }

  std::map<std::string, std::vector<std::string>> frame_words;
  const std::string frames_path = options.data_dir + "/" + lang + "/frames.txt";
  if (std::filesystem::exists(frames_path)) ReadFrameWords(frames_path, frame_words, problems);
  std::string frames_section;
  size_t frame_verbs_by_rule = 0;  // not reported: frame verbs are common, known verbs
  for (const auto& [category, words] : frame_words) {
    const bool verbs = category.ends_with("-verbs");
    for (const std::string& word : words) {
      if (verbs) forms.AddVerb(word, frame_verbs_by_rule);
      frames_section += category + '\t' + (verbs ? word : LowerCase(word)) + '\n';
    }
  }
  sections.emplace_back("events/" + lang + "/patterns", SerializeBlocks(blocks, lang));
  sections.emplace_back("events/" + lang + "/forms", forms.Serialize());
  sections.emplace_back("events/" + lang + "/frames", std::move(frames_section));
  sections.emplace_back("events/" + lang + "/classes", std::move(classes_section));
}

}  // namespace

void ReadEventSources(const CompileOptions& options, const GermanNounForms* german_nouns,
                      std::vector<std::pair<std::string, std::string>>& sections,
                      std::vector<std::string>& problems, EventSourceCounts counts[2]) {
  std::map<std::string, CameoCode> codes;
  std::string cameo_section;
  ReadCameoCodes(options.data_dir + "/common/cameo_codes.tsv", codes, cameo_section, problems);
  sections.emplace_back("events/cameo", std::move(cameo_section));

  GermanVerbForms german_verbs;
  const Status german_loaded = german_verbs.Load(options.packages_dir);
  if (!german_loaded.ok()) AppendProblems(german_loaded, problems);
  EnglishVerbForms english_verbs;
  const std::string irregular = options.data_dir + "/en/irregular_verbs.txt";
  if (std::filesystem::exists(irregular)) {
    if (Status status = english_verbs.Load(irregular); !status.ok()) AppendProblems(status, problems);
  }
  if (german_loaded.ok()) {
    sections.emplace_back("events/de/finite_verbs", BuildStringSet(german_verbs.AllFiniteForms()));
  }
  ReadLanguage(options, "de", codes, german_loaded.ok() ? &german_verbs : nullptr, german_nouns, nullptr, sections, problems,
               counts[0]);
  ReadLanguage(options, "en", codes, nullptr, nullptr, &english_verbs, sections, problems, counts[1]);
}

}  // namespace lagebild
