#include "compile/actor_source.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>

#include "compile/source_lines.h"
#include "util/iso_date.h"

namespace lagebild {
namespace {

constexpr const char* kActorKinds[] = {"person", "organisation", "armed-group", "party", "media", "country", "capital"};
constexpr const char* kOwnerPrefixes[] = {"IGO", "NGO", "IMG", "MNC"};
constexpr const char* kSectors[] = {"GOV", "MIL", "LEG", "JUD", "COP", "SPY", "OPP", "REB", "BUS", "MED", "CVL",
                                    "EDU", "HLH", "REF", "LAB", "ELI", "PTY", "NGO", "SEP", "UAF", "CRM", "REL",
                                    "IGO", "AGR", "ENV", "MOD", "RAD", "INS", "DEV", "HRI", "IMG", "MNC"};
constexpr const char* kRoles[] = {
    "head-of-state", "head-of-government", "vice-president", "deputy-head-of-government", "foreign-minister",
    "defence-minister", "interior-minister", "finance-minister", "economy-minister", "justice-minister", "minister",
    "deputy-minister", "government-spokesperson", "security-adviser", "security-council-secretary",
    "intelligence-chief", "military-chief", "military-commander", "police-chief", "central-bank-governor",
    "legislature-speaker", "legislator", "party-leader", "opposition-leader", "judge", "prosecutor", "ambassador",
    "un-ambassador", "regional-governor", "mayor", "igo-leader", "igo-official", "armed-group-leader",
    "religious-leader", "business-leader", "journalist", "activist"};

std::string Trim(const std::string& s) { return TrimSpaces(s); }

std::vector<std::string> Split(const std::string& s, char separator) {
  std::vector<std::string> parts;
  std::string part;
  std::istringstream in(s);
  while (std::getline(in, part, separator)) parts.push_back(part);
  return parts;
}

std::vector<std::string> Words(const std::string& s) {
  std::istringstream in(s);
  std::vector<std::string> words;
  std::string word;
  while (in >> word) words.push_back(word);
  return words;
}

bool IsValidId(const std::string& id) {
  if (id.empty() || id.front() == '-' || id.back() == '-' || id.find("--") != std::string::npos) return false;
  return std::all_of(id.begin(), id.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; });
}

// Parses one source file line by line; each error carries the location of its line.
class ActorSourceParser {
 public:
  ActorSourceParser(const std::string& name, std::vector<ActorEntry>& entries) : name_(name), entries_(entries) {}

  Status Parse(const std::string& text) {
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) {
      ++line_;
      if (!line.empty() && line.back() == '\r') line.pop_back();
      const std::string trimmed = Trim(line);
      if (trimmed.empty() || trimmed[0] == '#') continue;
      if (line[0] == '@') {
        const Status header = ParseHeader(trimmed);
        // the lines of an entry whose header is wrong are not read: they would only repeat the error
        in_broken_entry_ = !header.ok();
        problems_.Add(header);
      } else if (!in_broken_entry_) {
        problems_.Add(ParseBodyLine(line, trimmed));
      }
    }
    return problems_.ToStatus(name_);
  }

 private:
  Status Error(const std::string& message) const {
    return Status::Error(name_ + ":" + std::to_string(line_) + ": " + message);
  }

  Status ParseHeader(const std::string& line) {
    const std::vector<std::string> words = Words(line.substr(1));
    if (words.size() != 3) return Error("an entry header is `@ID KIND COUNTRY`, got: " + line);
    if (!IsValidId(words[0])) return Error("invalid id '" + words[0] + "' (lower-case ASCII words joined by -)");
    if (std::find(std::begin(kActorKinds), std::end(kActorKinds), words[1]) == std::end(kActorKinds)) {
      return Error("unknown kind '" + words[1] + "'");
    }
    ActorEntry entry;
    entry.id = words[0];
    entry.kind = words[1];
    entry.country = words[2];
    entry.where = {name_, line_};
    entries_.push_back(std::move(entry));
    return Status::Ok();
  }

  Status ParseBodyLine(const std::string& raw, const std::string& line) {
    if (raw[0] != ' ' && raw[0] != '\t') return Error("expected an entry header `@ID KIND COUNTRY` or an indented line");
    if (entries_.empty() || entries_.back().where.file != name_) return Error("indented line outside an entry");
    ActorEntry& entry = entries_.back();
    if (std::isdigit(static_cast<unsigned char>(line[0]))) return ParseRole(line, entry);
    const size_t colon = line.find(':');
    if (colon == std::string::npos) return Error("expected `key: value` or a role line `FROM TO CODE ROLE`");
    const std::string key = Trim(line.substr(0, colon));
    const std::string value = Trim(line.substr(colon + 1));
    if (key == "en" || key == "de" || key == "name" || key == "alias") return AddNames(key, value, entry);
    if (key == "code") {
      if (entry.fixed_code) return Error("a second `code:` line");
      entry.fixed_code = value;
      return Status::Ok();
    }
    if (key == "gender") {
      if (value != "m" && value != "f") return Error("gender is `m` or `f`");
      entry.gender = value[0];
      return Status::Ok();
    }
    return Error("unknown key '" + key + "'");
  }

