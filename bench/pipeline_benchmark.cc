// Whole-pipeline run over a corpus: raw text in, annotated documents out.
//
//   pipeline_benchmark [--corpus reuters|gnad|agnews|all] [--jobs N] [--repeat R] [--image FILE]
//                      [--dict KIND:FILE]... [--max-docs N] [--output FILE] [--stages 1]
//                      [--batch N]
//
// Each thread hands the pipeline consecutive documents in batches (Pipeline::Process of a vector:
// stage by stage) of up to Pipeline::kBatchDocuments documents and kBatchBytes, as `lagebild
// extract` and `ingest` do; --batch N sets the most documents per batch (1: one at a time).
//
// --output writes every analysed document as a JSON line (the `extract --format jsonl`
// contract), so that a change meant only to be faster can be shown to change nothing: `cmp` the
// files of two builds. The writing is timed with the rest; use it with --jobs 1 (the order is then
// the corpus's).
// --max-docs takes the first N documents of each corpus: a run short enough for
// `valgrind --tool=callgrind --toggle-collect='lagebild::Pipeline::Process*'`, whose instruction
// counts compare two builds where this VM's wall times drift by a third.
// --dict codes events with the field's dictionaries instead of lagebild's own, as
// `lagebild extract --dict` does (tabari:PROJECT, tabari-verbs:FILE, petrarch-actors:FILE, …).
//
// --stages 1 also prints each stage's share of the time (summed over the threads).
//
// Prints MB/s (of input), documents/s, sentences/s, wall time and peak RSS. Loading the corpus
// is not timed; creating the pipeline (mapping the image) is reported apart as start-up.
// First it times a reference loop of dependent additions, one per clock cycle: about the clock
// rate the core runs at just then. On this shared VM it has read 1.4 to 2.8 G/s within a minute,
// and the host itself changes between sessions, so figures from runs far apart do not compare;
// compare builds in turn (compare_builds.sh) or by instructions (callgrind).
#include <fmt/format.h>
#include <sys/resource.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <thread>

#include "corpus.h"
#include "lagebild/output.h"
#include "lagebild/pipeline.h"

