// The event stage with the field's dictionaries instead of lagebild's own: `--dict` on
// `lagebild extract`. TABARI projects and dictionary files, and PETRARCH's verbs, actors, agents
// and discards files (converted to the TABARI model), are coded with the TABARI-compatible coder
// (tabari_coder.h), sentence by sentence, with pronouns forwarded within a document.
//
// Dictionary specifications, several of which may be combined:
//   tabari:PROJECT            a TABARI .project (its actors, agents, verbs and options files)
//   tabari-actors:FILE  tabari-agents:FILE  tabari-verbs:FILE  tabari-options:FILE
//   petrarch-verbs:FILE  petrarch-actors:FILE  petrarch-agents:FILE  petrarch-discards:FILE
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "lagebild/document.h"
#include "lagebild/status.h"

namespace lagebild {

class CameoTable;

class DictionaryEventStage {
 public:
  // Loads the dictionaries. Fails when a file cannot be read or a specification is unknown;
  // problems inside the files are kept in problems().
  static std::unique_ptr<DictionaryEventStage> Create(const std::vector<std::string>& specifications, Status& status);
  ~DictionaryEventStage();

  // Appends the events of every sentence, with an entity for each coded source and target.
  // Actor codes are resolved for the document's publication date (today when it has none).
  void Code(Document& doc, const CameoTable& cameo) const;

  const std::vector<std::string>& problems() const;
  // "27252 actors, 89 agents, 1216 verbs with 15572 patterns"
  std::string Summary() const;

 private:
  DictionaryEventStage();
  struct Loaded;
  std::unique_ptr<Loaded> loaded_;
};

}  // namespace lagebild
