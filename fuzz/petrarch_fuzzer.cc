// libFuzzer target for the PETRARCH readers and coder (src/compat/): any bytes must give a tree
// or an error, dictionary entries and problems, and a coded (or refused) sentence — never a
// crash or a hang.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "compat/penn_tree.h"
#include "compat/petrarch_coder.h"
#include "compat/petrarch_dictionary.h"
#include "compat/petrarch_records.h"

namespace {

// A small fixed dictionary so that fuzzed trees reach the verb and pattern matching.
const lagebild::petrarch::Dictionaries& FixedDictionaries() {
  static const lagebild::petrarch::Dictionaries* dictionaries = [] {
    auto* d = new lagebild::petrarch::Dictionaries;
    lagebild::petrarch::ParseVerbs(
        "&AID\n+LOAN\n--- ATTACK [190] ---\nATTACK\n+ROUND_UP\n- * + WITH &AID [195]\n"
        "- % * [190:190]\n- SAID_* $ ^ [191]\n",
        "fixed.verbs", *d);
    lagebild::petrarch::ParseActors("FREEDONIA [FRE]\nSYLVANIA [SYL/TRE]\n", "fixed.actors", *d);
    lagebild::petrarch::ParseAgents("POLICE {} [~COP]\n", "fixed.agents", *d);
    return d;
  }();
  return *dictionaries;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view content(reinterpret_cast<const char*>(data), size);
  lagebild::petrarch::Tree tree;
  (void)lagebild::petrarch::ReadPennTree(content, tree);

  lagebild::petrarch::Dictionaries dictionaries;
  lagebild::petrarch::ParseVerbs(content, "fuzz.verbs", dictionaries);
  lagebild::petrarch::ParseActors(content, "fuzz.actors", dictionaries);
  lagebild::petrarch::ParseAgents(content, "fuzz.agents", dictionaries);
  lagebild::petrarch::ParseDiscards(content, "fuzz.discards", dictionaries);

  lagebild::petrarch::RecordFile records;
  (void)lagebild::petrarch::ParseRecordFile(content, "fuzz.xml", records);

  const lagebild::petrarch::Coder coder(FixedDictionaries());
  lagebild::petrarch::CoderOptions options;
  options.require_dyad = (size % 2) == 0;
  options.new_actor_length = static_cast<int>(size % 4);
  (void)coder.Code(content, content, 20000101, options);
  return 0;
}