  Status AddNames(const std::string& key, const std::string& value, ActorEntry& entry) {
    const NameLanguage language = key == "de" ? NameLanguage::kGerman
                                  : key == "en" ? NameLanguage::kEnglish
                                                : NameLanguage::kAny;
    for (const std::string& part : Split(value, '|')) {
      const std::string name = Trim(part);
      if (name.empty()) return Error("empty name in `" + key + ":`");
      entry.names.push_back({name, language, key == "alias"});
    }
    return Status::Ok();
  }

  Status ParseRole(const std::string& line, ActorEntry& entry) {
    const size_t note = line.find(" ; ");
    const std::vector<std::string> words = Words(line.substr(0, note));
    if (words.size() != 4) return Error("a role line is `FROM TO CODE ROLE [; note]`, got: " + line);
    CodedPeriod period;
    const auto from = ParseSourceDate(words[0]);
    if (!from) return Error("invalid date '" + words[0] + "' (YYYY-MM-DD or YYYY-MM)");
    period.from = *from;
    if (words[1] != "-") {
      const auto to = ParseSourceDate(words[1]);
      if (!to) return Error("invalid date '" + words[1] + "' (YYYY-MM-DD, YYYY-MM or -)");
      if (*to <= *from) return Error("the role ends (" + words[1] + ") before it starts (" + words[0] + ")");
      period.to = *to;
    }
    period.code = words[2];
    period.role = words[3];
    period.where = {name_, line_};
    entry.periods.push_back(std::move(period));
    return Status::Ok();
  }

  std::string name_;
  FileProblems problems_;
  bool in_broken_entry_ = false;
  std::vector<ActorEntry>& entries_;
  int line_ = 0;
};

std::string ReadWholeFile(const std::string& path, bool& ok) {
  std::ifstream in(path, std::ios::binary);
  ok = static_cast<bool>(in);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::string At(const SourceLocation& where) { return where.ToString() + ": "; }

void ValidatePeriods(const ActorEntry& entry, const CodeRegistry& registry, std::vector<std::string>& problems) {
  for (const CodedPeriod& period : entry.periods) {
    if (!registry.IsValidCode(period.code)) problems.push_back(At(period.where) + "unknown code '" + period.code + "'");
    if (!registry.roles.contains(period.role)) problems.push_back(At(period.where) + "unknown role '" + period.role + "'");
  }
  std::vector<const CodedPeriod*> sorted;
  for (const CodedPeriod& period : entry.periods) sorted.push_back(&period);
  std::sort(sorted.begin(), sorted.end(), [](auto* a, auto* b) { return a->from < b->from; });
  for (size_t i = 0; i < sorted.size(); ++i) {
    for (size_t j = i + 1; j < sorted.size() && sorted[j]->from < sorted[i]->to; ++j) {
      if (sorted[i]->code != sorted[j]->code) {
        problems.push_back(At(sorted[j]->where) + "period with code " + sorted[j]->code + " overlaps line " +
                           std::to_string(sorted[i]->where.line) + " with code " + sorted[i]->code);
      }
    }
  }
}

}  // namespace

std::optional<DateNumber> ParseSourceDate(const std::string& text) {
  std::string full = text;
  if (text.size() == 7) full += "-01";
  const auto date = ParseIsoDate(full);
  if (!date || full.size() != 10) return std::nullopt;
  return std::stoi(date->substr(0, 4)) * 10000 + std::stoi(date->substr(5, 2)) * 100 + std::stoi(date->substr(8, 2));
}

Status ParseActorSource(const std::string& name, const std::string& text, std::vector<ActorEntry>& entries) {
  return ActorSourceParser(name, entries).Parse(text);
}

Status ParseActorFile(const std::string& path, std::vector<ActorEntry>& entries) {
  bool ok = false;
  const std::string text = ReadWholeFile(path, ok);
  if (!ok) return Status::Error(path + ": cannot open");
  return ParseActorSource(path, text, entries);
}