namespace lagebild::bench {
namespace {

using Clock = std::chrono::steady_clock;

double Seconds(Clock::duration duration) { return std::chrono::duration<double>(duration).count(); }

double PeakRssMb() {
  rusage usage;
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

// A chain of dependent additions, each waiting for the one before: a core does one per cycle. The
// empty asm keeps the compiler from folding the chain.
double ReferenceLoopRate() {
  constexpr uint64_t kSteps = 500'000'000;
  const auto start = Clock::now();
  uint64_t value = 0;
  for (uint64_t i = 0; i < kSteps; ++i) {
    value += 1;
    asm volatile("" : "+r"(value));
  }
  return static_cast<double>(kSteps) / Seconds(Clock::now() - start) / 1e9;
}

struct RunTotals {
  std::atomic<size_t> sentences{0};
  std::atomic<size_t> tokens{0};
};

void PrintStageTimes(const StageTimes& times, double megabytes) {
  const double total = times.seconds.back();
  for (size_t i = 0; i < times.seconds.size(); ++i) {
    fmt::print("  {:<9} {:7.3f} s  {:5.1f} %  {:7.1f} MB/s\n", StageTimes::kNames[i], times.seconds[i],
               100 * times.seconds[i] / total, megabytes / times.seconds[i]);
  }
}

void RunCorpus(const Pipeline& pipeline, const std::string& name, const std::vector<RawDocument>& docs,
               int jobs, int repeat, size_t batch_documents, bool stage_times, std::FILE* output) {
  size_t bytes = 0;
  for (const RawDocument& doc : docs) bytes += doc.content.size();
  RunTotals totals;
  std::atomic<size_t> next{0};
  const size_t total = docs.size() * static_cast<size_t>(repeat);
  std::vector<size_t> sizes(total);
  for (size_t i = 0; i < total; ++i) sizes[i] = docs[i % docs.size()].content.size();
  const std::vector<size_t> starts = Pipeline::BatchStarts(sizes, batch_documents);
  const auto start = Clock::now();
  std::vector<std::thread> workers;
  std::vector<StageTimes> times(static_cast<size_t>(jobs));
  for (int j = 0; j < jobs; ++j) {
    workers.emplace_back([&, j] {
      for (size_t b = next++; b + 1 < starts.size(); b = next++) {
        std::vector<RawDocument> batch;
        for (size_t i = starts[b]; i < starts[b + 1]; ++i) batch.push_back(docs[i % docs.size()]);
        const std::vector<Document> done =
            stage_times ? pipeline.Process(std::move(batch), times[static_cast<size_t>(j)]) : pipeline.Process(std::move(batch));
        for (const Document& doc : done) {
          totals.sentences += doc.sentences.size();
          totals.tokens += doc.tokens.size();
          if (output != nullptr) fmt::print(output, "{}\n", ToJson(doc, OutputOptions{}));
        }
      }
    });
  }
  for (std::thread& worker : workers) worker.join();
  const double seconds = Seconds(Clock::now() - start);
  const double megabytes = static_cast<double>(bytes) * repeat / 1e6;
  fmt::print("{:<8} jobs={} docs={} input={:.1f} MB  time={:.2f} s  {:.1f} MB/s  {:.0f} docs/s  {:.0f} sentences/s  "
             "{:.0f} tokens/s\n",
             name, jobs, total, megabytes, seconds, megabytes / seconds, static_cast<double>(total) / seconds,
             static_cast<double>(totals.sentences) / seconds, static_cast<double>(totals.tokens) / seconds);
  if (!stage_times) return;
  for (size_t j = 1; j < times.size(); ++j) times[0] += times[j];
  PrintStageTimes(times[0], megabytes);
}

}  // namespace
}  // namespace lagebild::bench

int main(int argc, char** argv) {
  using namespace lagebild;
  std::string corpus = "all";
  std::string image = LAGEBILD_IMAGE_PATH;
  int jobs = 1, repeat = 1;
  size_t batch_documents = Pipeline::kBatchDocuments;
  bool stage_times = false;
  size_t max_docs = SIZE_MAX;
  std::string output_path;
  std::vector<std::string> dictionaries;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--corpus")) corpus = argv[i + 1];
    else if (!std::strcmp(argv[i], "--dict")) dictionaries.push_back(argv[i + 1]);
    else if (!std::strcmp(argv[i], "--jobs")) jobs = std::max(1, std::atoi(argv[i + 1]));
    else if (!std::strcmp(argv[i], "--repeat")) repeat = std::max(1, std::atoi(argv[i + 1]));
    else if (!std::strcmp(argv[i], "--image")) image = argv[i + 1];
    else if (!std::strcmp(argv[i], "--output")) output_path = argv[i + 1];
    else if (!std::strcmp(argv[i], "--stages")) stage_times = std::atoi(argv[i + 1]) != 0;
    else if (!std::strcmp(argv[i], "--max-docs")) max_docs = std::strtoull(argv[i + 1], nullptr, 10);
    else if (!std::strcmp(argv[i], "--batch")) batch_documents = std::max<size_t>(1, std::strtoull(argv[i + 1], nullptr, 10));
  }
  fmt::print("reference loop: {:.2f} G dependent additions/s (about the clock rate)\n", bench::ReferenceLoopRate());
  const auto start = bench::Clock::now();
  Status status;
  const std::unique_ptr<Pipeline> pipeline = Pipeline::Create(image, status);
  if (!pipeline) {
    fmt::print(stderr, "pipeline_benchmark: {}\n", status.message());
    return 1;
  }
  if (!dictionaries.empty()) {
    std::vector<std::string> problems;
    std::string summary;
    status = pipeline->UseDictionaries(dictionaries, problems, summary);
    if (!status.ok()) {
      fmt::print(stderr, "pipeline_benchmark: {}\n", status.message());
      return 1;
    }
    fmt::print("dictionaries: {}; {} problem(s) in the files\n", summary, problems.size());
  }
  fmt::print("start-up (image mapped, stages built): {:.1f} ms\n", 1000 * bench::Seconds(bench::Clock::now() - start));
  std::FILE* output = output_path.empty() ? nullptr : std::fopen(output_path.c_str(), "w");
  if (!output_path.empty() && output == nullptr) {
    fmt::print(stderr, "pipeline_benchmark: cannot write {}\n", output_path);
    return 1;
  }
  const std::vector<std::string> names =
      corpus == "all" ? std::vector<std::string>{"reuters", "gnad", "agnews"} : std::vector<std::string>{corpus};
  for (const std::string& name : names) {
    std::vector<RawDocument> docs = bench::LoadCorpus(name, bench::CorporaDir());
    if (docs.size() > max_docs) docs.resize(max_docs);
    if (docs.empty()) {
      fmt::print("{:<8} skipped: corpus not found under {}\n", name, bench::CorporaDir());
      continue;
    }
    bench::RunCorpus(*pipeline, name, docs, jobs, repeat, batch_documents, stage_times, output);
  }
  if (output != nullptr) std::fclose(output);
  fmt::print("peak RSS: {:.1f} MB\n", bench::PeakRssMb());
  return 0;
}
