// golden_runner: runs golden test files (docs/golden-tests.md) through the library.
//
//   golden_runner [--image FILE] [--verbose] [--explain] PATH...
//
// PATH is a .test file or a folder searched recursively. Prints each failing case with its file
// and line, then "N passed, N failed". Exit code 1 when any case fails or a file is malformed.
#include <algorithm>
#include <filesystem>
#include <functional>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "golden_file.h"
#include "lagebild/pipeline.h"

namespace lagebild::golden {

using Handler = std::function<std::vector<std::string>(const Pipeline&, const Document&)>;

// The case kinds this runner knows, each turning an analysed document into output lines.
std::map<std::string, Handler> Handlers();
// The expected block in the form the handler's output is compared with (events are unordered).
std::vector<std::string> ExpectedLines(const std::string& kind, const std::vector<std::string>& expected);

namespace {

std::vector<std::string> CollectFiles(const std::vector<std::string>& paths) {
  std::vector<std::string> files;
  for (const std::string& path : paths) {
    if (std::filesystem::is_directory(path)) {
      for (const auto& entry : std::filesystem::recursive_directory_iterator(path)) {
        if (entry.is_regular_file() && entry.path().extension() == ".test") files.push_back(entry.path().string());
      }
    } else {
      files.push_back(path);
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

RawDocument ToRawDocument(const GoldenCase& test_case) {
  RawDocument raw;
  raw.meta.id = test_case.file + ":" + std::to_string(test_case.line);
  raw.meta.lang = test_case.lang;
  if (!test_case.published.empty()) raw.meta.published = test_case.published;
  raw.content = test_case.input;
  if (test_case.kind == "maintext") raw.type = ContentType::kHtml;  // the input is a page
  return raw;
}

void PrintFailure(const GoldenCase& test_case, const std::vector<std::string>& actual) {
  std::cout << "FAIL " << test_case.file << ":" << test_case.line << " (" << test_case.kind << " "
            << test_case.lang << ")\n";
  const size_t rows = std::max(test_case.expected.size(), actual.size());
  for (size_t i = 0; i < rows; ++i) {
    const std::string* want = i < test_case.expected.size() ? &test_case.expected[i] : nullptr;
    const std::string* got = i < actual.size() ? &actual[i] : nullptr;
    if (want && got && *want == *got) {
      std::cout << "    = " << *want << '\n';
      continue;
    }
    if (want) std::cout << "  - " << *want << '\n';
    if (got) std::cout << "  + " << *got << '\n';
  }
}

}  // namespace

int Main(int argc, char** argv) {
  std::string image = DefaultResourceImagePath();
  bool verbose = false;  // also show the output of pending cases
  bool explain = false;  // with a failing event case, show how the coder read it
  std::vector<std::string> paths;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--image" && i + 1 < argc) image = argv[++i];
    else if (arg == "--verbose") verbose = true;
    else if (arg == "--explain") explain = true;
    else paths.push_back(arg);
  }
  Status status;
  const std::unique_ptr<Pipeline> pipeline = Pipeline::Create(image, status);
  if (!pipeline) {
    std::cerr << "golden_runner: " << status.message() << '\n';
    return 2;
  }
  const std::map<std::string, Handler> handlers = Handlers();
  int passed = 0, failed = 0, pending = 0;
  for (const std::string& file : CollectFiles(paths)) {
    std::vector<GoldenCase> cases;
    if (Status read = ReadGoldenFile(file, cases); !read.ok()) {
      std::cout << "ERROR " << read.message() << '\n';
      ++failed;
      continue;
    }
    for (const GoldenCase& test_case : cases) {
      const auto handler = handlers.find(test_case.kind);
      if (handler == handlers.end()) {
        std::cout << "ERROR " << test_case.file << ":" << test_case.line << ": unknown case kind '"
                  << test_case.kind << "'\n";
        ++failed;
        continue;
      }
      const Document doc = pipeline->Process(ToRawDocument(test_case));
      const std::vector<std::string> actual = handler->second(*pipeline, doc);
      GoldenCase compared = test_case;
      compared.expected = ExpectedLines(test_case.kind, test_case.expected);
      const bool matches = actual == compared.expected;
      if (!test_case.pending.empty()) {
        // A pending case documents behaviour still to be built; once it passes, its mark must go.
        if (matches) {
          std::cout << "FAIL " << test_case.file << ":" << test_case.line << ": passes now; remove its pending mark\n";
          ++failed;
        } else {
          if (verbose) PrintFailure(compared, actual);
          ++pending;
        }
      } else if (matches) {
        ++passed;
      } else {
        PrintFailure(compared, actual);
        if (explain && test_case.kind == "events") std::cout << pipeline->ExplainEvents(doc);
        ++failed;
      }
    }
  }
  std::cout << passed << " passed, " << failed << " failed";
  if (pending > 0) std::cout << " (" << pending << " pending, not counted)";
  std::cout << '\n';
  return failed == 0 && passed > 0 ? 0 : 1;
}

}  // namespace lagebild::golden

int main(int argc, char** argv) { return lagebild::golden::Main(argc, argv); }