Status ParseAgentFile(const std::string& path, std::vector<AgentEntry>& entries) {
  return ForEachSourceLine(path, [&](int number, const std::string& line) {
    std::vector<std::string> fields;
    for (const std::string& field : Split(line, '\t')) {
      if (!Trim(field).empty()) fields.push_back(Trim(field));
    }
    if (fields.size() < 2) {
      return Status::Error(AtLine(path, number) + "an agent line is `LEMMA<TAB>SECTOR<TAB>[options]`");
    }
    AgentEntry entry{fields[0], fields[1], false, false, "", {}, {path, number}};
    for (size_t i = 2; i < fields.size(); ++i) {
      for (const std::string& option : Words(fields[i])) {
        if (option == "person") entry.person = true;
        else if (option == "plural-only") entry.plural_only = true;
        else if (option.starts_with("role=")) entry.role = option.substr(5);
        else if (option.starts_with("plural=")) {
          for (const std::string& plural : Split(option.substr(7), '|')) entry.plurals.push_back(plural);
        } else {
          return Status::Error(AtLine(path, number) + "unknown option '" + option + "'");
        }
      }
    }
    entries.push_back(std::move(entry));
    return Status::Ok();
  });
}

bool CodeRegistry::IsValidCode(const std::string& code) const {
  if (special_codes.contains(code)) return true;
  // The longest special code or country that starts the code, then sectors in threes.
  size_t prefix = 0;
  for (size_t length = code.size(); length >= 3; --length) {
    const std::string head = code.substr(0, length);
    if (special_codes.contains(head) || (length == 3 && IsValidOwner(head))) {
      prefix = length;
      break;
    }
  }
  if (prefix == 0 || (code.size() - prefix) % 3 != 0) return false;
  for (size_t at = prefix; at < code.size(); at += 3) {
    if (!sectors.contains(code.substr(at, 3))) return false;
  }
  return true;
}

bool CodeRegistry::IsValidOwner(const std::string& country) const {
  if (countries.contains(country) || special_codes.contains(country)) return true;
  return std::find(std::begin(kOwnerPrefixes), std::end(kOwnerPrefixes), country) != std::end(kOwnerPrefixes);
}

CodeRegistry DefaultCodeRegistry() {
  CodeRegistry registry;
  registry.sectors.insert(std::begin(kSectors), std::end(kSectors));
  registry.roles.insert(std::begin(kRoles), std::end(kRoles));
  return registry;
}

Status ReadSpecialCodes(const std::string& path, CodeRegistry& registry) {
  return ForEachSourceLine(path, [&](int number, const std::string& line) {
    const std::vector<std::string> fields = Split(line, '\t');
    const std::string& code = fields[0];
    const bool upper = std::all_of(code.begin(), code.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
    if (fields.size() < 2 || !upper || code.size() < 3) {
      return Status::Error(AtLine(path, number) + "expected `CODE<TAB>KIND<TAB>description`");
    }
    registry.special_codes.insert(code);
    return Status::Ok();
  });
}

std::vector<std::string> ValidateActors(const std::vector<ActorEntry>& entries, const CodeRegistry& registry) {
  std::vector<std::string> problems;
  std::unordered_map<std::string, const ActorEntry*> by_id;
  for (const ActorEntry& entry : entries) {
    const std::string at = At(entry.where);
    if (auto [seen, inserted] = by_id.emplace(entry.id, &entry); !inserted) {
      problems.push_back(at + "id '" + entry.id + "' is already used at " + seen->second->where.ToString());
    }
    if (!registry.IsValidOwner(entry.country)) problems.push_back(at + "unknown country '" + entry.country + "'");
    if (entry.names.empty()) problems.push_back(at + "'" + entry.id + "' has no names");
    if (entry.fixed_code && !entry.periods.empty()) problems.push_back(at + "both `code:` and role lines");
    if (entry.fixed_code && !registry.IsValidCode(*entry.fixed_code)) {
      problems.push_back(at + "unknown code '" + *entry.fixed_code + "'");
    }
    if (!entry.fixed_code && entry.periods.empty() && entry.kind != "person") {
      problems.push_back(at + "'" + entry.id + "' needs a `code:` line or role lines");
    }
    ValidatePeriods(entry, registry, problems);
  }
  return problems;
}

std::vector<std::string> ValidateAgents(const std::vector<AgentEntry>& entries, const CodeRegistry& registry) {
  std::vector<std::string> problems;
  std::map<std::string, const AgentEntry*> seen;
  for (const AgentEntry& entry : entries) {
    const std::string at = At(entry.where);
    if (!registry.sectors.contains(entry.sector)) problems.push_back(at + "unknown sector '" + entry.sector + "'");
    if (!entry.role.empty() && !registry.roles.contains(entry.role)) {
      problems.push_back(at + "unknown role '" + entry.role + "'");
    }
    if (auto [previous, inserted] = seen.emplace(entry.lemma, &entry); !inserted) {
      problems.push_back(at + "'" + entry.lemma + "' is already listed on line " + std::to_string(previous->second->where.line));
    }
  }
  return problems;
}

}  // namespace lagebild
