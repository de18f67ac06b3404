#include "compat/dictionary_stage.h"

#include <chrono>

#include "actors/actor_dictionary.h"
#include "compat/petrarch_dictionary.h"
#include "compat/tabari_coder.h"
#include "compat/tabari_dictionary.h"
#include "compat/tabari_lexicon.h"
#include "compat/tabari_options.h"
#include "events/event_lexicon.h"
#include "util/file_content.h"

namespace lagebild {
namespace {

// The document's date as YYYYMMDD; today when it has none.
int32_t DocumentDate(const Document& doc) {
  if (doc.meta.published) {
    if (const DateNumber date = ToDateNumber(*doc.meta.published); date != 0) return date;
  }
  const std::chrono::year_month_day today{std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now())};
  return static_cast<int32_t>(static_cast<int>(today.year()) * 10000 + static_cast<unsigned>(today.month()) * 100 +
                              static_cast<unsigned>(today.day()));
}

Status ReadOptionsFile(const std::string& path, tabari::Options& options, std::vector<std::string>& problems) {
  std::string content;
  if (!ReadFileContent(path, content)) return Status::Error(path + ": cannot open");
  tabari::ParseOptions(content, path, options, problems);
  return Status::Ok();
}

}  // namespace

struct DictionaryEventStage::Loaded {
  tabari::Dictionary dictionary;
  petrarch::Dictionaries petrarch;
  tabari::Options options;
  std::vector<std::string> problems;
  std::unique_ptr<tabari::Lexicon> lexicon;
  std::unique_ptr<tabari::Coder> coder;

  Status Add(const std::string& specification);
};

Status DictionaryEventStage::Loaded::Add(const std::string& specification) {
  const size_t colon = specification.find(':');
  if (colon == std::string::npos) return Status::Error("--dict " + specification + ": expected KIND:FILE, e.g. tabari:Validate.project");
  const std::string kind = specification.substr(0, colon);
  const std::string path = specification.substr(colon + 1);
  using petrarch::DictionaryKind;
  if (kind == "tabari") {
    Status status = tabari::ReadProject(path, dictionary);
    std::vector<std::string> option_files;
    if (status.ok()) status = tabari::ProjectFiles(path, "optionsfile", option_files);
    for (const std::string& file : option_files) {
      if (status.ok()) status = ReadOptionsFile(file, options, problems);
    }
    return status;
  }
  std::string content;
  if (kind == "tabari-options") return ReadOptionsFile(path, options, problems);
  if (kind == "tabari-actors" || kind == "tabari-agents" || kind == "tabari-verbs") {
    if (!ReadFileContent(path, content)) return Status::Error(path + ": cannot open");
    if (kind == "tabari-actors") tabari::ParseActors(content, path, dictionary);
    else if (kind == "tabari-agents") tabari::ParseAgents(content, path, dictionary);
    else tabari::ParseVerbs(content, path, dictionary);
    return Status::Ok();
  }
  if (kind == "petrarch-verbs") return petrarch::ReadDictionaryFile(path, DictionaryKind::kVerbs, petrarch);
  if (kind == "petrarch-actors") return petrarch::ReadDictionaryFile(path, DictionaryKind::kActors, petrarch);
  if (kind == "petrarch-agents") return petrarch::ReadDictionaryFile(path, DictionaryKind::kAgents, petrarch);
  if (kind == "petrarch-discards") return petrarch::ReadDictionaryFile(path, DictionaryKind::kDiscards, petrarch);
  return Status::Error("--dict " + specification + ": unknown kind " + kind +
                       " (tabari, tabari-actors, tabari-agents, tabari-verbs, tabari-options, petrarch-verbs, petrarch-actors, "
                       "petrarch-agents, petrarch-discards)");
}

DictionaryEventStage::DictionaryEventStage() : loaded_(std::make_unique<Loaded>()) {}
DictionaryEventStage::~DictionaryEventStage() = default;

std::unique_ptr<DictionaryEventStage> DictionaryEventStage::Create(const std::vector<std::string>& specifications, Status& status) {
  std::unique_ptr<DictionaryEventStage> stage(new DictionaryEventStage());
  Loaded& loaded = *stage->loaded_;
  for (const std::string& specification : specifications) {
    status = loaded.Add(specification);
    if (!status.ok()) return nullptr;
  }
  petrarch::ToTabariModel(loaded.petrarch, loaded.dictionary);
  loaded.problems.insert(loaded.problems.end(), loaded.dictionary.problems.begin(), loaded.dictionary.problems.end());
  loaded.problems.insert(loaded.problems.end(), loaded.petrarch.problems.begin(), loaded.petrarch.problems.end());
  loaded.lexicon = std::make_unique<tabari::Lexicon>(loaded.dictionary, loaded.problems);
  loaded.coder = std::make_unique<tabari::Coder>(*loaded.lexicon, loaded.options);
  status = Status::Ok();
  return stage;
}

const std::vector<std::string>& DictionaryEventStage::problems() const { return loaded_->problems; }

std::string DictionaryEventStage::Summary() const {
  const tabari::Dictionary& dictionary = loaded_->dictionary;
  return std::to_string(dictionary.actors.size()) + " actors, " + std::to_string(dictionary.agents.size()) + " agents, " +
         std::to_string(dictionary.verbs.size()) + " verbs with " + std::to_string(dictionary.PatternCount()) + " patterns";
}

namespace {

// The bytes of words [first, last) of the coded sentence, or the whole sentence when they are
// unknown (a default code).
Span WordsSpan(const Document& doc, uint32_t sentence, std::pair<int, int> words, const tabari::CodingResult& result) {
  const Span whole = doc.sentences[sentence].span;
  if (words.first < 0 || words.second <= words.first || static_cast<size_t>(words.second) > result.word_spans.size()) return whole;
  return {whole.begin + result.word_spans[words.first].begin, whole.begin + result.word_spans[words.second - 1].end};
}

// An entity for a coded actor, spanning the words that named it.
int32_t AddEntity(Document& doc, uint32_t sentence, const std::string& code, std::pair<int, int> words,
                  const tabari::CodingResult& result) {
  Entity entity;
  entity.sentence = sentence;
  entity.span = WordsSpan(doc, sentence, words, result);
  entity.kind = EntityKind::kOrganisation;
  entity.source = EntitySource::kDictionary;
  entity.code = code;
  entity.country = code.substr(0, 3);
  doc.entities.push_back(std::move(entity));
  return static_cast<int32_t>(doc.entities.size() - 1);
}

}  // namespace

void DictionaryEventStage::Code(Document& doc, const CameoTable& cameo) const {
  const int32_t date = DocumentDate(doc);
  std::string forwarded;
  for (uint32_t s = 0; s < doc.sentences.size(); ++s) {
    const Span span = doc.sentences[s].span;
    const bool forward = loaded_->options.forwarding.enabled && !forwarded.empty();
    const tabari::CodingResult result = loaded_->coder->Code(span.In(doc.text), date, forward ? &forwarded : nullptr);
    forwarded = result.first_actor;
    for (const tabari::CodedEvent& coded : result.events) {
      Event event;
      event.sentence = s;
      event.source = AddEntity(doc, s, coded.source, coded.source_words, result);
      event.target = AddEntity(doc, s, coded.target, coded.target_words, result);
      event.code = coded.code;
      cameo.Describe(event);
      event.trigger = WordsSpan(doc, s, coded.verb_words, result);
      event.rule = "dict:" + std::to_string(coded.pattern_line);
      doc.events.push_back(std::move(event));
    }
  }
}

}  // namespace lagebild
