// TABARI's .options file (manual, chapter 8): the switches that change how the shallow parser
// and coder behave. Only the commands that change coding are kept; output and labelling commands
// (OUTPUT:, LABEL:, FORWARD:, the USAGE switches) are read and ignored.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace lagebild::tabari {

enum class CodeBy { kClause, kSentence, kAll };

struct CommaLimits {
  bool enabled = true;
  int min = 2, max = 10;     // comma … comma inside the sentence
  int end_min = 2, end_max = 10;  // comma … end of sentence
  int begin_min = 128, begin_max = 0;  // start of sentence … comma: by default never removed
};

// COMPLEX: conditions that divert a sentence instead of coding it; 0 = inactive.
struct ComplexLimits {
  int verbs = 0, actors = 0, pronouns = 0, conjunctions = 0, commas = 0, late_verb = 0;
  bool no_actor_prior = false, no_actor_after = false, no_verb = false;
};

struct DefaultActors {
  std::string source, target;  // empty: no default
  bool source_prior = false;   // also when no actor precedes the verb
  bool target_after = false;   // also when no actor follows the verb
};

// FORWARD: pronoun coreference across the sentences of a story (manual 8.4). The format says
// where the story (N) and sentence (S) numbers sit in a record id ("*****NNN*SSS").
struct Forwarding {
  bool enabled = false;
  std::string format;
};

// Story and sentence numbers read from `id` with `format`; false when the id is too short.
bool ReadSequence(const std::string& format, std::string_view id, std::string& story, int& sentence);

struct Options {
  CodeBy code_by = CodeBy::kClause;
  CommaLimits comma;
  ComplexLimits complex;
  DefaultActors defaults;
  Forwarding forwarding;
  int minimum_words = 8;
  bool convert_agents = false;
  bool four_digit_years = false;
  bool time_shift = true;
};

// Applies one options line ("COMPLEX: VERBS[5] CONJ[4]", "SET: CODE ALL", "COMMA: OFF", …).
// Returns false, with `problem` set, for a command that changes coding but cannot be read.
bool ApplyOptionLine(std::string_view line, Options& options, std::string& problem);

// Applies a whole .options file; problems are "file:line: message".
void ParseOptions(std::string_view content, std::string_view file, Options& options, std::vector<std::string>& problems);

}  // namespace lagebild::tabari
