// libFuzzer target for the TABARI dictionary and validation-record readers: any bytes must give
// entries and problems, never a crash or a hang.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "compat/tabari_dictionary.h"
#include "compat/tabari_records.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view content(reinterpret_cast<const char*>(data), size);
  lagebild::tabari::Dictionary dictionary;
  lagebild::tabari::ParseActors(content, "fuzz.actors", dictionary);
  lagebild::tabari::ParseAgents(content, "fuzz.agents", dictionary);
  lagebild::tabari::ParseVerbs(content, "fuzz.verbs", dictionary);
  std::vector<lagebild::tabari::ValidationRecord> records;
  std::vector<std::string> problems;
  lagebild::tabari::ParseValidationRecords(content, "fuzz.text", records, problems);
  return 0;
}
