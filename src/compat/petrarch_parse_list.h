// PETRARCH-1's linear view of a parse tree ("ParseList"): the tree as a flat list of phrase
// openings, words and closings, in which the noun phrases that can name actors have become
// entities (NE) and coordinated noun phrases compound entities (NEC) holding one NE each. The
// verb patterns of the PETRARCH and TABARI dictionaries are linear, so the coder matches them
// against this list rather than against the tree.
//
// How noun phrases become entities (PETRARCH-1's read_TreeBank):
//   - an NP with a coordinating conjunction, no clause inside, one CC and at least two nouns is
//     a compound; each NP or noun inside is a member, adjectives before the first noun are
//     shared by all members;
//   - an NP with a possessive is one entity without the `'s`;
//   - an NP of the form (NP (NP …) (PP (IN …) (NP …))) is one entity "NP IN NP" unless the
//     inner NP holds a further PP;
//   - an NP without nested NPs is one entity; other NPs stay phrases and their parts are read.
//   Relative clauses (SBAR) inside an NP count only as words.
#pragma once

#include <string>
#include <vector>

#include "compat/penn_tree.h"

namespace lagebild::petrarch {

enum class ItemKind { kOpen, kClose, kWord, kNeOpen, kNeClose, kNecOpen, kNecClose };

struct Item {
  ItemKind kind = ItemKind::kWord;
  std::string text;  // phrase label for kOpen/kClose, the upper-cased word for kWord
  int ne = -1;       // entity index for kNeOpen/kNeClose and the words inside an entity
  int nec = -1;      // compound index for kNecOpen/kNecClose and for entities inside one
};

struct Entity {
  std::vector<std::string> words;
  std::string code = "---";  // set by the actor coder
  int compound = -1;         // the compound this entity is a member of
};

struct ParseList {
  std::vector<Item> items;
  std::vector<Entity> entities;
  int compounds = 0;
  bool dateline = false;  // the sentence is a dateline: (ROOT (NE (NEC …
};

ParseList BuildParseList(const Tree& tree);

// Comma-delimited clause elimination (TABARI's, lengths in words; max 0 switches one off).
struct CommaOptions {
  int min = 2, max = 8;    // internal clauses
  int bmin = 0, bmax = 0;  // an initial clause
  int emin = 2, emax = 8;  // a terminal clause
};

void DeleteCommaClauses(const CommaOptions& options, ParseList& list);

// The index of the item that closes the phrase or entity opened at `open`, or -1.
int MatchingClose(const ParseList& list, int open);

}  // namespace lagebild::petrarch
