#include "compat/petrarch_dictionary.h"

#include <algorithm>
#include <cctype>
#include <optional>
#include <set>

#include "util/file_content.h"
#include "util/trim.h"

namespace lagebild::petrarch {
namespace {

std::string Upper(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

std::vector<std::string> SplitWords(std::string_view text, std::string_view separators = " \t") {
  std::vector<std::string> words;
  size_t pos = 0;
  while (pos < text.size()) {
    const size_t begin = text.find_first_not_of(separators, pos);
    if (begin == std::string_view::npos) break;
    size_t end = text.find_first_of(separators, begin);
    if (end == std::string_view::npos) end = text.size();
    words.emplace_back(text.substr(begin, end - begin));
    pos = end;
  }
  return words;
}

// One content line: its number, whether it was indented, and its text without comments.
struct SourceLine {
  int number = 0;
  bool indented = false;
  std::string text;
};

// Removes `<!-- -->` spans from one line; `in_comment` carries an open comment across lines.
std::string StripXmlComments(std::string_view text, bool& in_comment) {
  std::string visible;
  size_t scan = 0;
  while (scan < text.size()) {
    if (in_comment) {
      const size_t close = text.find("-->", scan);
      if (close == std::string_view::npos) break;
      in_comment = false;
      scan = close + 3;
    } else {
      const size_t open = text.find("<!--", scan);
      if (open == std::string_view::npos) {
        visible.append(text.substr(scan));
        break;
      }
      visible.append(text.substr(scan, open - scan));
      in_comment = true;
      scan = open + 4;
    }
  }
  return visible;
}

// Where a `#` comment starts; a `#` inside `[...]` (the TABARI discard code [###]) is a code.
size_t CommentStart(std::string_view line) {
  bool in_code = false;
  for (size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '[') in_code = true;
    if (line[i] == ']') in_code = false;
    if (line[i] == '#' && !in_code) return i;
  }
  return line.size();
}

// Splits content into lines without `#` comments (and `;` comments when asked), `<!-- -->`
// comments (which may span lines) and blank lines.
std::vector<SourceLine> ContentLines(std::string_view content, bool semicolon_comments) {
  std::vector<SourceLine> lines;
  bool in_comment = false;
  int number = 0;
  size_t pos = 0;
  while (pos < content.size()) {
    size_t end = content.find('\n', pos);
    if (end == std::string_view::npos) end = content.size();
    const std::string visible = StripXmlComments(content.substr(pos, end - pos), in_comment);
    ++number;
    pos = end + 1;
    std::string_view line = visible;
    line = line.substr(0, CommentStart(line));
    if (semicolon_comments) {
      if (const size_t semi = line.find(';'); semi != std::string_view::npos) line = line.substr(0, semi);
    }
    const bool indented = !line.empty() && (line[0] == ' ' || line[0] == '\t');
    line = TrimWhitespace(line);
    if (!line.empty()) lines.push_back({number, indented, std::string(line)});
  }
  return lines;
}

struct ProblemSink {
  std::string_view file;
  std::vector<std::string>& problems;
  void Add(int line, std::string_view message) const {
    problems.push_back(std::string(file) + ":" + std::to_string(line) + ": " + std::string(message));
  }
};

// The text inside the first `[...]`; nullopt when there is no complete bracket.
std::optional<std::string> BracketContent(std::string_view text, size_t* open_at = nullptr) {
  const size_t open = text.find('[');
  if (open == std::string_view::npos) return std::nullopt;
  const size_t close = text.find(']', open);
  if (close == std::string_view::npos) return std::nullopt;
  if (open_at) *open_at = open;
  return std::string(TrimWhitespace(text.substr(open + 1, close - open - 1)));
}

// ----------------------------------------------------------------------------------------
// Verbs

struct VerbReader {
  Dictionaries& dict;
  ProblemSink sink;
  int block = -1;   // current verb block
  int synset = -1;  // current synset while its `+` lines follow
  std::set<std::string> synset_names;

