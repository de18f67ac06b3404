// libFuzzer target for our own dictionary sources (docs/dictionaries.md): any bytes, read as an
// actor source, each line as an event-pattern frame in both languages and as a role date, must give
// entries or a message naming the line, never a crash or a hang.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "compile/actor_source.h"
#include "events/pattern.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  std::vector<lagebild::ActorEntry> entries;
  const lagebild::Status status = lagebild::ParseActorSource("fuzz.txt", text, entries);
  if (!status.ok() && status.message().find("fuzz.txt") == std::string::npos) std::abort();  // errors name the file
  size_t begin = 0;
  while (begin <= text.size()) {
    const size_t end = std::min(text.find('\n', begin), text.size());
    const std::string line = text.substr(begin, end - begin);
    for (const std::string_view language : {"de", "en"}) {
      std::vector<lagebild::FrameElement> elements;
      (void)lagebild::ParseFrame(line, language, elements);
    }
    (void)lagebild::ParseSourceDate(line);
    begin = end + 1;
  }
  return 0;
}
