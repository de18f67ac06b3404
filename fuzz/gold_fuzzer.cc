// libFuzzer target for the gold-set readers of `lagebild eval` (src/eval/): TimeML and TIMEX2
// inline annotation and the LGL / GeoVirus XML, straight from bytes. A malformed file must give a
// status with a message, never a crash, hang or out-of-range span.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "eval/geo_eval.h"
#include "eval/timex_eval.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  for (const lagebild::TimexFormat format : {lagebild::TimexFormat::kTimeMl, lagebild::TimexFormat::kTimex2}) {
    lagebild::TimexDocument doc;
    if (!lagebild::ParseTimexDocument(input, format, doc).ok()) continue;
    for (const lagebild::TimexAnnotation& timex : doc.timexes) {
      if (timex.span.begin > timex.span.end || timex.span.end > doc.text.size()) std::abort();
    }
  }
  lagebild::GoldCorpus corpus;
  (void)lagebild::ParseGeoGold(input, "fuzz", corpus);
  return 0;
}