  void Line(const SourceLine& line) {
    const std::string_view text = line.text;
    if (text.front() == '+' && synset >= 0) return SynsetMember(line);
    synset = -1;
    if (text.front() == '&') return SynsetHeader(line);
    if (text.rfind("---", 0) == 0) return BlockHeader(line);
    if (text.front() == '-') return Pattern(line);
    if (text.front() == '~') {
      ++dict.transformations;
      return;
    }
    Verb(line);
  }

  void SynsetHeader(const SourceLine& line) {
    std::vector<std::string> words = SplitWords(line.text);
    if (words.size() != 1 || words[0].size() < 2) return sink.Add(line.number, "malformed synset name");
    Synset set;
    set.name = Upper(words[0]);
    if (set.name.back() == '_') {
      set.plurals = false;
      set.name.pop_back();
    }
    set.line = line.number;
    synset_names.insert(set.name);
    dict.synsets.push_back(std::move(set));
    synset = static_cast<int>(dict.synsets.size()) - 1;
  }

  void SynsetMember(const SourceLine& line) {
    std::string phrase = Upper(TrimWhitespace(std::string_view(line.text).substr(1)));
    if (phrase.empty()) return sink.Add(line.number, "empty synset member");
    Synset& set = dict.synsets[synset];
    bool plural = set.plurals && phrase.back() != '_' && phrase.front() != '&';
    while (!phrase.empty() && phrase.back() == '_') phrase.pop_back();
    std::replace(phrase.begin(), phrase.end(), '_', ' ');
    const std::vector<std::string> words = SplitWords(phrase);
    if (words.empty()) return sink.Add(line.number, "empty synset member");
    if (words[0][0] == '&' && !synset_names.count(words[0])) {
      return sink.Add(line.number, "undefined synset " + words[0] + " in a synset");
    }
    std::string joined;
    for (const std::string& word : words) joined += (joined.empty() ? "" : " ") + word;
    set.members.push_back(joined);
    if (plural) {
      std::string plural_phrase = joined.substr(0, joined.size() - words.back().size()) + RegularPlural(words.back());
      set.members.push_back(plural_phrase);
    }
  }

  void BlockHeader(const SourceLine& line) {
    std::string_view body = TrimWhitespace(std::string_view(line.text).substr(3));
    if (body.size() >= 3 && body.substr(body.size() - 3) == "---") body = TrimWhitespace(body.substr(0, body.size() - 3));
    VerbBlock verb_block;
    size_t open = 0;
    const std::optional<std::string> code = BracketContent(body, &open);
    verb_block.name = Upper(TrimWhitespace(code ? body.substr(0, open) : body));
    verb_block.code = code && !code->empty() ? Upper(SplitWords(*code)[0]) : "---";
    verb_block.line = line.number;
    if (verb_block.name.empty()) sink.Add(line.number, "verb block without a name");
    dict.verb_blocks.push_back(std::move(verb_block));
    block = static_cast<int>(dict.verb_blocks.size()) - 1;
  }

  void Verb(const SourceLine& line) {
    if (block < 0) return sink.Add(line.number, "verb outside a --- block ---");
    std::string_view text = line.text;
    VerbEntry entry;
    entry.line = line.number;
    entry.code = dict.verb_blocks[block].code;
    size_t code_open = 0;
    if (const std::optional<std::string> code = BracketContent(text, &code_open)) {
      if (!code->empty()) entry.code = Upper(SplitWords(*code)[0]);
      text = text.substr(0, code_open);
    } else if (text.find('[') != std::string_view::npos || text.find(']') != std::string_view::npos) {
      return sink.Add(line.number, "unbalanced [ ] in a verb line");
    }
    if (const size_t brace = text.find('{'); brace != std::string_view::npos) {
      const size_t close = text.find('}', brace);
      if (close == std::string_view::npos) return sink.Add(line.number, "missing } after verb forms");
      for (const std::string& form : SplitWords(text.substr(brace + 1, close - brace - 1))) {
        entry.forms.push_back(Upper(form));
      }
      text = text.substr(0, brace);
    }
    const std::vector<std::string> words = SplitWords(text);
    if (words.empty()) return sink.Add(line.number, "verb line without a verb");
    entry.phrase = Upper(words[0]);  // "LASH OUT": PETRARCH keeps the first word
    if (entry.phrase.find('_') != std::string::npos && entry.phrase.find('+') == std::string::npos) {
      return sink.Add(line.number, "multi-word verb without + on its verb word");
    }
    if (entry.phrase.find_first_not_of("+_") == std::string::npos) {
      return sink.Add(line.number, "verb line without a verb");
    }
    dict.verb_blocks[block].verbs.push_back(std::move(entry));
  }

