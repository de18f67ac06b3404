#include "events/clause_internal.h"

#include <algorithm>
#include <unordered_set>

namespace lagebild::clause_internal {

// ---- arguments ---------------------------------------------------------------------------------

bool IsDeterminerLike(const WordView& word) {
  return word.is_word && !word.capitalized && !word.finite && !(word.flags & (kPreposition | kCoordinator | kSubordinator)) &&
         word.entity_inside < 0 && !IsVerbForm(word);
}

// Looks back from the actor's first word for its preposition, skipping articles, adjectives,
// numbers and titles ("an den russischen Präsidenten", "mit Herrn Shoigu").
void FindGoverningWord(const std::vector<WordView>& words, Argument& arg, bool german, bool person) {
  size_t skipped = 0;
  bool title_run = person;  // capitalised words right before a person's name are titles
  for (size_t i = arg.word; i-- > 0 && skipped <= kMaxPrepositionDistance;) {
    const WordView& word = words[i];
    if (word.boundary || !word.is_word) return;
    if (word.flags & kObliqueWord) arg.oblique = true;
    if (word.flags & kNominativeWord) arg.nominative = true;
    if (word.flags & kPreposition) {
      if ((word.lower == "of" || word.lower == "von") && i > 0 && (words[i - 1].flags & kQuantityWord)) {
        ++skipped;  // "dozens of protesters": the quantity is no preposition's object
        continue;
      }
      arg.preposition = word.lower;
      // "eine Delegation von Beamten": the actor is an attribute of the noun before.
      arg.noun_attribute = i > 0 && words[i - 1].is_word && words[i - 1].capitalized && !words[i - 1].finite && german;
      return;
    }
    const bool after_article = i > 0 && IsArticleWord(words[i - 1].lower);  // "des US-Reporters Evan Gershkovich"
    if (title_run && word.capitalized && word.entity_inside < 0 && !word.finite && ((word.flags & kTitleWord) || after_article)) {
      ++skipped;
      continue;
    }
    title_run = false;
    const bool article = IsArticleWord(word.lower);
    if (word.entity_inside >= 0 || word.finite || (word.flags & (kCoordinator | kSubordinator)) ||
        ((word.flags & kRelativeWord) && !article)) {
      // "des"/"der" after a noun or actor: a genitive attribute ("ein Sprecher des Weißen Hauses").
      return;
    }
    if (german && (word.lower == "des" || (word.lower == "der" && i > 0 && words[i - 1].capitalized && words[i - 1].is_word &&
                                          words[i - 1].entity_inside < 0 && !(words[i - 1].flags & kPreposition)))) {
      arg.genitive = true;
      return;
    }
    if (german && word.capitalized && word.lower != "herrn" && word.lower != "herr" && word.lower != "frau") {
      return;  // a noun of its own
    }
    if (!german && word.capitalized && i + 1 == arg.word && word.lower != "mr." && word.lower != "mrs.") return;
    if (!IsDeterminerLike(word) && !word.capitalized) return;
    ++skipped;
  }
}

// After an actor, a list goes on with a comma or a coordinator (articles may come between).
bool ListContinues(const std::vector<WordView>& words, const Argument& arg) {
  for (uint32_t i = arg.last_word + 1; i < words.size() && i <= arg.last_word + 2; ++i) {
    if (words[i].comma || (words[i].flags & kCoordinator)) return true;
    if (words[i].is_word) return false;
  }
  return false;
}

// Actors joined by commas, "und"/"and" and articles form one coordination: "Deutschland, die USA
// und Frankreich". A later member takes the first member's preposition and case.
void GroupCoordinations(const std::vector<WordView>& words, std::vector<Argument>& args) {
  for (size_t a = 0; a < args.size(); ++a) {
    args[a].group = static_cast<int32_t>(a);
    if (a == 0) continue;
    const Argument& previous = args[a - 1];
    bool coordinated = false, blocked = false, bracketed = false, by_comma_only = true;
    size_t gap = 0;
    for (uint32_t i = previous.last_word + 1; i < args[a].word; ++i) {
      const WordView& word = words[i];
      if (word.flags & kCoordinator) {
        coordinated = true;
        by_comma_only = false;
      } else if (word.comma) {
        coordinated = true;
      }
      else if (word.opens_bracket) bracketed = true;  // "Korean Central News Agency (KCNA)", "Faymann (SPÖ)"
      else if (word.boundary) blocked = true;
      else if (word.is_word && (!IsDeterminerLike(word) || (word.flags & kPreposition))) blocked = true;
      if (word.is_word) ++gap;
    }
    if (bracketed && !blocked && gap == 0) {
      args[a].apposition = true;  // a tag in brackets names the actor before it again
      continue;
    }
    // A comma joins actors only in a list that goes on: "Deutschland, die USA und Frankreich", not
    // "according to the White House, Joe Biden spoke".
    if (coordinated && by_comma_only && !ListContinues(words, args[a])) coordinated = false;
    if (coordinated && !blocked && gap <= kMaxCoordinationGap && args[a].preposition.empty() && !previous.genitive) {
      args[a].group = previous.group;
      args[a].preposition = args[previous.group].preposition;
      args[a].oblique = args[a].oblique || args[previous.group].oblique;
    }
  }
}



// "Wien – …", "NEW DELHI - …", "Addis Abeba/Bujumbura – …": the place names before a dash at
// the start of a sentence are a dateline, not an actor.
bool IsDateline(const std::vector<WordView>& words, const Argument& arg) {
  for (uint32_t i = 0; i < arg.word; ++i) {
    if (words[i].is_word && words[i].entity_inside < 0 && words[i].lower != "/" && !words[i].capitalized) return false;
  }
  for (uint32_t i = arg.last_word + 1; i < words.size() && i <= arg.last_word + 6; ++i) {
    if (words[i].dash) return true;
    if (words[i].is_word && words[i].entity_inside < 0 && !words[i].capitalized && words[i].lower != "/") return false;
  }
  return false;
}

// "(Reuters)", "(AFP)", "AP -": a news agency in brackets or before a dash names the source of the
// text, not an actor of the sentence.
bool IsSourceTag(const Document& doc, const std::vector<WordView>& words, const Argument& arg) {
  if (doc.entities[arg.entity].kind != EntityKind::kMedia) return false;
  const bool bracketed = arg.word > 0 && words[arg.word - 1].opens_bracket && arg.last_word + 1 < words.size() &&
                         doc.tokens[words[arg.last_word + 1].token].kind == TokenKind::kBracket;
  return bracketed || IsDateline(words, arg);
}

// Country names that take "die" (die Ukraine, die Türkei, die Schweiz): with "der" they are
// dative or genitive. The masculine ones (der Iran, der Sudan) are nominative with "der".
bool IsFeminineCountryName(const Document& doc, const Entity& entity) {
  if (entity.kind != EntityKind::kCountry) return false;
  const std::string_view name = doc.Surface(entity.span);
  return name.ends_with("ei") || name.ends_with("e") || name.ends_with("z");
}

std::vector<Argument> CollectArguments(const Document& doc, const std::vector<WordView>& words, const Clause& clause, bool german) {
  std::vector<Argument> args;
  for (uint32_t i : clause.words) {
    if (words[i].entity_start < 0) continue;
    Argument arg;
    arg.entity = words[i].entity_start;
    arg.word = i;
    arg.last_word = i;
    while (arg.last_word + 1 < words.size() && words[arg.last_word + 1].entity_inside == arg.entity) ++arg.last_word;
    arg.genitive = words[arg.last_word].genitive_s;
    arg.compound_modifier = !words[arg.last_word].compound_head.empty();
    arg.coded = !doc.entities[arg.entity].code.empty();
    if (!german && arg.last_word + 1 < words.size()) {
      const std::string_view next = words[arg.last_word + 1].lower;
      arg.genitive |= next == "'s" || next == "’s" || next == "'";
    }
    FindGoverningWord(words, arg, german, doc.entities[arg.entity].kind == EntityKind::kPerson);
    arg.dateline = IsDateline(words, arg) || IsSourceTag(doc, words, arg);
    if (german && arg.preposition.empty() && arg.word > 0 && words[arg.word - 1].lower == "der" &&
        IsFeminineCountryName(doc, doc.entities[arg.entity])) {
      arg.oblique = true;  // "der Ukraine", "der Türkei": dative or genitive
    }
    if (clause.type == ClauseType::kInfinitive && !arg.preposition.empty() && words[clause.words.front()].lower == arg.preposition &&
        (arg.preposition == "um" || arg.preposition == "ohne" || arg.preposition == "statt" || arg.preposition == "anstatt")) {
      arg.preposition.clear();  // "um Putin zu treffen": um opens the infinitive
    }
    args.push_back(std::move(arg));
  }
  GroupCoordinations(words, args);
  // "Kim Jong-un, der Führer Nordkoreas, plant …": a second name for the same actor is an apposition.
  for (size_t a = 1; a < args.size(); ++a) {
    const Entity& previous = doc.entities[args[a - 1].entity];
    const Entity& current = doc.entities[args[a].entity];
    if (!current.actor_id.empty() && current.actor_id == previous.actor_id && args[a].word <= args[a - 1].last_word + 3) {
      args[a].apposition = true;
    }
  }
  return args;
}

bool IsCandidate(const Argument& arg) {
  return arg.preposition.empty() && !arg.genitive && !arg.apposition && !arg.speaker && !arg.dateline && !arg.compound_modifier;
}

std::vector<int32_t> GroupOf(const std::vector<Argument>& args, int32_t head) {
  std::vector<int32_t> members;
  for (size_t a = 0; a < args.size(); ++a) {
    if (args[a].group == args[head].group && (args[a].speaker == args[head].speaker)) members.push_back(static_cast<int32_t>(a));
  }
  return members;
}

int32_t FirstCandidate(const std::vector<Argument>& args, bool (*accept)(const Argument&, int32_t), int32_t limit) {
  for (size_t a = 0; a < args.size(); ++a) {
    if (IsCandidate(args[a]) && static_cast<int32_t>(a) == args[a].group && accept(args[a], limit)) return static_cast<int32_t>(a);
  }
  return -1;
}

int32_t GermanSubjectByOrder(const Clause& clause);

// "Eine Delegation von nordkoreanischen Beamten reiste": an uncoded head gives way to its attribute.
int32_t GermanSubject(const Clause& clause) {
  const int32_t subject = GermanSubjectByOrder(clause);
  if (subject < 0 || clause.args[subject].coded) return subject;
  for (size_t a = subject + 1; a < clause.args.size(); ++a) {
    const Argument& arg = clause.args[a];
    if (arg.noun_attribute && arg.coded && arg.word <= clause.args[subject].last_word + 5) return arg.group;
  }
  return subject;
}

int32_t GermanSubjectByOrder(const Clause& clause) {
  const std::vector<Argument>& args = clause.args;
  for (size_t a = 0; a < args.size(); ++a) {
    if (IsCandidate(args[a]) && args[a].nominative) return args[a].group;
  }
  const int32_t finite = clause.verb.finite;
  if (clause.type == ClauseType::kMain && finite >= 0) {
    const int32_t before = FirstCandidate(args, [](const Argument& arg, int32_t limit) {
      return static_cast<int32_t>(arg.word) < limit && !arg.oblique;  // "Den Botschafter bestellte das Amt ein"
    }, finite);
    if (before >= 0) return before;
    const int32_t after = FirstCandidate(args, [](const Argument& arg, int32_t limit) { return static_cast<int32_t>(arg.word) > limit && !arg.oblique; }, finite);
    if (after >= 0) return after;
  } else {
    const int32_t first = FirstCandidate(args, [](const Argument& arg, int32_t) { return !arg.oblique; }, 0);
    if (first >= 0) return first;
  }
  // "Eine Delegation von nordkoreanischen Beamten reiste …": the actor inside the subject.
  for (size_t a = 0; a < args.size(); ++a) {
    if (args[a].preposition == "von" && !args[a].speaker && clause.type == ClauseType::kMain &&
        (finite < 0 || static_cast<int32_t>(args[a].word) < finite || args[a].noun_attribute)) {
      return args[a].group;
    }
  }
  return -1;
}

int32_t EnglishSubject(const Clause& clause) {
  const int32_t verb = clause.verb.finite >= 0 ? clause.verb.finite : clause.verb.lexical;
  int32_t subject = -1;
  for (size_t a = 0; a < clause.args.size(); ++a) {
    const Argument& arg = clause.args[a];
    if (verb >= 0 && static_cast<int32_t>(arg.word) > verb) break;
    if (IsCandidate(arg)) subject = arg.group;
  }
  return subject;
}

int32_t FirstObject(const Clause& clause, int32_t subject, bool german) {
  const int32_t verb = clause.verb.lexical >= 0 ? clause.verb.lexical : clause.verb.finite;
  for (size_t a = 0; a < clause.args.size(); ++a) {
    const Argument& arg = clause.args[a];
    if (!IsCandidate(arg) || arg.group == subject || static_cast<int32_t>(a) != arg.group) continue;
    if (!german && verb >= 0 && static_cast<int32_t>(arg.word) < verb) continue;
    if (subject >= 0 && arg.group == clause.args[subject].group) continue;
    return static_cast<int32_t>(a);
  }
  return -1;
}

void ChooseRoles(Clause& clause, bool german) {
  if (clause.verb.passive) {
    for (size_t a = 0; a < clause.args.size(); ++a) {
      const std::string& p = clause.args[a].preposition;
      if ((p == "von" || p == "durch" || p == "by" || p == "vom") && !clause.args[a].speaker) {
        clause.subjects = GroupOf(clause.args, clause.args[a].group);
        break;
      }
    }
    const int32_t patient = german ? FirstCandidate(clause.args, [](const Argument&, int32_t) { return true; }, 0)
                                   : EnglishSubject(clause);
    if (patient >= 0) clause.objects = GroupOf(clause.args, patient);
    return;
  }
  // An infinitive has no subject of its own: it comes from the governing clause.
  const bool elided = (clause.coordinated && !clause.words.empty() && clause.verb.finite == static_cast<int32_t>(clause.words.front())) ||
                      clause.verb.pronoun_subject;
  const bool infinitive = clause.type == ClauseType::kInfinitive || elided;
  const int32_t subject = infinitive ? -1 : german ? GermanSubject(clause) : EnglishSubject(clause);
  if (subject >= 0) clause.subjects = GroupOf(clause.args, subject);
  const int32_t object = FirstObject(clause, subject, german);
  if (object >= 0) clause.objects = GroupOf(clause.args, object);
}

}  // namespace lagebild::clause_internal
