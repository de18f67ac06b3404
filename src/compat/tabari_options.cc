#include "compat/tabari_options.h"

#include <cctype>
#include <charconv>

#include "util/trim.h"

namespace lagebild::tabari {
namespace {

std::string Upper(std::string_view text) {
  std::string upper(text);
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return upper;
}

// The number after `name` in "… NAME = 10 …" or "NAME[10]"; -1 when absent or unreadable.
int NumberAfter(std::string_view text, std::string_view name) {
  size_t at = 0;
  while ((at = text.find(name, at)) != std::string_view::npos) {
    const bool starts_word = at == 0 || !std::isalpha(static_cast<unsigned char>(text[at - 1]));
    size_t digits = at + name.size();
    if (!starts_word || (digits < text.size() && std::isalpha(static_cast<unsigned char>(text[digits])))) {
      at = digits;
      continue;
    }
    while (digits < text.size() && (text[digits] == ' ' || text[digits] == '=' || text[digits] == '[')) ++digits;
    int value = -1;
    std::from_chars(text.data() + digits, text.data() + text.size(), value);
    return value;
  }
  return -1;
}

bool Has(std::string_view text, std::string_view word) { return text.find(word) != std::string_view::npos; }

// "TRUE", "T", "FALSE", "F" after the '='.
bool TruthAfterEquals(std::string_view text) {
  const size_t equals = text.find('=');
  const std::string_view value = TrimWhitespace(equals == std::string_view::npos ? text : text.substr(equals + 1));
  return !value.empty() && value.front() == 'T';
}

void ApplyComplex(std::string_view text, ComplexLimits& complex) {
  complex = ComplexLimits();
  complex.verbs = std::max(0, NumberAfter(text, "VERBS"));
  complex.actors = std::max(0, NumberAfter(text, "ACTORS"));
  complex.pronouns = std::max(0, NumberAfter(text, "PRONOUNS"));
  complex.conjunctions = std::max(0, NumberAfter(text, "CONJ"));
  complex.commas = std::max(0, NumberAfter(text, "COMMA"));
  complex.late_verb = std::max(0, NumberAfter(text, "LATEVERB"));
  complex.no_actor_prior = Has(text, "NOACTPRIOR");
  complex.no_actor_after = Has(text, "NOACTAFTER");
  complex.no_verb = Has(text, "NOVERB");
}

void ApplyComma(std::string_view text, CommaLimits& comma) {
  if (Has(text, "OFF")) {
    comma.enabled = false;
    return;
  }
  comma.enabled = true;
  auto set = [&](std::string_view name, int& value) {
    if (const int number = NumberAfter(text, name); number >= 0) value = number;
  };
  set("BMIN", comma.begin_min);
  set("BMAX", comma.begin_max);
  set("EMIN", comma.end_min);
  set("EMAX", comma.end_max);
  set("MIN", comma.min);
  set("MAX", comma.max);
}

// The code inside the first [...] after `keyword`.
std::string BracketAfter(std::string_view text, std::string_view keyword) {
  const size_t at = text.find(keyword);
  if (at == std::string_view::npos) return {};
  const size_t open = text.find('[', at);
  const size_t close = open == std::string_view::npos ? open : text.find(']', open);
  if (close == std::string_view::npos) return {};
  return std::string(TrimWhitespace(text.substr(open + 1, close - open - 1)));
}

void ApplyDefault(std::string_view text, DefaultActors& defaults) {
  defaults = DefaultActors();
  if (Has(text, "OFF")) return;
  defaults.source = BracketAfter(text, "SOURCE");
  defaults.target = BracketAfter(text, "TARGET");
  defaults.source_prior = Has(text, "PRIOR");
  defaults.target_after = Has(text, "AFTER");
}

bool ApplySet(std::string_view text, Options& options, std::string& problem) {
  if (Has(text, "CODE BY CLAUSE")) options.code_by = CodeBy::kClause;
  else if (Has(text, "CODE BY SENTENCE")) options.code_by = CodeBy::kSentence;
  else if (Has(text, "CODE ALL")) options.code_by = CodeBy::kAll;
  else if (Has(text, "MINIMUM WORDS")) {
    const int words = NumberAfter(text, "WORDS");
    if (words < 0) {
      problem = "SET: MINIMUM WORDS needs a number";
      return false;
    }
    options.minimum_words = words;
  } else if (Has(text, "CONVERT AGENT")) options.convert_agents = TruthAfterEquals(text);
  else if (Has(text, "YYYY")) options.four_digit_years = TruthAfterEquals(text);
  else if (Has(text, "TIME SHIFT")) options.time_shift = TruthAfterEquals(text);
  return true;
}

void ApplyForward(std::string_view text, Forwarding& forwarding) {
  const size_t end = text.find(' ');
  std::string format(text.substr(0, end));
  format.erase(0, format.find_first_not_of('^'));  // leading blanks before the id
  forwarding.format = format;
  forwarding.enabled = !format.empty() && !Has(text, " OFF");
}

}  // namespace

bool ReadSequence(const std::string& format, std::string_view id, std::string& story, int& sentence) {
  if (id.size() < format.size()) return false;
  std::string sentence_digits;
  story.clear();
  for (size_t i = 0; i < format.size(); ++i) {
    if (format[i] == 'N') story.push_back(id[i]);
    else if (format[i] == 'S') sentence_digits.push_back(id[i]);
  }
  sentence = 0;
  for (char c : sentence_digits) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return true;  // TABARI reads a bad number as 0
    sentence = sentence * 10 + (c - '0');
  }
  return true;
}

bool ApplyOptionLine(std::string_view line, Options& options, std::string& problem) {
  const std::string text = Upper(TrimWhitespace(line));
  const size_t colon = text.find(':');
  if (colon == std::string::npos) return true;
  const std::string_view command = TrimWhitespace(std::string_view(text).substr(0, colon));
  const std::string_view rest = TrimWhitespace(std::string_view(text).substr(colon + 1));
  if (command == "COMPLEX") ApplyComplex(rest, options.complex);
  else if (command == "COMMA") ApplyComma(rest, options.comma);
  else if (command == "DEFAULT") ApplyDefault(rest, options.defaults);
  else if (command == "FORWARD") ApplyForward(rest, options.forwarding);
  else if (command == "SET") return ApplySet(rest, options, problem);
  return true;
}

void ParseOptions(std::string_view content, std::string_view file, Options& options, std::vector<std::string>& problems) {
  int number = 0;
  size_t start = 0;
  while (start < content.size()) {
    size_t end = content.find('\n', start);
    if (end == std::string_view::npos) end = content.size();
    std::string_view line = content.substr(start, end - start);
    start = end + 1;
    ++number;
    if (const size_t comment = std::min(line.find('#'), line.find("//")); comment != std::string_view::npos) {
      line = line.substr(0, comment);
    }
    std::string problem;
    if (!ApplyOptionLine(line, options, problem)) {
      problems.push_back(std::string(file) + ":" + std::to_string(number) + ": " + problem);
    }
  }
}

}  // namespace lagebild::tabari
