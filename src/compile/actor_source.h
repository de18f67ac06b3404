// The actor and agent source formats of data/actors and data/agents (docs/dictionaries.md):
// parsing with errors that name file and line, and validation of codes, roles and dates.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "lagebild/status.h"

namespace lagebild {

// A calendar date as YYYYMMDD, so that dates compare as integers.
using DateNumber = int32_t;
inline constexpr DateNumber kOpenEnd = 99991231;

enum class NameLanguage : uint8_t { kAny, kGerman, kEnglish };

struct SourceLocation {
  std::string file;
  int line = 0;
  std::string ToString() const { return file + ":" + std::to_string(line); }
};

struct ActorName {
  std::string text;
  NameLanguage language = NameLanguage::kAny;
  bool alias = false;  // identifies the actor on its own (else only as a full name)
};

// A code valid over [from, to).
struct CodedPeriod {
  DateNumber from = 0;
  DateNumber to = kOpenEnd;
  std::string code;
  std::string role;
  SourceLocation where;
};

struct ActorEntry {
  std::string id;
  std::string kind;     // person, organisation, armed-group, party, media, country
  std::string country;  // ISO alpha-3, or IGO/NGO/IMG/MNC/a region code
  std::vector<ActorName> names;
  std::vector<CodedPeriod> periods;  // empty when fixed_code is set
  std::optional<std::string> fixed_code;
  char gender = '\0';  // 'm', 'f' or unknown
  SourceLocation where;
};

struct AgentEntry {
  std::string lemma;
  std::string sector;
  bool person = false;
  bool plural_only = false;
  std::string role;
  std::vector<std::string> plurals;  // explicit plural forms (English)
  SourceLocation where;
};

// Appends the entries of one actor source file. Syntax errors name file and line.
Status ParseActorFile(const std::string& path, std::vector<ActorEntry>& entries);
// Parses an actor source held in memory (`name` is used in messages).
Status ParseActorSource(const std::string& name, const std::string& text, std::vector<ActorEntry>& entries);

Status ParseAgentFile(const std::string& path, std::vector<AgentEntry>& entries);

// What codes may be used: ISO alpha-3 countries, special codes (IGOs, regions …), sectors, roles.
struct CodeRegistry {
  std::unordered_set<std::string> countries;
  std::unordered_set<std::string> special_codes;  // from data/common/actor_codes.txt
  std::unordered_set<std::string> sectors;
  std::unordered_set<std::string> roles;

  bool IsValidCode(const std::string& code) const;
  bool IsValidOwner(const std::string& country) const;  // the COUNTRY of an entry header
};

// The fixed parts of the registry (sectors, roles, header kinds) as documented.
CodeRegistry DefaultCodeRegistry();
// Reads data/common/actor_codes.txt: `CODE<TAB>KIND<TAB>description`.
Status ReadSpecialCodes(const std::string& path, CodeRegistry& registry);

// Checks codes, roles, overlapping periods and duplicate ids. Returns every problem found, each
// naming file and line, so a reviewer sees them all at once.
std::vector<std::string> ValidateActors(const std::vector<ActorEntry>& entries, const CodeRegistry& registry);
std::vector<std::string> ValidateAgents(const std::vector<AgentEntry>& entries, const CodeRegistry& registry);

// "2012-11-06" or "2012-11" (the first of the month); nullopt when not a real date.
std::optional<DateNumber> ParseSourceDate(const std::string& text);

}  // namespace lagebild
