#include "compat/tabari_dictionary.h"

#include <cctype>
#include <filesystem>
#include <optional>
#include <sstream>

#include "util/file_content.h"
#include "util/trim.h"

namespace lagebild::tabari {
namespace {

constexpr size_t kMaxPatternBytes = 255;  // TABARI's input line limit
constexpr size_t kMinPhraseBytes = 3;     // "Phrase missing or fewer than three characters"

// Calls handle(line_number, line_without_comment, raw_line) for every line up to ~FINISH; blank
// lines and lines starting with / or # are skipped.
template <typename Handler>
void ForEachLine(std::string_view content, Handler&& handle) {
  int number = 0;
  size_t start = 0;
  while (start <= content.size()) {
    size_t end = content.find('\n', start);
    if (end == std::string_view::npos) end = content.size();
    const std::string_view raw = content.substr(start, end - start);
    ++number;
    start = end + 1;
    std::string_view line = raw;
    if (const size_t semicolon = line.find(';'); semicolon != std::string_view::npos) line = line.substr(0, semicolon);
    line = TrimWhitespace(line);
    if (line == "~FINISH") return;
    if (line.empty() || line.front() == '/' || line.front() == '#') continue;
    handle(number, line, raw);
    if (end == content.size()) return;
  }
}

std::string Where(std::string_view file, int line) { return std::string(file) + ":" + std::to_string(line) + ": "; }


// One [...] block: "CODE", "CODE <YYMMDD", "CODE >YYMMDD", "CODE YYMMDD-YYMMDD".
std::optional<DatedCode> ParseCodeBlock(std::string_view block, std::string& problem) {
  block = TrimWhitespace(block);
  const size_t space = block.find_first_of(" \t");
  DatedCode coded;
  coded.code = std::string(block.substr(0, space));
  // "[991201-010114]", "[<011214]": a date where the code should be.
  const bool has_dash = coded.code.find('-') != std::string::npos && coded.code != "---";
  const bool looks_like_date = !coded.code.empty() && (has_dash || coded.code.front() == '<' || coded.code.front() == '>');
  if (coded.code.empty() || looks_like_date) {
    problem = "no code in [" + std::string(block) + "]";
    return std::nullopt;
  }
  if (space == std::string_view::npos) return coded;
  const std::string_view date = TrimWhitespace(block.substr(space));
  if (date.empty()) return coded;
  if (date.front() == '<' || date.front() == '>') {
    const std::optional<int32_t> day = ParseTabariDate(TrimWhitespace(date.substr(1)));
    if (!day) {
      problem = "cannot read the date in [" + std::string(block) + "]";
      return std::nullopt;
    }
    (date.front() == '<' ? coded.to : coded.from) = *day;
    return coded;
  }
  const size_t dash = date.find('-');
  const std::optional<int32_t> from = dash == std::string_view::npos ? std::nullopt : ParseTabariDate(TrimWhitespace(date.substr(0, dash)));
  const std::optional<int32_t> to = dash == std::string_view::npos ? std::nullopt : ParseTabariDate(TrimWhitespace(date.substr(dash + 1)));
  if (!from || !to) {
    problem = "cannot read the date range in [" + std::string(block) + "]";
    return std::nullopt;
  }
  coded.from = *from;
  coded.to = *to;
  return coded;
}

// Splits "PHRASE [A] [B]" into the phrase and its code blocks; false with a problem when the
// brackets do not pair.
bool SplitEntry(std::string_view line, std::string& phrase, std::vector<std::string_view>& blocks, std::string& problem) {
  const size_t open = line.find('[');
  const size_t close = line.find(']');
  if (close != std::string_view::npos && (open == std::string_view::npos || close < open)) {
    problem = "missing left bracket [";
    return false;
  }
  phrase = std::string(TrimWhitespace(line.substr(0, open)));
  for (char& c : phrase) {
    if (c == '-') c = '_';  // TABARI reads hyphens as underscores
  }
  size_t at = open;
  while (at != std::string_view::npos) {
    const size_t end = line.find(']', at);
    if (end == std::string_view::npos) {
      problem = "missing right bracket ]";
      return false;
    }
    blocks.push_back(line.substr(at + 1, end - at - 1));
    at = line.find('[', end);
  }
  return true;
}

// Tracks <NOUN>…</NOUN> style sections; returns true when the line was a section tag.
struct Sections {
  std::string open;  // "NOUN", "ADJECTIVE", "SYNSETS", "TIME", or empty
  int opened_at = 0;