  // Parses one side of a pattern into tokens; false (with a problem) on an undefined synset.
  // A token is joined to the previous one when only `_` (or grouping marks) separate them.
  bool Tokens(std::string_view text, std::vector<PatternToken>& tokens, int line_number) {
    bool joined = false, spaced = false;
    std::string item;
    const auto flush = [&]() {
      if (item.empty()) return true;
      PatternToken token;
      token.text = item;
      token.joined = joined && !spaced;
      item.clear();
      joined = spaced = false;
      if (token.text == "$")
        token.kind = PatternTokenKind::kSource;
      else if (token.text == "+")
        token.kind = PatternTokenKind::kTarget;
      else if (token.text == "%")
        token.kind = PatternTokenKind::kCompound;
      else if (token.text == "^")
        token.kind = PatternTokenKind::kSkipActor;
      else if (token.text[0] == '&') {
        token.kind = PatternTokenKind::kSynset;
        if (!synset_names.count(token.text)) {
          sink.Add(line_number, "undefined synset " + token.text + "; pattern skipped");
          return false;
        }
      }
      tokens.push_back(std::move(token));
      return true;
    };
    for (char c : text) {
      if (c == '{' || c == '}') continue;
      if (c == ' ' || c == '\t' || c == '_' || c == '(' || c == ')') {
        if (!flush()) return false;
        if (c == '_') joined = true;
        if (c == ' ' || c == '\t') spaced = true;
        continue;
      }
      item += c;
    }
    return flush();
  }

