#include "events/event_lexicon.h"

#include <algorithm>
#include <cstdlib>

#include "resources/section_lines.h"

namespace lagebild {
namespace {

const std::vector<Pattern> kNoPatterns;
const std::vector<std::vector<std::string>> kNoPhrases;

std::optional<FormKind> ParseFormKind(std::string_view name) {
  if (name == "fin") return FormKind::kFinite;
  if (name == "part") return FormKind::kParticiple;
  if (name == "inf") return FormKind::kInfinitive;
  if (name == "zuinf") return FormKind::kZuInfinitive;
  if (name == "ing") return FormKind::kGerund;
  if (name == "past") return FormKind::kPast;
  if (name == "noun") return FormKind::kNoun;
  return std::nullopt;
}

uint32_t WordFlagOf(std::string_view category) {
  static const std::unordered_map<std::string_view, uint32_t> kFlags = {
      {"planned-words", kPlannedWord},       {"possible-words", kPossibleWord}, {"negation-words", kNegationWord},
      {"conditional-words", kConditionalWord}, {"subordinators", kSubordinator}, {"relative-words", kRelativeWord},
      {"coordinators", kCoordinator},        {"infinitive-words", kInfinitiveWord}, {"werden-words", kWerdenWord},
      {"perfect-words", kPerfectWord},       {"prepositions", kPreposition},   {"oblique-words", kObliqueWord},
      {"nominative-words", kNominativeWord}, {"according-words", kAccordingWord}, {"quote-tag-words", kQuoteTagWord},
      {"subject-pronouns", kSubjectPronoun}, {"finite-words", kFiniteWord}, {"never-finite-words", kNeverFiniteWord},
      {"quantity-words", kQuantityWord},     {"compound-heads", kCompoundHead}, {"possibility-nouns", kPossibilityNoun}};
  const auto found = kFlags.find(category);
  return found == kFlags.end() ? 0 : found->second;
}

uint32_t LemmaFlagOf(std::string_view category) {
  static const std::unordered_map<std::string_view, uint32_t> kFlags = {
      {"planned-verbs", kPlannedVerb}, {"possible-verbs", kPossibleVerb}, {"negating-verbs", kNegatingVerb},
      {"desire-verbs", kDesireVerb},   {"object-control-verbs", kObjectControlVerb}, {"report-verbs", kReportVerb},
      {"warning-verbs", kWarningVerb}, {"addressee-verbs", kAddresseeVerb}};
  const auto found = kFlags.find(category);
  return found == kFlags.end() ? 0 : found->second;
}

constexpr std::string_view kTitleEndings = "title-endings";

}  // namespace

bool IsFrameCategory(std::string_view category) {
  if (category.ends_with("-phrases") || category == kTitleEndings) return true;
  return category.ends_with("-verbs") ? LemmaFlagOf(category) != 0 : WordFlagOf(category) != 0;
}

std::unique_ptr<EventLexicon> EventLexicon::Create(const ResourceImage& image, std::string_view language, Status& status) {
  std::unique_ptr<EventLexicon> lexicon(new EventLexicon());
  lexicon->language_ = std::string(language);
  lexicon->german_ = language == "de";
  const std::string prefix = "events/" + lexicon->language_ + "/";
  const auto forms = image.Section(prefix + "forms");
  const auto patterns = image.Section(prefix + "patterns");
  const auto frames = image.Section(prefix + "frames");
  const auto classes = image.Section(prefix + "classes");
  if (!forms || !patterns || !frames || !classes) {
    status = Status::Error(image.path() + ": no event patterns for '" + lexicon->language_ + "' (rebuild the image)");
    return nullptr;
  }
  if (status = lexicon->LoadForms(*forms); !status.ok()) return nullptr;
  if (status = lexicon->LoadPatterns(*patterns); !status.ok()) return nullptr;
  lexicon->LoadFrames(*frames);
  lexicon->LoadClasses(*classes);
  if (const auto finite = image.Section(prefix + "finite_verbs")) {
    lexicon->finite_verbs_ = StaticStringSet::FromSection(*finite, status);
    if (!lexicon->finite_verbs_) return nullptr;
  }
  return lexicon;
}

uint32_t EventLexicon::InternLemma(std::string_view lemma, bool noun) {
  auto& ids = noun ? noun_lemma_ids_ : verb_lemma_ids_;
  const auto [it, inserted] = ids.emplace(std::string(lemma), static_cast<uint32_t>(lemmas_.size()));
  if (inserted) {
    lemmas_.emplace_back(lemma);
    lemma_flags_.push_back(0);
    patterns_.emplace_back();
  }
  return it->second;
}

Status EventLexicon::LoadForms(std::string_view section) {
  Status status;
  ForEachSectionLine(section, [&](const std::vector<std::string_view>& fields) {
    if (fields.size() != 4) return;
    const std::optional<FormKind> kind = ParseFormKind(fields[2]);
    if (!kind) {
      status = Status::Error("events: unknown form kind '" + std::string(fields[2]) + "'");
      return;
    }
    const uint32_t lemma = InternLemma(fields[1], *kind == FormKind::kNoun);
    forms_[std::string(fields[0])].push_back({lemma, *kind, fields[3] == "-" ? std::string_view() : fields[3]});
  });
  return status;
}

const std::vector<TriggerForm>* EventLexicon::NounForms(std::string_view lower) const {
  const std::vector<TriggerForm>* forms = Forms(lower);
  const bool noun = forms != nullptr && std::any_of(forms->begin(), forms->end(), [](const TriggerForm& reading) {
    return reading.kind == FormKind::kNoun;
  });
  return noun ? forms : nullptr;
}

Status EventLexicon::LoadPatterns(std::string_view section) {
  Status status;
  ForEachSectionLine(section, [&](const std::vector<std::string_view>& fields) {
    if (fields.size() != 6 || !status.ok()) return;
    Pattern pattern;
    pattern.trigger = fields[0] == "noun" ? TriggerKind::kNoun : TriggerKind::kVerb;
    pattern.lemma = std::string(fields[1]);
    if (fields[2] != "-") pattern.particles = SplitToStrings(fields[2], ' ');
    pattern.rule = std::string(fields[3]);
    pattern.code = std::string(fields[4]);
    if (Status parsed = ParseFrame(fields[5], language_, pattern.elements); !parsed.ok()) {
      status = Status::Error("events: " + pattern.rule + ": " + parsed.message());
      return;
    }
    const uint32_t lemma = InternLemma(pattern.lemma, pattern.trigger == TriggerKind::kNoun);
    patterns_[lemma].push_back(std::move(pattern));
  });
  return status;
}

void EventLexicon::LoadFrames(std::string_view section) {
  ForEachSectionLine(section, [&](const std::vector<std::string_view>& fields) {
    if (fields.size() != 2) return;
    const std::string_view category = fields[0];
    if (category.ends_with("-verbs")) {
      const uint32_t lemma = InternLemma(fields[1], false);
      lemma_flags_[lemma] |= LemmaFlagOf(category);
    } else if (category == kTitleEndings) {
      if (!fields[1].empty()) title_endings_by_last_byte_[static_cast<unsigned char>(fields[1].back())].emplace_back(fields[1]);
    } else if (category.ends_with("-phrases") || fields[1].find('_') != std::string_view::npos) {
      std::vector<std::string> phrase = SplitToStrings(fields[1], '_');
      if (!phrase.empty()) word_flags_[phrase.front()] |= kPhraseStart;
      phrases_[std::string(category)].push_back(std::move(phrase));
    } else {
      word_flags_[std::string(fields[1])] |= WordFlagOf(category);
    }
  });
}

void EventLexicon::LoadClasses(std::string_view section) {
  ForEachSectionLine(section, [&](const std::vector<std::string_view>& fields) {
    WordClass& word_class = classes_[std::string(fields[0])];
    for (size_t i = 1; i < fields.size(); ++i) {
      if (fields[i].empty()) continue;
      const bool excluded = fields[i][0] == '!';
      const std::string_view entry = excluded ? fields[i].substr(1) : fields[i];
      const bool glob = entry.find('*') != std::string_view::npos;
      if (glob) (excluded ? word_class.excluded_globs : word_class.globs).emplace_back(entry);
      else (excluded ? word_class.excluded_words : word_class.words).insert(entry);
    }
  });
}

const std::vector<TriggerForm>* EventLexicon::Forms(std::string_view lower, uint64_t hash) const {
  const auto found = forms_.find(lower, hash);
  return found == forms_.end() ? nullptr : &found->second;
}

uint32_t EventLexicon::WordFlags(std::string_view lower, uint64_t hash, bool capitalized) const {
  const auto found = word_flags_.find(lower, hash);
  uint32_t flags = found == word_flags_.end() ? 0 : found->second;
  if (capitalized && !lower.empty()) {
    const std::vector<std::string>& endings = title_endings_by_last_byte_[static_cast<unsigned char>(lower.back())];
    if (std::any_of(endings.begin(), endings.end(), [&](const std::string& ending) { return lower.ends_with(ending); })) {
      flags |= kTitleWord;
    }
  }
  return flags;
}

const std::vector<Pattern>& EventLexicon::PatternsOf(uint32_t lemma) const {
  return lemma < patterns_.size() ? patterns_[lemma] : kNoPatterns;
}

const std::vector<std::vector<std::string>>& EventLexicon::Phrases(std::string_view category) const {
  const auto found = phrases_.find(category);
  return found == phrases_.end() ? kNoPhrases : found->second;
}

const EventLexicon::WordClass* EventLexicon::Class(std::string_view class_name) const {
  const auto found = classes_.find(class_name);
  return found == classes_.end() ? nullptr : &found->second;
}

bool EventLexicon::WordClass::Contains(std::string_view lower, uint64_t hash, uint32_t letters) const {
  const auto matches = [&](const Glob& glob) { return glob.Matches(lower, letters); };
  if (excluded_words.contains(lower, hash) || std::any_of(excluded_globs.begin(), excluded_globs.end(), matches)) return false;
  return words.contains(lower, hash) || std::any_of(globs.begin(), globs.end(), matches);
}

bool EventLexicon::IsFiniteVerb(std::string_view lower) const {
  return finite_verbs_ && finite_verbs_->Contains(lower);
}

std::unique_ptr<CameoTable> CameoTable::Create(const ResourceImage& image, Status& status) {
  const auto section = image.Section("events/cameo");
  if (!section) {
    status = Status::Error(image.path() + ": no CAMEO code table (rebuild the image)");
    return nullptr;
  }
  std::unique_ptr<CameoTable> table(new CameoTable());
  ForEachSectionLine(*section, [&](const std::vector<std::string_view>& fields) {
    if (fields.size() != 5) return;
    CameoInfo info;
    info.goldstein = std::strtod(std::string(fields[1]).c_str(), nullptr);
    info.quad_class = fields[2].empty() ? 0 : fields[2][0] - '0';
    if (fields[3] != "-") info.plover_type = std::string(fields[3]);
    if (fields[4] != "-") info.plover_mode = std::string(fields[4]);
    table->codes_.emplace(std::string(fields[0]), std::move(info));
  });
  return table;
}

void CameoTable::Describe(Event& event) const {
  const CameoInfo* info = Find(event.code);
  if (info == nullptr) return;
  event.goldstein = info->goldstein;
  event.quad_class = info->quad_class;
  event.plover_type = info->plover_type;
  event.plover_mode = info->plover_mode;
}

const CameoInfo* CameoTable::Find(std::string_view code) const {
  const auto found = codes_.find(std::string(code));
  return found == codes_.end() ? nullptr : &found->second;
}

}  // namespace lagebild
