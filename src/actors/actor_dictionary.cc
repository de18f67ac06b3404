#include "actors/actor_dictionary.h"

#include <charconv>

#include "util/iso_date.h"

namespace lagebild {
namespace {

std::vector<std::string_view> SplitView(std::string_view text, char separator) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  while (true) {
    const size_t end = text.find(separator, start);
    parts.push_back(text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return parts;
}

template <typename Handler>
void ForEachLine(std::string_view section, Handler&& handle) {
  size_t start = 0;
  while (start < section.size()) {
    size_t end = section.find('\n', start);
    if (end == std::string_view::npos) end = section.size();
    if (end > start) handle(SplitView(section.substr(start, end - start), '\t'));
    start = end + 1;
  }
}

int32_t ToInt(std::string_view text) {
  int32_t value = 0;
  std::from_chars(text.data(), text.data() + text.size(), value);
  return value;
}

Actor ParseActor(const std::vector<std::string_view>& fields) {
  Actor actor{fields[0], fields[1], fields[2], fields[3].empty() ? '-' : fields[3][0], {}};
  if (fields.size() < 5 || fields[4].empty()) return actor;
  for (std::string_view period : SplitView(fields[4], ',')) {
    const std::vector<std::string_view> parts = SplitView(period, ':');
    if (parts.size() != 4) continue;
    actor.periods.push_back({ToInt(parts[0]), ToInt(parts[1]), parts[2], parts[3] == "-" ? std::string_view() : parts[3]});
  }
  return actor;
}

size_t LanguageSlot(std::string_view lang) { return lang == "de" ? 0 : 1; }

}  // namespace

DateNumber ToDateNumber(std::string_view iso_date) {
  const auto date = ParseIsoDate(iso_date);
  if (!date) return 0;
  return ToInt(date->substr(0, 4)) * 10000 + ToInt(date->substr(5, 2)) * 100 + ToInt(date->substr(8, 2));
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
  ForEachLine(*entries, [&](const std::vector<std::string_view>& fields) {
    if (fields.size() >= 4) dictionary->actors_.push_back(ParseActor(fields));
  });
  ForEachLine(*names, [&](const std::vector<std::string_view>& fields) {
    if (fields.size() != 4) return;
    const auto actor = static_cast<uint32_t>(ToInt(fields[3]));
    if (actor >= dictionary->actors_.size()) return;
    const char language = fields[1] == "de" ? 'd' : fields[1] == "en" ? 'e' : '*';
    std::vector<NameMatch>& matches = dictionary->names_[dictionary->keyer_.Key(fields[0])];
    for (const NameMatch& match : matches) {
      if (match.actor == actor) return;
    }
    matches.push_back({actor, fields[2] == "alias", language});
  });
  ForEachLine(*adjectives, [&](const std::vector<std::string_view>& fields) {
    if (fields.size() == 3) dictionary->adjectives_[LanguageSlot(fields[1])].emplace(std::string(fields[0]), fields[2]);
  });
  for (const char* lang : {"de", "en"}) {
    const auto agents = image.Section(std::string("agents/") + lang);
    if (!agents) continue;
    ForEachLine(*agents, [&](const std::vector<std::string_view>& fields) {
      if (fields.size() != 5) return;
      dictionary->agents_[LanguageSlot(lang)].emplace(
          fields[0], AgentForm{fields[1], fields[2], fields[3] == "person", fields[4] == "-" ? std::string_view() : fields[4]});
    });
  }
  return dictionary;
}

const std::vector<NameMatch>* ActorDictionary::FindName(std::string_view name) const {
  const auto found = names_.find(keyer_.Key(name));
  return found == names_.end() ? nullptr : &found->second;
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

std::string_view ActorDictionary::CountryOfAdjective(std::string_view word, std::string_view lang) const {
  const auto& table = adjectives_[LanguageSlot(lang)];
  const auto found = table.find(std::string(word));
  return found == table.end() ? std::string_view() : found->second;
}

const AgentForm* ActorDictionary::FindAgent(std::string_view word, std::string_view lang) const {
  const auto& table = agents_[LanguageSlot(lang)];
  const auto found = table.find(word);
  return found == table.end() ? nullptr : &found->second;
}

}  // namespace lagebild