  void Pattern(const SourceLine& line) {
    if (block < 0) return sink.Add(line.number, "pattern outside a --- block ---");
    std::string_view text = TrimWhitespace(std::string_view(line.text).substr(1));
    size_t code_open = 0;
    const std::optional<std::string> code = BracketContent(text, &code_open);
    if (!code || code->empty()) return sink.Add(line.number, "pattern without a [code]");
    text = TrimWhitespace(text.substr(0, code_open));
    if (text.find('|') != std::string_view::npos) {
      return sink.Add(line.number, "TABARI disjunction {A | B} in a pattern; pattern skipped");
    }
    std::string body = Upper(text);
    for (size_t at = body.find("_ "); at != std::string::npos; at = body.find("_ ")) body.erase(at, 1);
    while (!body.empty() && body.back() == '_') body.pop_back();
    const size_t star = body.find('*');
    if (star == std::string::npos || body.find('*', star + 1) != std::string::npos) {
      return sink.Add(line.number, "pattern needs exactly one * for the verb");
    }
    VerbPattern pattern;
    pattern.code = Upper(SplitWords(*code)[0]);
    pattern.line = line.number;
    pattern.upper_touches_verb = star > 0 && body[star - 1] == '_';
    if (!Tokens(std::string_view(body).substr(0, star), pattern.upper, line.number)) return;
    if (!Tokens(std::string_view(body).substr(star + 1), pattern.lower, line.number)) return;
    std::string plain;
    for (char c : body) {
      if (c != '(' && c != ')' && c != '{' && c != '}') plain += c;
    }
    for (const std::string& word : SplitWords(plain)) pattern.text += (pattern.text.empty() ? "" : " ") + word;
    dict.verb_blocks[block].patterns.push_back(std::move(pattern));
  }
};

// ----------------------------------------------------------------------------------------
// Actors and agents

// "950601" → 19950601; "20070101" stays; nullopt otherwise.
std::optional<int32_t> ParseDate(std::string_view text) {
  if (text.size() != 6 && text.size() != 8) return std::nullopt;
  int32_t value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  if (text.size() == 8) return value;
  return (value / 10000 < 30 ? 20000000 : 19000000) + value;
}

// Parses "CODE", "CODE <date", "CODE >date", "CODE date-date".
std::optional<DatedCode> ParseDatedCode(std::string_view text, std::string& error) {
  const std::vector<std::string> parts = SplitWords(text);
  if (parts.empty()) {
    error = "empty actor code";
    return std::nullopt;
  }
  DatedCode code;
  code.code = parts[0];
  if (parts.size() == 1) return code;
  std::string restriction;
  for (size_t i = 1; i < parts.size(); ++i) restriction += parts[i];
  std::optional<int32_t> from, to;
  if (restriction[0] == '<') {
    to = ParseDate(restriction.substr(1));
    from = 0;
  } else if (restriction[0] == '>') {
    from = ParseDate(restriction.substr(1));
    to = 0;
  } else if (const size_t dash = restriction.find('-'); dash != std::string::npos) {
    from = ParseDate(restriction.substr(0, dash));
    to = ParseDate(restriction.substr(dash + 1));
  }
  if (!from || !to) {
    error = "malformed date restriction [" + std::string(text) + "]";
    return std::nullopt;
  }
  code.from = *from;
  code.to = *to;
  return code;
}

// A `+` that starts a word or ends the phrase marks two synonyms run together ("A_+B"); a `+`
// inside a word ("B+H") is part of a name.
bool HasStraySynonymMark(const std::string& phrase) {
  for (size_t i = phrase.find('+'); i != std::string::npos; i = phrase.find('+', i + 1)) {
    if (i == 0 || i + 1 == phrase.size() || phrase[i - 1] == ' ' || phrase[i - 1] == '_' || phrase[i + 1] == ' ' ||
        phrase[i + 1] == '_') {
      return true;
    }
  }
  return false;
}

// Normalises an actor or agent phrase: upper case, trailing `_` dropped, single spaces.
std::string NormalisePhrase(std::string_view text) {
  std::string phrase = Upper(TrimWhitespace(text));
  while (!phrase.empty() && phrase.back() == '_') phrase.pop_back();
  std::string out;
  for (const std::string& word : SplitWords(phrase)) out += (out.empty() ? "" : " ") + word;
  return out;
}

struct ActorReader {
  Dictionaries& dict;
  ProblemSink sink;
  int current = -1;

  // Adds the `[...]` codes of `text`; false (with a problem, nothing added) when one is malformed.
  bool AddCodes(std::string_view text, Actor& actor, int line_number) {
    std::vector<DatedCode> codes;
    size_t pos = 0;
    while ((pos = text.find('[', pos)) != std::string_view::npos) {
      const size_t close = text.find(']', pos);
      if (close == std::string_view::npos) {
        sink.Add(line_number, "missing ] after an actor code");
        return false;
      }
      std::string error;
      auto code = ParseDatedCode(text.substr(pos + 1, close - pos - 1), error);
      if (!code) {
        sink.Add(line_number, error);
        return false;
      }
      codes.push_back(std::move(*code));
      pos = close + 1;
    }
    actor.codes.insert(actor.codes.end(), codes.begin(), codes.end());
    return true;
  }

