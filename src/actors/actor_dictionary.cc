#include "actors/actor_dictionary.h"

#include <algorithm>
#include <atomic>
#include <charconv>

#include "resources/section_lines.h"
#include "util/iso_date.h"
#include "util/lower_case.h"

namespace lagebild {
namespace {

int32_t ToInt(std::string_view text) {
  int32_t value = 0;
  std::from_chars(text.data(), text.data() + text.size(), value);
  return value;
}

Actor ParseActor(const std::vector<std::string_view>& fields) {
  Actor actor{fields[0], fields[1], fields[2], fields[3].empty() ? '-' : fields[3][0], {}};
  if (fields.size() < 5 || fields[4].empty()) return actor;
  for (std::string_view period : SplitFields(fields[4], ',')) {
    const std::vector<std::string_view> parts = SplitFields(period, ':');
    if (parts.size() != 4) continue;
    actor.periods.push_back({ToInt(parts[0]), ToInt(parts[1]), parts[2], parts[3] == "-" ? std::string_view() : parts[3]});
  }
  return actor;
}

size_t LanguageSlot(std::string_view lang) { return lang == "de" ? 0 : 1; }

// A section laid out as a StaticStringSet; a missing section leaves the set empty, a damaged one
// is an error naming the image.
bool LoadStringSet(const ResourceImage& image, std::string_view name, StaticStringSet& out, Status& status) {
  const auto section = image.Section(name);
  if (!section) return true;
  auto set = StaticStringSet::FromSection(*section, status);
  if (!set) {
    status = Status::Error("resource image " + image.path() + ": " + std::string(name) + ": " + status.message());
    return false;
  }
  out = *set;
  return true;
}

}  // namespace

DateNumber ToDateNumber(std::string_view iso_date) {
  const auto date = ParseIsoDate(iso_date);
  if (!date) return 0;
  return ToInt(date->substr(0, 4)) * 10000 + ToInt(date->substr(5, 2)) * 100 + ToInt(date->substr(8, 2));
}

uint64_t ActorDictionary::NewInstance() {
  static std::atomic<uint64_t> last{0};
  return ++last;
}

std::unique_ptr<ActorDictionary> ActorDictionary::Load(const ResourceImage& image, Status& status) {
  const auto entries = image.Section("actors/entries");
  const auto names = image.Section("actors/names");
  const auto adjectives = image.Section("actors/adjectives");
  if (!entries || !names || !adjectives) {
    status = Status::Error("resource image " + image.path() + " has no actor dictionary; rebuild it");
    return nullptr;
  }
  auto dictionary = std::make_unique<ActorDictionary>();
  ForEachSectionLine(*entries, [&](const std::vector<std::string_view>& fields) {
    if (fields.size() >= 4) dictionary->actors_.push_back(ParseActor(fields));
  });
  dictionary->LoadNames(*names);
  dictionary->IndexRoles();
  for (const char* lang : {"de", "en"}) {
    if (const auto cues = image.Section(std::string("actors/") + lang + "/person_cues")) {
      ForEachSectionLine(*cues, [&](const std::vector<std::string_view>& fields) {
        if (fields.size() == 2) {
          dictionary->cues_[LanguageSlot(lang)].emplace(fields[0], fields[1] == "title" ? CueKind::kTitle : CueKind::kReporting);
        }
      });
    }
  }
  if (const auto particles = image.Section("actors/name_particles")) {
    ForEachSectionLine(*particles, [&](const std::vector<std::string_view>& fields) { dictionary->particles_.insert(fields[0]); });
  }
  for (const char* lang : {"de", "en"}) {
    if (const auto starters = image.Section(std::string("segment/") + lang + "/sentence_starters")) {
      ForEachSectionLine(*starters, [&](const std::vector<std::string_view>& fields) {
        dictionary->function_words_[LanguageSlot(lang)].insert(fields[0]);
      });
    }
  }
  if (const auto words = image.Section("actors/en/organisation_words")) {
    ForEachSectionLine(*words, [&](const std::vector<std::string_view>& fields) {
      dictionary->organisation_words_.insert(fields[0]);
    });
  }
  if (!LoadStringSet(image, "actors/name_prefixes", dictionary->name_prefixes_, status) ||
      !LoadStringSet(image, "lexicon/de/nouns", dictionary->german_nouns_, status)) {
    return nullptr;
  }
  ForEachSectionLine(*adjectives, [&](const std::vector<std::string_view>& fields) {
    if (fields.size() != 3) return;
    dictionary->adjectives_[LanguageSlot(fields[1])].emplace(fields[0], fields[2]);
    if (const size_t space = fields[0].find(' '); space != std::string_view::npos) {
      dictionary->adjective_phrase_starts_.insert(fields[0].substr(0, space));
    }
  });
  for (const char* lang : {"de", "en"}) {
    const auto agents = image.Section(std::string("agents/") + lang);
    if (!agents) continue;
    ForEachSectionLine(*agents, [&](const std::vector<std::string_view>& fields) {
      if (fields.size() != 5) return;
      dictionary->agents_[LanguageSlot(lang)].emplace(
          fields[0], AgentForm{fields[1], fields[2], fields[3] == "person", fields[4] == "-" ? std::string_view() : fields[4]});
      if (std::string_view(lang) == "de" && fields[0].size() >= kAgentEndingBytes) {
        dictionary->german_agent_endings_.insert(fields[0].substr(fields[0].size() - kAgentEndingBytes));
      }
      if (const size_t space = fields[0].find(' '); space != std::string_view::npos) {
        dictionary->agent_phrase_starts_.insert(fields[0].substr(0, space));
      }
    });
  }
  dictionary->IndexLowerCaseForms();
  return dictionary;
}

void ActorDictionary::IndexLowerCaseForms() {
  const auto add = [&](std::string_view form, uint8_t kind = kAgentOrDemonymForm) { lower_case_forms_[LowerCase(form)] |= kind; };
  for (const auto& table : adjectives_) {
    for (const auto& entry : table) add(entry.first);
  }
  for (const auto& table : agents_) {
    for (const auto& entry : table) add(entry.first);
  }
  for (const auto& entry : agent_phrase_starts_) add(entry.first);
  for (const auto& entry : adjective_phrase_starts_) add(entry.first);
  for (const auto& entry : particles_) add(entry.first, kParticleForm);
}

namespace {

void AddMatch(std::vector<NameMatch>& matches, const NameMatch& match) {
  for (NameMatch& existing : matches) {
    if (existing.actor != match.actor) continue;
    existing.acronym &= match.acronym;  // also written as a word: matches any case
    if (existing.language != match.language) existing.language = '*';  // a name in both languages
    return;
  }
  matches.push_back(match);
}

}  // namespace

void ActorDictionary::LoadNames(std::string_view section) {
  ForEachSectionLine(section, [&](const std::vector<std::string_view>& fields) {
    if (fields.size() != 8) return;
    const auto actor = static_cast<uint32_t>(ToInt(fields[6]));
    if (actor >= actors_.size()) return;
    const char language = fields[3] == "de" ? 'd' : fields[3] == "en" ? 'e' : '*';
    const NameMatch match{actor, fields[4] == "alias", fields[5] == "acronym", language, fields[7]};
    AddMatch(names_[fields[0]], match);
    if (!fields[1].empty()) AddMatch(stem_names_[fields[1]], match);
  });
}

void ActorDictionary::IndexRoles() {
  for (uint32_t index = 0; index < actors_.size(); ++index) {
    const Actor& actor = actors_[index];
    if (actor.kind != "person") continue;
    for (const ActorPeriod& period : actor.periods) {
      if (period.role.empty() || period.code.size() < 3) continue;
      std::vector<uint32_t>& holders = role_holders_[std::string(period.code.substr(0, 3)) + " " + std::string(period.role)];
      if (holders.empty() || holders.back() != index) holders.push_back(index);
    }
  }
}

std::vector<uint32_t> ActorDictionary::HoldersOf(std::string_view country, std::string_view role, DateNumber date) const {
  std::vector<uint32_t> holders;
  const auto found = role_holders_.find(std::string(country) + " " + std::string(role));
  if (found == role_holders_.end()) return holders;
  for (uint32_t index : found->second) {
    for (const ActorPeriod& period : actors_[index].periods) {
      if (period.role == role && period.from <= date && date < period.to && period.code.starts_with(country)) {
        holders.push_back(index);
        break;
      }
    }
  }
  return holders;
}

bool ActorDictionary::IsKnownNoun(std::string_view word) const { return german_nouns_.Contains(word); }

bool ActorDictionary::IsGermanNoun(std::string_view word) const {
  constexpr size_t kMinLastPart = 4;
  constexpr size_t kMinHead = 3;  // "Eastern" is no compound of "Ea" and "Stern"
  if (IsKnownNoun(word)) return true;
  if (const size_t hyphen = word.rfind('-'); hyphen != std::string_view::npos) word = word.substr(hyphen + 1);
  if (word.empty() || IsKnownNoun(word)) return !word.empty();
  // A closed compound: its last part, capitalised, is a noun ("…anstalt" → "Anstalt").
  thread_local std::string part;
  for (size_t split = kMinHead; split + kMinLastPart <= word.size(); ++split) {
    if ((static_cast<unsigned char>(word[split]) & 0xC0) == 0x80) continue;
    part.assign(word.substr(split));
    part[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(part[0])));
    if (IsKnownNoun(part)) return true;
  }
  return false;
}