  bool Handle(std::string_view line, int number, std::string_view file, std::vector<std::string>& problems) {
    if (line.size() < 3 || line.front() != '<' || line.back() != '>') return false;
    const bool closing = line[1] == '/';
    const std::string name(line.substr(closing ? 2 : 1, line.size() - (closing ? 3 : 2)));
    if (closing) {
      if (name != open) problems.push_back(Where(file, number) + "</" + name + "> closes no open <" + name + ">");
      open.clear();
    } else {
      if (!open.empty()) problems.push_back(Where(file, number) + "<" + name + "> inside <" + open + ">");
      open = name;
      opened_at = number;
    }
    return true;
  }

  void Finish(std::string_view file, std::vector<std::string>& problems) const {
    if (!open.empty()) problems.push_back(Where(file, opened_at) + "missing </" + open + ">");
  }
};

}  // namespace

std::optional<int32_t> ParseTabariDate(std::string_view text) {
  if (text.size() != 6 && text.size() != 8) return std::nullopt;
  int32_t value = 0;
  for (char c : text) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return std::nullopt;
    value = value * 10 + (c - '0');
  }
  if (text.size() == 8) return value;
  const int32_t year = value / 10000;
  return (year < 30 ? 20000000 : 19000000) + value;
}

size_t Dictionary::PatternCount() const {
  size_t count = 0;
  for (const Verb& verb : verbs) count += verb.patterns.size();
  return count;
}

void ParseActors(std::string_view content, std::string_view file, Dictionary& dictionary) {
  Sections sections;
  Actor* current = nullptr;
  ForEachLine(content, [&](int number, std::string_view line, std::string_view raw) {
    if (sections.Handle(line, number, file, dictionary.problems)) return;
    if (sections.open == "NOUN" || sections.open == "ADJECTIVE") {
      (sections.open == "NOUN" ? dictionary.nouns : dictionary.adjectives).emplace_back(line);
      return;
    }
    std::string problem;
    if (line.front() == '+') {  // a synonym of the actor above
      if (current == nullptr) {
        dictionary.problems.push_back(Where(file, number) + "a synonym (+) before any actor");
        return;
      }
      current->phrases.emplace_back(TrimWhitespace(line.substr(1)));
      return;
    }
    const bool indented = !raw.empty() && (raw.front() == ' ' || raw.front() == '\t');
    if (line.front() == '[' && indented) {  // a date-restricted code of the actor above
      if (current == nullptr) {
        dictionary.problems.push_back(Where(file, number) + "a code line before any actor");
        return;
      }
      const size_t close = line.find(']');
      if (close == std::string_view::npos) {
        dictionary.problems.push_back(Where(file, number) + "missing right bracket ]");
        return;
      }
      if (auto coded = ParseCodeBlock(line.substr(1, close - 1), problem)) current->codes.push_back(*coded);
      else dictionary.problems.push_back(Where(file, number) + problem);
      return;
    }
    Actor actor;
    actor.line = number;
    std::string phrase;
    std::vector<std::string_view> blocks;
    if (!SplitEntry(line, phrase, blocks, problem)) {
      dictionary.problems.push_back(Where(file, number) + problem);
      current = nullptr;
      return;
    }
    if (phrase.size() < kMinPhraseBytes) {
      dictionary.problems.push_back(Where(file, number) + "phrase missing or shorter than three characters");
      current = nullptr;
      return;
    }
    actor.phrases.push_back(phrase);
    for (std::string_view block : blocks) {
      if (auto coded = ParseCodeBlock(block, problem)) actor.codes.push_back(*coded);
      else dictionary.problems.push_back(Where(file, number) + problem);
    }
    dictionary.actors.push_back(std::move(actor));
    current = &dictionary.actors.back();
  });
  sections.Finish(file, dictionary.problems);
}

