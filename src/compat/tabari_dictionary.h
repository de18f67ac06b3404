// Readers for the dictionary files of TABARI, the classic event coder (TABARI 0.8 manual,
// chapter 5), so that users can bring the field's existing dictionaries and lagebild can be
// checked against TABARI's validation suite.
//
//   .actors   PHRASE [CODE] or PHRASE [CODE date] [CODE date] …; synonyms on `+` lines and
//             date-restricted codes on indented `[...]` lines after a phrase; <NOUN> and
//             <ADJECTIVE> sections
//   .agents   PHRASE [~CODE] or [CODE~]: a role that joins an actor's code
//   .verbs    VERB [CODE], an optional `{FORM FORM}` line of irregular forms, then `- pattern
//             [CODE]` lines with `*` for the verb, `$` source, `+` target, `%` compound; <SYNSETS>
//             (`&NAME` then `+word` lines) and <TIME> sections
//
// Comments start with `;`; lines starting with `/` or `#` are ignored; `~FINISH` ends a file;
// hyphens in phrases become underscores. Every problem is reported with file and line and the
// line is skipped, as TABARI does. These readers only load the files; matching them against text
// is the job of the TABARI-compatible coder.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lagebild/status.h"

namespace lagebild::tabari {

// A code valid over dates: YYMMDD as written, 0 for an open end ("<950601", "950601-990815",
// ">990816", or no restriction).
struct DatedCode {
  std::string code;
  int32_t from = 0;  // inclusive, YYYYMMDD, 0 = always
  int32_t to = 0;    // inclusive, YYYYMMDD, 0 = always
};

struct Actor {
  std::vector<std::string> phrases;  // the first phrase and its `+` synonyms
  std::vector<DatedCode> codes;
  int line = 0;
};

struct Agent {
  std::string phrase;
  std::string code;          // without the ~
  bool actor_first = true;   // [~GOV]: actor code + agent code; [NGO~]: agent code + actor code
  int line = 0;
};

struct VerbPattern {
  std::string text;  // "* OUTPOST IN_ +", with `*` for the verb
  std::string code;  // "0874", "042:043" (source and target events), "---" (null)
  int line = 0;
};

struct Verb {
  std::string root;                  // "ABANDON", "BEEF_UP"
  std::string code;                  // the root's own code, "---" when only patterns code
  std::vector<std::string> forms;    // irregular forms from `{...}`
  std::vector<VerbPattern> patterns;
  int line = 0;
};

struct Dictionary {
  std::vector<Actor> actors;
  std::vector<Agent> agents;
  std::vector<Verb> verbs;
  std::map<std::string, std::vector<std::string>> synsets;  // "&CURRENCY" → members
  std::vector<std::string> nouns, adjectives;
  std::vector<std::pair<std::string, std::string>> time_phrases;  // phrase → shift ("-7", "+++")
  std::vector<std::string> problems;  // "file:line: message"

  size_t PatternCount() const;
};

// A TABARI date as YYYYMMDD: "950601" → 19950601, "010114" → 20010114 (years 00–29 are 2000–2029);
// eight digits (PETRARCH's dictionaries, SET: YYYY) are taken as they are; nullopt otherwise.
std::optional<int32_t> ParseTabariDate(std::string_view text);

// Parsers of one file's content; `file` names it in problems.
void ParseActors(std::string_view content, std::string_view file, Dictionary& dictionary);
void ParseAgents(std::string_view content, std::string_view file, Dictionary& dictionary);
void ParseVerbs(std::string_view content, std::string_view file, Dictionary& dictionary);

// Reads a TABARI .project file and the actors, agents and verbs files it names (paths relative
// to the project's folder). Fails only when a file cannot be read; problems inside files are
// collected in `dictionary.problems`.
Status ReadProject(const std::string& project_path, Dictionary& dictionary);

// The paths a .project file names under `tag` ("optionsfile", "textfile", …), relative to the
// project's folder, in file order.
Status ProjectFiles(const std::string& project_path, std::string_view tag, std::vector<std::string>& paths);

// Reads one dictionary file, choosing the parser by its extension or name (.actors, .agents,
// .verbs; "verbs" or "actors" in the name).
Status ReadDictionaryFile(const std::string& path, Dictionary& dictionary);

}  // namespace lagebild::tabari