bool ActorDictionary::IsFunctionWord(HashedWord word, std::string_view lang) const {
  return function_words_[LanguageSlot(lang)].contains(word.text, word.hash);
}

CueKind ActorDictionary::PersonCue(HashedWord word, std::string_view lang) const {
  const auto& table = cues_[LanguageSlot(lang)];
  const auto found = table.find(word.text, word.hash);
  return found == table.end() ? CueKind::kNone : found->second;
}

const std::vector<NameMatch>* ActorDictionary::FindName(std::string_view name) const {
  return FindKey(keyer_.Key(name));
}

const std::vector<NameMatch>* ActorDictionary::FindKey(HashedWord key) const {
  const auto found = names_.find(key.text, key.hash);
  return found == names_.end() ? nullptr : &found->second;
}

const std::vector<NameMatch>* ActorDictionary::FindStemKey(HashedWord stem_key) const {
  const auto found = stem_names_.find(stem_key.text, stem_key.hash);
  return found == stem_names_.end() ? nullptr : &found->second;
}

std::string ActorDictionary::CodeOn(const Actor& actor, DateNumber date, std::string_view* role) const {
  if (role != nullptr) *role = {};
  const ActorPeriod* nearest = nullptr;
  for (const ActorPeriod& period : actor.periods) {
    if (period.from <= date && date < period.to) {
      if (role != nullptr) *role = period.role;
      return std::string(period.code);
    }
    if (nearest == nullptr || period.from > nearest->from) nearest = &period;
  }
  if (actor.kind == "person" || nearest == nullptr) return std::string(actor.country) + "ELI";
  return std::string(nearest->code);
}

bool ActorDictionary::MayEndWithGermanAgent(std::string_view word) const {
  return word.size() >= kAgentEndingBytes && german_agent_endings_.contains(word.substr(word.size() - kAgentEndingBytes));
}

std::string_view ActorDictionary::CountryOfAdjective(HashedWord word, std::string_view lang) const {
  const auto& table = adjectives_[LanguageSlot(lang)];
  const auto found = table.find(word.text, word.hash);
  return found == table.end() ? std::string_view() : found->second;
}

const AgentForm* ActorDictionary::FindAgent(HashedWord word, std::string_view lang) const {
  const auto& table = agents_[LanguageSlot(lang)];
  const auto found = table.find(word.text, word.hash);
  return found == table.end() ? nullptr : &found->second;
}

}  // namespace lagebild