  void Line(const SourceLine& line) {
    const std::string_view text = line.text;
    if (text.front() == '+') {
      if (current < 0) return sink.Add(line.number, "synonym before any actor");
      std::string_view rest = text.substr(1);
      if (const size_t open = rest.find('['); open != std::string_view::npos) {
        if (!AddCodes(rest.substr(open), dict.actors[current], line.number)) return;
        rest = rest.substr(0, open);
      }
      const std::string phrase = NormalisePhrase(rest);
      if (phrase.empty()) return sink.Add(line.number, "empty synonym");
      if (HasStraySynonymMark(phrase)) return sink.Add(line.number, "'+' inside an actor phrase");
      dict.actors[current].phrases.push_back(phrase);
      return;
    }
    if (text.front() == '[') {
      if (current < 0) return sink.Add(line.number, "dated code before any actor");
      AddCodes(text, dict.actors[current], line.number);
      return;
    }
    if (text.find(']') != std::string_view::npos && text.find('[') == std::string_view::npos) {
      return sink.Add(line.number, "missing [ before an actor code");
    }
    Actor actor;
    actor.line = line.number;
    const size_t open = text.find('[');
    const std::string phrase = NormalisePhrase(text.substr(0, open));
    if (phrase.empty()) return sink.Add(line.number, "actor line without a phrase");
    if (HasStraySynonymMark(phrase)) return sink.Add(line.number, "'+' inside an actor phrase");
    actor.phrases.push_back(phrase);
    if (open != std::string_view::npos && !AddCodes(text.substr(open), actor, line.number)) {
      current = -1;  // its synonyms and dated lines have no actor to join
      return;
    }
    dict.actors.push_back(std::move(actor));
    current = static_cast<int>(dict.actors.size()) - 1;
  }
};

struct AgentReader {
  Dictionaries& dict;
  ProblemSink sink;
  std::map<std::string, std::vector<std::string>> markers;  // "!PERSON!" → items

  void Marker(const SourceLine& line) {
    const size_t equals = line.text.find('=');
    const std::string name = Upper(TrimWhitespace(std::string_view(line.text).substr(0, equals)));
    if (name.size() < 3 || name.back() != '!') return sink.Add(line.number, "malformed substitution marker");
    std::vector<std::string> items;
    for (const std::string& item : SplitWords(std::string_view(line.text).substr(equals + 1), ",")) {
      const std::string word = NormalisePhrase(item);
      if (!word.empty()) items.push_back(word);
    }
    if (items.empty()) return sink.Add(line.number, "substitution marker without items");
    markers[name] = std::move(items);
  }

  // Replaces the first !MARKER! in `phrase` by each of its items, recursively.
  bool Expand(const std::string& phrase, std::vector<std::string>& out, int line_number, int depth = 0) {
    const size_t open = phrase.find('!');
    if (open == std::string::npos) {
      out.push_back(phrase);
      return true;
    }
    const size_t close = phrase.find('!', open + 1);
    const auto marker =
        close == std::string::npos ? markers.end() : markers.find(phrase.substr(open, close - open + 1));
    if (marker == markers.end() || depth > 4) {
      sink.Add(line_number, "undefined substitution marker in an agent");
      return false;
    }
    for (const std::string& item : marker->second) {
      if (!Expand(phrase.substr(0, open) + item + phrase.substr(close + 1), out, line_number, depth + 1)) return false;
    }
    return true;
  }

