// Google Benchmark for the segment stage (tokens + sentences) on already cleaned documents, so
// the figure is segmentation alone. Reports bytes/s over the German and English corpora.
#include <benchmark/benchmark.h>

#include "clean/cleaner.h"
#include "corpus.h"
#include "langid/language_identifier.h"
#include "resources/resource_image.h"
#include "segment/segmenter.h"

namespace lagebild::bench {
namespace {

struct Fixture {
  std::unique_ptr<ResourceImage> image;
  std::unique_ptr<Segmenter> segmenter;
  std::vector<Document> docs;
  size_t bytes = 0;
};

// Cleaned and language-identified documents, so the benchmark times segmentation alone.
Fixture& Load(const std::string& corpus) {
  static std::map<std::string, Fixture> fixtures;
  Fixture& fixture = fixtures[corpus];
  if (fixture.segmenter) return fixture;
  Status status;
  fixture.image = ResourceImage::Open(LAGEBILD_IMAGE_PATH, status);
  if (fixture.image) fixture.segmenter = Segmenter::Create(*fixture.image, status);
  Cleaner cleaner;
  LanguageIdentifier language_identifier;
  for (RawDocument& raw : LoadCorpus(corpus, CorporaDir())) {
    Document doc = cleaner.Clean(std::move(raw));
    language_identifier.Identify(doc);
    fixture.bytes += doc.text.size();
    fixture.docs.push_back(std::move(doc));
  }
  return fixture;
}

void BM_Segment(benchmark::State& state, const std::string& corpus) {
  Fixture& fixture = Load(corpus);
  if (!fixture.segmenter || fixture.docs.empty()) {
    state.SkipWithError(("corpus '" + corpus + "' or resource image not found").c_str());
    return;
  }
  size_t tokens = 0;
  for (auto _ : state) {
    for (Document& doc : fixture.docs) {
      doc.tokens.clear();
      doc.sentences.clear();
      fixture.segmenter->Segment(doc);
      tokens += doc.tokens.size();
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * fixture.bytes));
  state.counters["tokens/s"] = benchmark::Counter(static_cast<double>(tokens), benchmark::Counter::kIsRate);
}

BENCHMARK_CAPTURE(BM_Segment, reuters_en, std::string("reuters"))->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Segment, gnad_de, std::string("gnad"))->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace lagebild::bench

BENCHMARK_MAIN();
