#include "eval/ner_eval.h"

#include <fstream>
#include <set>
#include <sstream>
#include <tuple>
#include <vector>

#include "util/iso_date.h"

namespace lagebild {
namespace {

struct GoldSentence {
  std::vector<std::string> tokens;
  std::vector<std::string> tags;  // outer level
  std::string date;
};

using Mention = std::tuple<uint32_t, uint32_t, std::string>;  // begin, end byte, type

std::string TypeOf(EntityKind kind) {
  switch (kind) {
    case EntityKind::kPerson: return "PER";
    case EntityKind::kCountry: case EntityKind::kCapital: return "LOC";
    case EntityKind::kAgent: return "";
    default: return "ORG";
  }
}

// Gold mentions as byte spans of the sentence joined with single spaces.
std::set<Mention> GoldMentions(const GoldSentence& sentence, const std::vector<uint32_t>& starts) {
  std::set<Mention> mentions;
  for (size_t i = 0; i < sentence.tags.size(); ++i) {
    const std::string& tag = sentence.tags[i];
    if (tag.size() != 5 || tag[0] != 'B') continue;  // B-PER, B-LOC, B-ORG (not deriv/part/OTH)
    const std::string type = tag.substr(2);
    if (type != "PER" && type != "LOC" && type != "ORG") continue;
    size_t last = i;
    while (last + 1 < sentence.tags.size() && sentence.tags[last + 1] == "I-" + type) ++last;
    mentions.emplace(starts[i], starts[last] + static_cast<uint32_t>(sentence.tokens[last].size()), type);
  }
  return mentions;
}

void CollectErrors(const std::string& text, const std::set<Mention>& gold, const std::set<Mention>& predicted,
                   NerEvaluation& result) {
  auto describe = [&](const char* label, const Mention& mention) {
    const auto& [begin, end, type] = mention;
    return std::string(label) + " " + type + " " + text.substr(begin, end - begin) + "    | " + text;
  };
  for (const Mention& mention : predicted) {
    if (!gold.contains(mention)) result.errors.push_back(describe("FP", mention));
  }
  for (const Mention& mention : gold) {
    if (!predicted.contains(mention)) result.errors.push_back(describe("FN", mention));
  }
}

void Score(const std::set<Mention>& gold, const std::set<Mention>& predicted, NerEvaluation& result) {
  for (const Mention& mention : gold) {
    ++result.by_type[std::get<2>(mention)].gold;
    ++result.overall.gold;
  }
  for (const Mention& mention : predicted) {
    TypeScore& score = result.by_type[std::get<2>(mention)];
    ++score.predicted;
    ++result.overall.predicted;
    if (gold.contains(mention)) {
      ++score.correct;
      ++result.overall.correct;
    }
  }
}

void EvaluateSentence(const Pipeline& pipeline, const GoldSentence& sentence, bool collect_errors,
                      NerEvaluation& result) {
  RawDocument raw;
  std::vector<uint32_t> starts;
  for (const std::string& token : sentence.tokens) {
    if (!raw.content.empty()) raw.content += ' ';
    starts.push_back(static_cast<uint32_t>(raw.content.size()));
    raw.content += token;
  }
  raw.meta.id = "germeval";
  raw.meta.lang = "de";
  if (auto date = ParseIsoDate(sentence.date)) raw.meta.published = *date;
  const Document doc = pipeline.Process(raw);
  std::set<Mention> predicted;
  for (const Entity& entity : doc.entities) {
    const std::string type = TypeOf(entity.kind);
    if (!type.empty()) predicted.emplace(entity.span.begin, entity.span.end, type);
  }
  const std::set<Mention> gold = GoldMentions(sentence, starts);
  Score(gold, predicted, result);
  if (collect_errors) CollectErrors(doc.text, gold, predicted, result);
  ++result.sentences;
}

}  // namespace

Status EvaluateNer(const Pipeline& pipeline, const std::string& path, bool collect_errors, NerEvaluation& result) {
  std::ifstream in(path);
  if (!in) return Status::Error(path + ": cannot open");
  GoldSentence sentence;
  std::string line;
  int number = 0;
  auto flush = [&] {
    if (!sentence.tokens.empty()) EvaluateSentence(pipeline, sentence, collect_errors, result);
    sentence = GoldSentence();
  };
  while (std::getline(in, line)) {
    ++number;
    if (line.empty()) {
      flush();
      continue;
    }
    std::vector<std::string> fields;
    std::istringstream row(line);
    for (std::string field; std::getline(row, field, '\t');) fields.push_back(field);
    if (fields[0] == "#") {
      flush();
      if (fields.size() >= 3 && fields[2].size() >= 12) sentence.date = fields[2].substr(1, 10);
      continue;
    }
    if (fields.size() < 3) return Status::Error(path + ":" + std::to_string(number) + ": expected index, token, tag");
    sentence.tokens.push_back(fields[1]);
    sentence.tags.push_back(fields[2]);
  }
  flush();
  return Status::Ok();
}

}  // namespace lagebild
