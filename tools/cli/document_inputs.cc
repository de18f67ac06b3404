#include "document_inputs.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>

#include "read/document_parts.h"
#include "read/format_sniffer.h"
#include "read/http_fetch.h"

namespace lagebild::cli {
namespace {

constexpr size_t kSniffBytes = 4096;

// A reader over the body at `url`, read as its content says unless the format is given. A
// single page is the document at the URL, which becomes its URL; a feed's items have their own.
std::unique_ptr<Reader> FetchReader(const std::string& url, InputFormat format, Status& status,
                                    std::optional<std::string>& page_url) {
  FetchedBody fetched;
  status = FetchUrl(url, FetchLimits(), fetched);
  if (!status.ok()) return nullptr;
  if (format == InputFormat::kAuto) format = FormatFromContent(std::string_view(fetched.bytes).substr(0, kSniffBytes));
  if (format == InputFormat::kHtml || format == InputFormat::kText) page_url = fetched.url;
  return SplitLongDocuments(MakeReader(format, url, std::move(fetched.bytes)));
}

std::unique_ptr<Reader> OpenSource(const std::string& source, InputFormat format, Status& status,
                                   std::optional<std::string>& page_url) {
  page_url.reset();
  if (IsHttpUrl(source)) return FetchReader(source, format, status, page_url);
  std::unique_ptr<Reader> reader = OpenReader(source, format, status);
  return reader ? SplitLongDocuments(std::move(reader)) : nullptr;
}

void ReportIssues(std::vector<ReadIssue>& issues, bool& failed) {
  for (const ReadIssue& issue : issues) {
    const bool warning = issue.severity == ReadIssue::Severity::kWarning;
    std::cerr << fmt::format("lagebild: {}: {}{}\n", issue.location, warning ? "warning: " : "", issue.message);
    failed = failed || !warning;
  }
  issues.clear();
}

}  // namespace

void ApplyMetaOverrides(const std::string& lang, const std::string& published, DocumentMeta& meta) {
  if (lang != "auto") meta.lang = lang;
  if (!published.empty() && !meta.published && !meta.fetched) meta.published = published;
}

std::vector<std::string> ExpandFolders(const std::vector<std::string>& paths) {
  namespace fs = std::filesystem;
  std::vector<std::string> files;
  for (const std::string& path : paths) {
    std::error_code error;
    if (path == "-" || !fs::is_directory(path, error)) {
      files.push_back(path);
      continue;
    }
    std::vector<std::string> found;
    for (auto it = fs::recursive_directory_iterator(path, fs::directory_options::skip_permission_denied, error);
         !error && it != fs::recursive_directory_iterator(); it.increment(error)) {
      const bool hidden = it->path().filename().string().starts_with(".");
      if (hidden && it->is_directory()) it.disable_recursion_pending();
      if (!hidden && it->is_regular_file()) found.push_back(it->path().string());
    }
    std::sort(found.begin(), found.end());
    files.insert(files.end(), found.begin(), found.end());
  }
  return files;
}

bool ForEachDocument(const std::vector<std::string>& files, InputFormat input_format, bool report,
                     const std::function<void(RawDocument&&)>& visit) {
  bool failed = false;
  std::vector<ReadIssue> issues;
  for (const std::string& file : files) {
    Status open_status;
    std::optional<std::string> page_url;
    std::unique_ptr<Reader> reader = OpenSource(file, input_format, open_status, page_url);
    if (!reader) {
      if (report) std::cerr << "lagebild: " << open_status.message() << '\n';
      failed = true;
      continue;
    }
    while (std::optional<RawDocument> raw = reader->Next(issues)) {
      if (report) ReportIssues(issues, failed);
      issues.clear();
      if (!raw->meta.url) raw->meta.url = page_url;
      visit(std::move(*raw));
    }
    if (report) ReportIssues(issues, failed);
    issues.clear();
  }
  return failed;
}

}  // namespace lagebild::cli
