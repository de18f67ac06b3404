// libFuzzer target for one input reader followed by the whole pipeline and the JSON writer.
// Built once per format with LAGEBILD_FUZZ_FORMAT set to text, html, jsonl, feed or warc. Any crash, sanitizer
// report, hang or leak is a bug: readers and stages must take arbitrary bytes.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "lagebild/output.h"
#include "lagebild/pipeline.h"
#include "lagebild/reader.h"

namespace {

const lagebild::Pipeline& FuzzPipeline() {
  static const std::unique_ptr<lagebild::Pipeline> pipeline = [] {
    lagebild::Status status;
    auto created = lagebild::Pipeline::Create(LAGEBILD_FUZZ_IMAGE, status);
    if (!created) {
      std::fprintf(stderr, "%s\n", status.message().c_str());
      std::abort();
    }
    return created;
  }();
  return *pipeline;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const auto format = *lagebild::ParseInputFormat(LAGEBILD_FUZZ_FORMAT);
  auto reader = lagebild::MakeReader(format, "fuzz", std::string(reinterpret_cast<const char*>(data), size));
  std::vector<lagebild::ReadIssue> issues;
  while (auto raw = reader->Next(issues)) {
    const lagebild::Document doc = FuzzPipeline().Process(std::move(*raw));
    const std::string json = lagebild::ToJson(doc, {.with_text = true, .with_tokens = true});
    if (json.empty()) std::abort();
  }
  return 0;
}
