// The readers alone, without the pipeline: how fast inputs become raw documents.
//
//   read_benchmark [--input auto|text|html|jsonl|feed|warc] FILE...
//
// Prints, per file, MB/s of the file as stored (compressed for .warc.gz), documents/s, issues
// and the peak RSS of the process, which for a streamed format should stay at about one record
// whatever the file's size.
#include <fmt/format.h>
#include <sys/resource.h>

#include <chrono>
#include <cstring>
#include <filesystem>

#include "lagebild/reader.h"

namespace lagebild::bench {
namespace {

double PeakRssMb() {
  rusage usage;
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

int ReadFile(const std::string& path, InputFormat format) {
  const auto start = std::chrono::steady_clock::now();
  Status status;
  std::unique_ptr<Reader> reader = OpenReader(path, format, status);
  if (!reader) {
    fmt::print(stderr, "read_benchmark: {}\n", status.message());
    return 1;
  }
  std::vector<ReadIssue> issues;
  size_t documents = 0, content_bytes = 0;
  while (std::optional<RawDocument> doc = reader->Next(issues)) {
    ++documents;
    content_bytes += doc->content.size();
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const double megabytes = static_cast<double>(std::filesystem::file_size(path)) / 1e6;
  fmt::print("{}: {:.1f} MB in {:.2f} s = {:.1f} MB/s; {} documents ({:.1f} MB of content), {:.0f} documents/s; "
             "{} issue(s); peak RSS {:.0f} MB\n",
             path, megabytes, seconds, megabytes / seconds, documents, static_cast<double>(content_bytes) / 1e6,
             static_cast<double>(documents) / seconds, issues.size(), PeakRssMb());
  return 0;
}

}  // namespace
}  // namespace lagebild::bench

int main(int argc, char** argv) {
  lagebild::InputFormat format = lagebild::InputFormat::kAuto;
  int failed = 0;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--input") == 0 && i + 1 < argc) {
      const auto parsed = lagebild::ParseInputFormat(argv[++i]);
      if (!parsed) {
        fmt::print(stderr, "read_benchmark: unknown input format {}\n", argv[i]);
        return 2;
      }
      format = *parsed;
      continue;
    }
    failed |= lagebild::bench::ReadFile(argv[i], format);
  }
  return failed;
}
