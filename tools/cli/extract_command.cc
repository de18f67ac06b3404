// `lagebild extract`: analyse files or standard input and print the output contract.
#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <functional>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "commands.h"
#include "document_inputs.h"
#include "geo/publisher_regions.h"
#include "lagebild/output.h"
#include "lagebild/pipeline.h"
#include "lagebild/reader.h"

namespace lagebild::cli {
namespace {

struct ExtractOptions {
  std::string format = "json";
  std::string published;
  std::string lang = "auto";
  std::string input = "auto";
  std::string image;
  bool with_text = false;
  bool with_tokens = false;
  bool explain = false;
  bool publisher_regions = false;
  bool keep_boilerplate = false;
  std::vector<std::string> dictionaries;
  std::vector<std::string> files;
};

// Gathers documents into batches for the pipeline (Pipeline::Process of a vector: stage by stage,
// up to Pipeline::kBatchDocuments documents and kBatchBytes) and hands each analysed document
// on, in the order they came.
class DocumentBatches {
 public:
  using Sink = std::function<void(const Document&)>;
  DocumentBatches(const Pipeline& pipeline, Sink sink) : pipeline_(pipeline), sink_(std::move(sink)) {}

  void Add(RawDocument raw) {
    if (Pipeline::EndsBatch(pending_.size(), pending_bytes_, raw.content.size())) Flush();
    pending_bytes_ += raw.content.size();
    pending_.push_back(std::move(raw));
  }
  void Finish() { Flush(); }

 private:
  void Flush() {
    if (pending_.empty()) return;
    for (const Document& doc : pipeline_.Process(std::move(pending_))) sink_(doc);
    pending_.clear();
    pending_bytes_ = 0;
  }

  const Pipeline& pipeline_;
  Sink sink_;
  std::vector<RawDocument> pending_;
  size_t pending_bytes_ = 0;
};

// Prints documents in the chosen format. For `json`, a single document is one indented object;
// as soon as a second one arrives, everything is written as JSON Lines.
class DocumentPrinter {
 public:
  DocumentPrinter(OutputFormat format, OutputOptions options) : format_(format), options_(options) {
    if (format_ == OutputFormat::kTsv) std::cout << TsvHeader();
  }

  void Print(const Document& doc) {
    switch (format_) {
      case OutputFormat::kJson:
        if (held_) {
          std::cout << *held_ << '\n';
          held_.reset();
          lines_ = true;
        }
        if (lines_) std::cout << ToJson(doc, options_) << '\n';
        else held_ = ToJson(doc, options_), held_indented_ = ToJson(doc, options_, 2);
        break;
      case OutputFormat::kJsonl: std::cout << ToJson(doc, options_) << '\n'; break;
      case OutputFormat::kTsv: WriteTsv(std::cout, doc); break;
      case OutputFormat::kPretty: WritePretty(std::cout, doc); break;
    }
  }

  void Finish() {
    if (held_) std::cout << held_indented_ << '\n';
    std::cout.flush();
  }