void ParseAgents(std::string_view content, std::string_view file, Dictionary& dictionary) {
  std::string last_code;
  bool last_actor_first = true;
  ForEachLine(content, [&](int number, std::string_view line, std::string_view) {
    if (line.front() == '<') return;  // section tags are not used in agents files
    Agent agent;
    agent.line = number;
    if (line.front() == '+') {  // a synonym of the agent above
      agent.phrase = std::string(TrimWhitespace(line.substr(1)));
      agent.code = last_code;
      agent.actor_first = last_actor_first;
      if (!last_code.empty()) dictionary.agents.push_back(std::move(agent));
      return;
    }
    std::string problem;
    std::vector<std::string_view> blocks;
    if (!SplitEntry(line, agent.phrase, blocks, problem) || blocks.size() != 1) {
      dictionary.problems.push_back(Where(file, number) + (problem.empty() ? "expected `PHRASE [~CODE]`" : problem));
      return;
    }
    const std::string_view code = TrimWhitespace(blocks[0]);
    if (code.empty() || (code.front() != '~' && code.back() != '~')) {
      dictionary.problems.push_back(Where(file, number) + "missing ~ connector in an agent code");
      return;
    }
    agent.actor_first = code.front() == '~';
    agent.code = std::string(TrimWhitespace(agent.actor_first ? code.substr(1) : code.substr(0, code.size() - 1)));
    last_code = agent.code;
    last_actor_first = agent.actor_first;
    dictionary.agents.push_back(std::move(agent));
  });
}

void ParseVerbs(std::string_view content, std::string_view file, Dictionary& dictionary) {
  Sections sections;
  Verb* current = nullptr;
  std::vector<std::string>* synset = nullptr;
  ForEachLine(content, [&](int number, std::string_view line, std::string_view) {
    if (sections.Handle(line, number, file, dictionary.problems)) return;
    std::string problem;
    if (sections.open == "SYNSETS") {
      if (line.front() == '&') synset = &dictionary.synsets[std::string(TrimWhitespace(line))];
      else if (line.front() == '+' && synset != nullptr) synset->emplace_back(TrimWhitespace(line.substr(1)));
      else dictionary.problems.push_back(Where(file, number) + "expected `&NAME` or `+member` in <SYNSETS>");
      return;
    }
    std::string phrase;
    std::vector<std::string_view> blocks;
    if (sections.open == "TIME") {
      if (!SplitEntry(line, phrase, blocks, problem) || blocks.size() != 1) {
        dictionary.problems.push_back(Where(file, number) + (problem.empty() ? "expected `PHRASE [shift]`" : problem));
        return;
      }
      dictionary.time_phrases.emplace_back(phrase, std::string(TrimWhitespace(blocks[0])));
      return;
    }
    if (line.front() == '{') {  // irregular forms of the verb above
      if (current == nullptr || line.back() != '}') {
        dictionary.problems.push_back(Where(file, number) + (current == nullptr ? "verb forms before any verb" : "missing }"));
        return;
      }
      std::istringstream forms(std::string(line.substr(1, line.size() - 2)));
      for (std::string form; forms >> form;) current->forms.push_back(form);
      if (current->forms.empty()) dictionary.problems.push_back(Where(file, number) + "no verb forms inside {...}");
      return;
    }
    if (!SplitEntry(line.front() == '-' ? line.substr(1) : line, phrase, blocks, problem)) {
      dictionary.problems.push_back(Where(file, number) + problem);
      return;
    }
    if (line.front() == '-') {  // a pattern of the verb above
      if (current == nullptr) {
        dictionary.problems.push_back(Where(file, number) + "a pattern before any verb");
        return;
      }
      if (phrase.find('*') == std::string::npos) {
        dictionary.problems.push_back(Where(file, number) + "missing verb marker * in a pattern");
        return;
      }
      if (blocks.size() != 1 || TrimWhitespace(blocks[0]).empty()) {
        dictionary.problems.push_back(Where(file, number) + "no code in [...]");
        return;
      }
      if (line.size() > kMaxPatternBytes) {
        dictionary.problems.push_back(Where(file, number) + "pattern longer than 255 characters");
        return;
      }
      current->patterns.push_back({phrase, std::string(TrimWhitespace(blocks[0])), number});
      return;
    }
    if (phrase.size() < kMinPhraseBytes && phrase.find('_') == std::string::npos) {
      dictionary.problems.push_back(Where(file, number) + "phrase missing or shorter than three characters");
      current = nullptr;
      return;
    }
    Verb verb;
    verb.root = phrase;
    verb.code = blocks.empty() ? "---" : std::string(TrimWhitespace(blocks[0]));
    verb.line = number;
    dictionary.verbs.push_back(std::move(verb));
    current = &dictionary.verbs.back();
  });
  sections.Finish(file, dictionary.problems);
}

