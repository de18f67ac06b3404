// libFuzzer target for the TABARI readers and coder: any bytes, read as dictionaries, options,
// validation records and a sentence coded with those dictionaries, must give entries, problems
// and events, never a crash or a hang.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "compat/tabari_coder.h"
#include "compat/tabari_dictionary.h"
#include "compat/tabari_lexicon.h"
#include "compat/tabari_options.h"
#include "compat/tabari_records.h"

namespace {

constexpr size_t kMaxSentenceBytes = 4096;  // TABARI truncates records at 2047 characters

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace lagebild::tabari;
  const std::string_view content(reinterpret_cast<const char*>(data), size);
  Dictionary dictionary;
  ParseActors(content, "fuzz.actors", dictionary);
  ParseAgents(content, "fuzz.agents", dictionary);
  ParseVerbs(content, "fuzz.verbs", dictionary);
  std::vector<ValidationRecord> records;
  std::vector<std::string> problems;
  ParseValidationRecords(content, "fuzz.text", records, problems);
  Options options;
  ParseOptions(content, "fuzz.options", options, problems);
  options.minimum_words = 1;
  const Lexicon lexicon(dictionary, problems);
  const Coder coder(lexicon, options);
  const std::string forwarded = "FWD";
  coder.Code(content.substr(0, kMaxSentenceBytes), 20230905, &forwarded);
  return 0;
}