 private:
  OutputFormat format_;
  OutputOptions options_;
  std::optional<std::string> held_;
  std::string held_indented_;
  bool lines_ = false;
};


void ReportWarnings(const Document& doc) {
  for (const Diagnostic& warning : doc.warnings) {
    std::cerr << fmt::format("lagebild: {}: warning: {}\n", doc.meta.id, warning.message);
  }
}

// Fills what the command line says into a document's metadata.
void ApplyOverrides(const ExtractOptions& options, DocumentMeta& meta) {
  ApplyMetaOverrides(options.lang, options.published, meta);
}

int RunExtract(const ExtractOptions& options) {
  const auto format = ParseOutputFormat(options.format);
  const auto input_format = ParseInputFormat(options.input);
  Status status;
  const std::string image = options.image.empty() ? DefaultResourceImagePath() : options.image;
  const std::unique_ptr<Pipeline> pipeline = Pipeline::Create(image, status);
  if (!pipeline) {
    std::cerr << "lagebild: " << status.message() << '\n';
    return kExitSetupError;
  }
  pipeline->KeepBoilerplate(options.keep_boilerplate);
  if (!options.dictionaries.empty()) {
    std::vector<std::string> problems;
    std::string summary;
    status = pipeline->UseDictionaries(options.dictionaries, problems, summary);
    if (!status.ok()) {
      std::cerr << "lagebild: " << status.message() << '\n';
      return kExitSetupError;
    }
    std::cerr << fmt::format("lagebild: dictionaries: {}; {} problem(s){}\n", summary, problems.size(),
                             problems.empty() ? "" : " (`lagebild dict check --tabari` lists TABARI ones)");
  }
  std::vector<std::string> files = options.files;
  if (files.empty()) {
    if (isatty(STDIN_FILENO)) {
      std::cerr << "lagebild extract: no input files (give FILE... or - for standard input; see --help)\n";
      return kExitInputProblem;
    }
    files.push_back("-");
  }
  PublisherRegions publishers;
  if (options.publisher_regions) {
    if (std::find(files.begin(), files.end(), "-") != files.end()) {
      std::cerr << "lagebild extract: --publisher-regions reads the input twice and cannot take standard input\n";
      return kExitInputProblem;
    }
    DocumentBatches observed(*pipeline, [&](const Document& doc) { publishers.Observe(doc); });
    ForEachDocument(files, *input_format, false, [&](RawDocument&& raw) {
      ApplyOverrides(options, raw.meta);
      observed.Add(std::move(raw));
    });
    observed.Finish();
  }
  DocumentPrinter printer(*format, {options.with_text, options.with_tokens});
  DocumentBatches printed(*pipeline, [&](const Document& doc) {
    ReportWarnings(doc);
    if (options.explain) std::cout << pipeline->ExplainEvents(doc);
    else printer.Print(doc);
  });
  const bool failed = ForEachDocument(files, *input_format, true, [&](RawDocument&& raw) {
    ApplyOverrides(options, raw.meta);
    if (options.publisher_regions) publishers.Assign(raw.meta);
    printed.Add(std::move(raw));
  });
  printed.Finish();
  printer.Finish();
  return failed ? kExitInputProblem : kExitOk;
}

}  // namespace

CommandRunner RegisterExtract(CLI::App& app) {
  auto options = std::make_shared<ExtractOptions>();
  CLI::App* command = app.add_subcommand("extract", "Analyse articles and print what was found");
  command->add_option("--format", options->format, "Output format")
      ->check(CLI::IsMember({"json", "jsonl", "tsv", "pretty"}))
      ->capture_default_str();
  command->add_option("--published", options->published,
                      "Publication date (YYYY-MM-DD) for documents whose source gives none")
      ->check(CLI::Validator(CheckIsoDay, "DATE"));
  command->add_option("--lang", options->lang, "Document language; auto detects it per paragraph")
      ->check(CLI::IsMember({"auto", "de", "en"}))
      ->capture_default_str();
  command->add_option("--input", options->input, "Input format; auto decides by file name and content")
      ->check(CLI::IsMember({"auto", "text", "html", "jsonl", "feed", "warc"}))
      ->capture_default_str();
  command->add_flag("--keep-boilerplate", options->keep_boilerplate,
                    "HTML: analyse the whole visible text, not only the main text (docs/cleaning.md)");
  command->add_flag("--with-text", options->with_text, "Add doc.text, the cleaned text all offsets refer to");
  command->add_flag("--with-tokens", options->with_tokens, "Add the tokens and each sentence's token range");
  command->add_flag("--explain", options->explain,
                    "Instead of the output, show how each sentence was read: clauses, verbs, actors and their roles, candidate events");
  command->add_flag("--publisher-regions", options->publisher_regions,
                    "Learn each publisher's home region (by URL host) from all its articles first, so that a local "
                    "paper's 'Alexandria' is the one near home; reads the input twice");
  command->add_option("--image", options->image, "Resource image (default: beside the program)");
  command->add_option("--dict", options->dictionaries,
                      "Code events with the field's dictionaries instead of lagebild's: tabari:PROJECT, tabari-actors:FILE, "
                      "tabari-agents:FILE, tabari-verbs:FILE, tabari-options:FILE, petrarch-verbs:FILE, petrarch-actors:FILE, "
                      "petrarch-agents:FILE, petrarch-discards:FILE (repeatable)")
      ->allow_extra_args(false);  // one value per --dict, so files may follow
  command->add_option("files", options->files, "Input files or http(s) URLs; - reads standard input");
  return [options] { return RunExtract(*options); };
}

}  // namespace lagebild::cli