  void Line(const SourceLine& line) {
    std::string_view text = line.text;
    if (text.front() == '!' && text.find('=') != std::string_view::npos) return Marker(line);
    size_t open = 0;
    const std::optional<std::string> code = BracketContent(text, &open);
    if (!code) return sink.Add(line.number, "agent without a [code]");
    std::string raw = *code;
    raw.erase(
        std::remove_if(raw.begin(), raw.end(), [](char c) { return std::isspace(static_cast<unsigned char>(c)); }),
        raw.end());
    Agent agent;
    agent.line = line.number;
    if (!raw.empty() && raw.front() == '~') {
      agent.code = raw.substr(1);
    } else if (!raw.empty() && raw.back() == '~') {
      agent.code = raw.substr(0, raw.size() - 1);
      agent.actor_first = false;
    } else {
      return sink.Add(line.number, "missing ~ in an agent code");
    }
    if (agent.code.empty()) return sink.Add(line.number, "empty agent code");
    text = text.substr(0, open);
    std::optional<std::vector<std::string>> plurals;
    if (const size_t brace = text.find('{'); brace != std::string_view::npos) {
      const size_t close = text.find('}', brace);
      if (close == std::string_view::npos) return sink.Add(line.number, "missing } after agent plurals");
      plurals = std::vector<std::string>{};
      for (const std::string& item : SplitWords(text.substr(brace + 1, close - brace - 1))) {
        plurals->push_back(NormalisePhrase(item));
      }
      text = text.substr(0, brace);
    }
    const std::string phrase = NormalisePhrase(text);
    if (phrase.empty()) return sink.Add(line.number, "agent without a phrase");
    std::vector<std::string> expanded;
    if (!Expand(phrase, expanded, line.number)) return;
    const bool has_marker = phrase.find('!') != std::string::npos;
    for (const std::string& form : expanded) {
      agent.phrases.push_back(form);
      if (!plurals && !has_marker) {
        const size_t last = form.find_last_of(" _");
        const std::string head = last == std::string::npos ? form : form.substr(last + 1);
        agent.phrases.push_back(form.substr(0, form.size() - head.size()) + RegularPlural(head));
      }
    }
    if (plurals) {
      for (const std::string& plural : *plurals) {
        if (!plural.empty()) agent.phrases.push_back(plural);
      }
    }
    dict.agents.push_back(std::move(agent));
  }
};

void ParseDiscardLine(const SourceLine& line, Dictionaries& dict) {
  std::string_view text = line.text;
  Discard discard;
  if (text.front() == '+') {
    discard.story = true;
    text = TrimWhitespace(text.substr(1));
  }
  std::string phrase = Upper(text);
  if (!phrase.empty() && phrase.back() == '_') {
    discard.exact_end = true;
    while (!phrase.empty() && phrase.back() == '_') phrase.pop_back();
  }
  std::replace(phrase.begin(), phrase.end(), '_', ' ');
  for (const std::string& word : SplitWords(phrase)) discard.phrase += (discard.phrase.empty() ? "" : " ") + word;
  if (!discard.phrase.empty()) dict.discards.push_back(std::move(discard));
}

}  // namespace

size_t Dictionaries::VerbCount() const {
  size_t count = 0;
  for (const VerbBlock& block : verb_blocks) count += block.verbs.size();
  return count;
}

size_t Dictionaries::PatternCount() const {
  size_t count = 0;
  for (const VerbBlock& block : verb_blocks) count += block.patterns.size();
  return count;
}

std::string RegularPlural(std::string_view noun) {
  std::string word(noun);
  if (word.empty()) return word;
  const bool vowel_y =
      word.size() >= 2 && std::string_view("AEIOU").find(word[word.size() - 2]) != std::string_view::npos;
  if (word.back() == 'Y' && !vowel_y) return word.substr(0, word.size() - 1) + "IES";
  if (word.size() >= 2 && word.substr(word.size() - 2) == "SS") return word + "ES";
  return word + "S";
}

std::vector<std::string> RegularVerbForms(std::string_view root) {
  const std::string verb(root);
  if (verb.empty()) return {};
  std::vector<std::string> forms;
  const char last = verb.back();
  forms.push_back(last == 'S' || last == 'X' || last == 'Z' ? verb + "ES" : verb + "S");
  if (last == 'E') {
    forms.push_back(verb + "D");
    forms.push_back(verb.substr(0, verb.size() - 1) + "ING");
  } else {
    forms.push_back(verb + "ED");
    forms.push_back(verb + "ING");
  }
  return forms;
}

void ParseVerbs(std::string_view content, std::string_view file, Dictionaries& dictionaries) {
  VerbReader reader{dictionaries, {file, dictionaries.problems}};
  for (const SourceLine& line : ContentLines(content, false)) reader.Line(line);
}

void ParseActors(std::string_view content, std::string_view file, Dictionaries& dictionaries) {
  ActorReader reader{dictionaries, {file, dictionaries.problems}};
  for (const SourceLine& line : ContentLines(content, true)) reader.Line(line);
}

void ParseAgents(std::string_view content, std::string_view file, Dictionaries& dictionaries) {
  AgentReader reader{dictionaries, {file, dictionaries.problems}, {}};
  for (const SourceLine& line : ContentLines(content, false)) reader.Line(line);
}

void ParseDiscards(std::string_view content, std::string_view /*file*/, Dictionaries& dictionaries) {
  for (const SourceLine& line : ContentLines(content, false)) ParseDiscardLine(line, dictionaries);
}

Status ReadDictionaryFile(const std::string& path, DictionaryKind kind, Dictionaries& dictionaries) {
  std::string content;
  if (!ReadFileContent(path, content)) return Status::Error("cannot read " + path);
  switch (kind) {
    case DictionaryKind::kVerbs:
      ParseVerbs(content, path, dictionaries);
      break;
    case DictionaryKind::kActors:
      ParseActors(content, path, dictionaries);
      break;
    case DictionaryKind::kAgents:
      ParseAgents(content, path, dictionaries);
      break;
    case DictionaryKind::kDiscards:
      ParseDiscards(content, path, dictionaries);
      break;
  }
  return Status::Ok();
}

// ----------------------------------------------------------------------------------------
// Conversion into the TABARI model

namespace {

std::string ToTabariPhrase(std::string_view phrase) {
  std::string out(phrase);
  std::replace(out.begin(), out.end(), ' ', '_');
  return out;
}

// Members of a synset with embedded synsets expanded (depth-limited against cycles).
void ExpandSynset(const std::map<std::string, const Synset*>& by_name, const Synset& set, std::vector<std::string>& out,
                  int depth) {
  for (const std::string& member : set.members) {
    if (member[0] != '&') {
      out.push_back(ToTabariPhrase(member));
      continue;
    }
    const auto embedded = by_name.find(member);
    if (embedded != by_name.end() && depth < 8) ExpandSynset(by_name, *embedded->second, out, depth + 1);
  }
}

// The verb root of a PETRARCH verb phrase: "+CORDON_OFF" → "CORDON_OFF", "WIRE_+TAP" → "WIRE_TAP".
std::string VerbRoot(std::string_view phrase) {
  std::string root(phrase);
  root.erase(std::remove(root.begin(), root.end(), '+'), root.end());
  return root;
}

}  // namespace

void ToTabariModel(const Dictionaries& dictionaries, tabari::Dictionary& model) {
  for (const Actor& actor : dictionaries.actors) {
    tabari::Actor converted;
    for (const std::string& phrase : actor.phrases) converted.phrases.push_back(ToTabariPhrase(phrase));
    converted.codes = actor.codes;
    converted.line = actor.line;
    model.actors.push_back(std::move(converted));
  }
  for (const Agent& agent : dictionaries.agents) {
    for (const std::string& phrase : agent.phrases) {
      model.agents.push_back({ToTabariPhrase(phrase), agent.code, agent.actor_first, agent.line});
    }
  }
  std::map<std::string, const Synset*> by_name;
  for (const Synset& set : dictionaries.synsets) by_name[set.name] = &set;
  for (const Synset& set : dictionaries.synsets) ExpandSynset(by_name, set, model.synsets[set.name], 0);
  for (const VerbBlock& block : dictionaries.verb_blocks) {
    std::vector<tabari::VerbPattern> patterns;
    for (const VerbPattern& pattern : block.patterns) patterns.push_back({pattern.text, pattern.code, pattern.line});
    for (const VerbEntry& entry : block.verbs) {
      tabari::Verb verb;
      verb.root = VerbRoot(entry.phrase);
      verb.code = entry.code;
      for (const std::string& form : entry.forms) verb.forms.push_back(VerbRoot(form));
      verb.patterns = patterns;
      verb.line = entry.line;
      model.verbs.push_back(std::move(verb));
    }
  }
  model.problems.insert(model.problems.end(), dictionaries.problems.begin(), dictionaries.problems.end());
}

}  // namespace lagebild::petrarch