Status ReadDictionaryFile(const std::string& path, Dictionary& dictionary) {
  std::string content;
  if (!ReadFileContent(path, content)) return Status::Error(path + ": cannot open");
  const std::string name = std::filesystem::path(path).filename().string();
  auto has = [&](std::string_view part) { return name.find(part) != std::string::npos; };
  if (has(".verbs") || has("verbs")) ParseVerbs(content, path, dictionary);
  else if (has(".agents") || has("agents")) ParseAgents(content, path, dictionary);
  else if (has(".actors") || has("actors")) ParseActors(content, path, dictionary);
  else return Status::Error(path + ": not a TABARI .actors, .agents or .verbs file");
  return Status::Ok();
}

Status ProjectFiles(const std::string& project_path, std::string_view tag, std::vector<std::string>& paths) {
  std::string content;
  if (!ReadFileContent(project_path, content)) return Status::Error(project_path + ": cannot open");
  const std::filesystem::path folder = std::filesystem::path(project_path).parent_path();
  std::istringstream lines(content);
  for (std::string line; std::getline(lines, line);) {
    const std::string_view text = TrimWhitespace(line);
    if (text.size() < tag.size() + 2 || text.front() != '<' || text.substr(1, tag.size()) != tag || text[tag.size() + 1] != '>') continue;
    const std::string file(TrimWhitespace(text.substr(tag.size() + 2)));
    if (!file.empty()) paths.push_back((folder / file).string());
  }
  return Status::Ok();
}

Status ReadProject(const std::string& project_path, Dictionary& dictionary) {
  std::string content;
  if (!ReadFileContent(project_path, content)) return Status::Error(project_path + ": cannot open");
  const std::filesystem::path folder = std::filesystem::path(project_path).parent_path();
  std::istringstream lines(content);
  int number = 0;
  for (std::string line; std::getline(lines, line);) {
    ++number;
    const std::string_view text = TrimWhitespace(line);
    if (text.empty() || text.front() != '<') continue;
    const size_t close = text.find('>');
    if (close == std::string_view::npos) continue;
    const std::string_view tag = text.substr(1, close - 1);
    if (tag != "actorsfile" && tag != "agentsfile" && tag != "verbsfile") continue;
    const std::string file(TrimWhitespace(text.substr(close + 1)));
    if (file.empty()) {
      dictionary.problems.push_back(Where(project_path, number) + "<" + std::string(tag) + "> names no file");
      continue;
    }
    const std::string path = (folder / file).string();
    std::string file_content;
    if (!ReadFileContent(path, file_content)) return Status::Error(Where(project_path, number) + path + ": cannot open");
    if (tag == "actorsfile") ParseActors(file_content, path, dictionary);
    else if (tag == "agentsfile") ParseAgents(file_content, path, dictionary);
    else ParseVerbs(file_content, path, dictionary);
  }
  return Status::Ok();
}

}  // namespace lagebild::tabari
